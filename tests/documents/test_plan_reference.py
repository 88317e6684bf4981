"""The plan reference printed in a plan's front matter: read from a labelled field only."""

from __future__ import annotations

import pytest

from qa_audit.documents.plan_reference import printed_reference


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
