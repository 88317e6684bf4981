"""Documents that reuse a plan's section labels but are not plans are said not to be plans, and
nothing in them is reported as plan sections, outcomes or advice."""

from __future__ import annotations

import pytest

from qa_audit.documents import read_plan
from qa_audit.synthetic import LAYOUTS, generate_plan
from qa_audit.synthetic.not_plans import NOT_PLANS, generate_not_plan

EXPECTED = {
    "advice_form": "not_a_plan",
    "blank_template": "not_filled_in",
    "guidance_template": "not_filled_in",
    "contents_page": "not_a_plan",
}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("kind", NOT_PLANS)
def test_document_that_is_not_a_plan_is_said_to_be_so(kind: str, fmt: str) -> None:
    parsed = read_plan(generate_not_plan(8, kind, fmt), f"document.{fmt}")
    assert parsed.reading.status == EXPECTED[kind]
    assert parsed.reading.message
    assert parsed.sections == {} and parsed.outcomes == [] and parsed.advice == []
    if kind != "contents_page":  # nothing was read from a contents page to drop
        assert parsed.year_group is None and parsed.template.kind == "unknown"
    assert parsed.reading.outcomes == "not found"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_gallery_plan_reads_as_a_plan(layout: str) -> None:
    for fmt in ("docx", "pdf"):
        plan = generate_plan(9, layout, fmt)
        reading = read_plan(plan.data, plan.filename).reading
        assert (reading.status, reading.message, reading.outcomes) == ("plan", None, "found")
        assert reading.confidence in {"high", "medium"}


def test_a_plan_without_outcomes_says_they_were_not_found() -> None:
    from qa_audit.synthetic.render_docx import render_docx
    from qa_audit.synthetic.spec import Para

    blocks = [Para("Education, Health and Care Plan", "title")]
    for key, item in (("A", "I like trains."), ("B", "R.T. reads slowly."), ("F", "Daily phonics")):
        blocks += [Para(f"Section {key}", "h1"), Para(item, "bullet")]
    blocks.append(Para("Section E: Outcomes", "h1"))
    reading = read_plan(render_docx(blocks), "plan.docx").reading
    assert reading.status == "plan"
    assert reading.outcomes == "not found" and reading.confidence == "low"
    assert reading.sections["E"] == "found" and reading.sections["K"] == "not found"


def test_a_fragment_with_too_few_sections_is_not_called_a_plan_but_keeps_what_it_has() -> None:
    from qa_audit.synthetic.render_docx import render_docx
    from qa_audit.synthetic.spec import Para

    parsed = read_plan(
        render_docx([Para("Section A: About me", "h1"), Para("I like art.")]), "a.docx"
    )
    assert parsed.reading.status == "not_a_plan" and "fewer than three" in parsed.reading.message
    assert parsed.has_section("A")
