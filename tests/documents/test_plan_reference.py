"""The plan reference printed in a plan's front matter: read from a labelled field only."""

from __future__ import annotations

import pytest
from weasyprint import HTML

from qa_audit.documents import read_plan
from qa_audit.documents.plan_reference import printed_reference
from tests.factories import plan_with_front_matter


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Education, Health and Care Plan", "EHCP reference: EHC-2025-0042"], "EHC-2025-0042"),
        (["EHC plan reference: EHC/0042."], "EHC/0042"),
        (["Our ref: SEN/88123 Your ref: ABC"], "SEN/88123"),
        (["Case reference number - 2025/17"], "2025/17"),
        (["Reference number", "LA-1234"], "LA-1234"),
        (["Plan reference: EHCP-2025-0101"], "EHCP-2025-0101"),
        (["Name: Sam", "Date of birth: 01/02/2015", "Plan reference #P00917"], "P00917"),
    ],
)
def test_a_labelled_reference_is_read(lines, expected):
    assert printed_reference(lines) == expected


@pytest.mark.parametrize(
    "lines",
    [
        ["Our ref: Smith"],  # no digit: could be a name
        ["Plan reference: Alex Jones"],
        ["Case reference", "Jordan"],
        ["EHC-2025-0042"],  # no label
        ["Reference: EHC-2025-0042"],  # "Reference" alone labels too many things
        ["Plan reference: EHC-2025-0042-AND-A-GREAT-MANY-MORE-CHARACTERS-THAN-ALLOWED"],
        ["Plan reference: EHC\x072025"],
        ["Plan reference:"],
    ],
)
def test_nothing_that_is_not_a_usable_reference_is_read(lines):
    assert printed_reference(lines) is None


def test_only_the_front_matter_is_read():
    lines = ["Section A"] + ["Some text."] * 100 + ["Plan reference: EHC-9"]
    assert printed_reference(lines) is None


def test_read_plan_gives_the_reference_from_a_word_header_table_and_a_pdf():
    word = plan_with_front_matter(("Name", "Sam"), ("EHCP reference", "EHC-2025-0042"))
    assert read_plan(word, "plan.docx").reference == "EHC-2025-0042"
    pdf = HTML(
        string="<h1>Education, Health and Care Plan</h1><p>Our ref: SEN/88123</p>"
        "<h2>Section A: Views, interests and aspirations</h2><p>Sam likes trains.</p>"
    ).write_pdf()
    assert read_plan(pdf, "plan.pdf").reference == "SEN/88123"
    unlabelled = plan_with_front_matter(("Name", "Sam"))
    assert read_plan(unlabelled, "EHC-2025-0042.docx").reference is None
