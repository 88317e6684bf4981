"""Dates, year group, template verdict, advice, aspirations and the JSON shape."""

from __future__ import annotations

import json
from datetime import date

import pytest

from qa_audit.documents import read_plan
from qa_audit.documents.advice import parse_advice
from qa_audit.documents.plan_dates import parse_date, year_group
from qa_audit.documents.template_kind import judge_template
from qa_audit.synthetic import LAYOUTS, generate_plan
from tests.documents.corpus_accuracy import normal


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_plan_facts_are_recovered(layout: str, fmt: str) -> None:
    plan = generate_plan(41, layout, fmt)
    parsed = read_plan(plan.data, plan.filename)
    truth = plan.truth
    assert parsed.issue_date == truth.issue_date
    assert parsed.review_date == truth.review_date
    assert parsed.year_group == truth.year_group
    assert parsed.template.kind == truth.template
    assert parsed.template.evidence
    assert {a.source for a in parsed.advice} == set(truth.advice_sources)
    assert all(a.date is not None for a in parsed.advice)
    assert [normal(a) for a in parsed.aspirations] == [normal(a) for a in truth.aspirations]
    json.dumps(parsed.to_dict())


def test_conversion_evidence_quotes_statement_wording() -> None:
    plan = generate_plan(42, "conversion", "docx")
    verdict = read_plan(plan.data, plan.filename).template
    assert verdict.kind == "conversion"
    assert any("in place of a Statement" in quote for quote in verdict.evidence)


def test_one_mention_of_objectives_does_not_make_a_current_plan_a_conversion() -> None:
    text = (
        "Education, Health and Care Plan. Section E: Outcomes. The objectives of the school "
        "trip were discussed. Preparing for adulthood outcomes are included."
    )
    assert judge_template(text, sections_found=12).kind == "current"


def test_plan_with_no_template_cues_is_unknown() -> None:
    assert judge_template("A short note about a meeting.", sections_found=0).kind == "unknown"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date of issue: 14 March 2025", date(2025, 3, 14)),
        ("issued 3rd Sept 2024", date(2024, 9, 3)),
        ("Review date 05/11/2025", date(2025, 11, 5)),
        ("2025-01-31", date(2025, 1, 31)),
        ("31/02/2025", None),
        ("no date here", None),
    ],
)
def test_dates_are_read_day_first(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Year group: Year 5", 5),
        ("NC Year: 9", 9),
        ("Year group: Reception", 0),
        ("Current year: 12", 12),
        ("Year group: Nursery (early years)", None),
        ("In Year 2 she found reading hard.", None),
    ],
)
def test_year_group(line: str, expected: int | None) -> None:
    assert year_group(["Name: A.B.", line]) == expected


def test_advice_line_gives_source_role_and_date() -> None:
    advice = parse_advice("Specialist Speech and Language Therapist - report dated 16 April 2024")
    assert advice is not None
    assert advice.source == "Speech and Language Therapist"
    assert advice.author == "Specialist Speech and Language Therapist"
    assert advice.date == date(2024, 4, 16)
    assert parse_advice("The following advice and information was gathered:") is None


def test_table_layout_gives_provision_its_deliverer_and_frequency() -> None:
    plan = generate_plan(43, "outcome_provision", "docx")
    parsed = read_plan(plan.data, plan.filename)
    assert parsed.provision
    in_tables = [p for p in parsed.provision if p.section == "F" and p.by_whom]
    assert len(in_tables) == len(plan.truth.outcomes)
    assert all(p.frequency and p.area for p in in_tables)


def test_term_table_gives_outcome_terms_and_areas() -> None:
    plan = generate_plan(44, "term_table", "pdf")
    parsed = read_plan(plan.data, plan.filename)
    assert [o.term for o in parsed.outcomes] == [o.term for o in plan.truth.outcomes]
    assert [o.area for o in parsed.outcomes] == [o.area for o in plan.truth.outcomes]


def test_headed_plan_records_areas_of_needs_and_outcomes() -> None:
    plan = generate_plan(45, "headed", "docx")
    parsed = read_plan(plan.data, plan.filename)
    assert [o.area for o in parsed.outcomes] == [o.area for o in plan.truth.outcomes]
    assert all(n.area for n in parsed.needs if n.section == "B")


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_outcomes_citing_numbered_needs_are_linked_by_the_code(fmt: str) -> None:
    plan = next(
        p
        for seed in range(200)
        if "links to need B" in (p := generate_plan(seed, "headed", fmt)).truth.outcomes[0].text
    )
    parsed = read_plan(plan.data, plan.filename)
    links = {normal(o.text): (normal(o.need), normal(o.provision)) for o in parsed.outcomes}
    for expected in plan.truth.outcomes:
        assert links[normal(expected.text)] == (normal(expected.need), normal(expected.provision))
