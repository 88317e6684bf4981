"""Time frames a plan gives outside the outcome: a column heading or a subheading in section E
("By the end of Key Stage 2") dates every outcome under it, as published templates lay them out."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document

from qa_audit.documents import read_plan
from qa_audit.documents.headings import frame_heading
from qa_audit.nlp.plan import analyse_plan

OUTCOMES = (
    "Sam will start a conversation with a classmate at break time on 4 out of 5 days, "
    "as observed by staff.",
    "Sam will read a book at his chronological reading age with 95% accuracy.",
)
NEEDS = (
    "Sam finds it hard to start conversations with other children.",
    "Sam reads below the level expected for his age.",
)
PROVISION = (
    "Speech and language therapist to deliver a 30 minute social communication group weekly.",
    "Teaching assistant to deliver a 20 minute phonics programme daily.",
)


def _opening(document) -> None:
    document.add_heading("Education, Health and Care Plan", 0)
    document.add_paragraph("Year group: Year 5")
    document.add_paragraph("Date plan issued: 10 March 2026")
    document.add_heading("Section A: About me", 1)
    document.add_paragraph("Sam likes football and wants to be a vet.")


def _saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def subheaded_plan(subheading: str) -> bytes:
    document = Document()
    _opening(document)
    document.add_heading("Section B: Special educational needs", 1)
    for need in NEEDS:
        document.add_paragraph(need)
    document.add_heading("Section E: Outcomes", 1)
    document.add_paragraph(subheading)
    for outcome in OUTCOMES:
        document.add_paragraph(outcome, style="List Bullet")
    document.add_heading("Section F: Special educational provision", 1)
    for item in PROVISION:
        document.add_paragraph(item, style="List Bullet")
    return _saved(document)


def column_plan(outcome_heading: str) -> bytes:
    document = Document()
    _opening(document)
    document.add_heading("Sections B, E and F", 1)
    table = document.add_table(rows=3, cols=3)
    headings = ("Special educational needs (B)", outcome_heading, "Provision (F)")
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        cell.text = text
    for row, values in zip(table.rows[1:], zip(NEEDS, OUTCOMES, PROVISION, strict=True)):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    return _saved(document)


def flags_of(data: bytes) -> list[dict[str, str]]:
    plan = read_plan(data, "plan.docx")
    assert [o.text for o in plan.outcomes] == list(OUTCOMES)
    analysis = analyse_plan(plan, today=date(2026, 4, 1)).to_dict()
    return [
        {flag["code"]: flag["evidence"] for flag in outcome["flags"]}
        for outcome in analysis["outcomes"]
    ]


@pytest.mark.parametrize(
    "subheading", ["By the end of Key Stage 2:", "Outcomes to be achieved by July 2027"]
)
def test_a_subheading_dates_the_outcomes_under_it(subheading: str) -> None:
    assert flags_of(subheaded_plan(subheading)) == [{}, {}]
    plan = read_plan(subheaded_plan(subheading), "plan.docx")
    assert {o.heading for o in plan.outcomes} == {subheading.rstrip(":")}


def test_a_column_heading_dates_the_outcomes_in_it() -> None:
    assert flags_of(column_plan("Outcomes to be achieved by July 2027 (E)")) == [{}, {}]


def test_a_heading_date_already_past_when_the_plan_was_issued_is_outdated() -> None:
    found = flags_of(column_plan("Outcomes to be achieved by July 2024 (E)"))
    assert [flags.get("outdated") for flags in found] == ["by July 2024", "by July 2024"]
    assert all("not_time_bound" not in flags for flags in found)


def test_a_heading_that_gives_no_time_leaves_undated_outcomes_flagged() -> None:
    found = flags_of(column_plan("Outcomes (E)"))
    assert [flags.get("not_time_bound") for flags in found] == ["no time frame"] * 2
    found = flags_of(subheaded_plan("What we want Sam to achieve"))
    assert [flags.get("not_time_bound") for flags in found] == ["no time frame"] * 2


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By the end of Key Stage 2:", True),
        ("Outcomes for the next 12 months", True),
        ("Targets to be reviewed in 2027", True),
        ("Sam will read 20 words by July", False),  # an outcome written without a full stop
        ("By July 2027 I can catch a bus on my own", False),
        ("Communication and interaction", False),
        ("By the end of the year Sam should be able to hold a pencil and form letters well", False),
        ("- by Easter", False),
    ],
)
def test_frame_heading_finds_short_time_lines_only(line: str, expected: bool) -> None:
    assert frame_heading(line) is expected
