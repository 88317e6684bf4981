"""Provision tables with columns for who delivers it and how much; blank and "None" cells; the
area of need not running on into the health and social care tables; how each need link was found.
"""

from __future__ import annotations

import pytest

from qa_audit.documents import read_plan
from qa_audit.documents.model import ProvisionItem
from qa_audit.documents.table_columns import classify_column, header_columns
from qa_audit.synthetic.render_docx import render_docx
from qa_audit.synthetic.render_pdf import render_pdf
from qa_audit.synthetic.spec import Block, CellSpec, Para, TableSpec

COMMUNICATION = "Communication and interaction"


def table(*rows: list[str], title: str | None = None) -> TableSpec:
    grid: list[list[CellSpec | None]] = []
    if title:
        width = len(rows[0])
        grid.append([CellSpec(title, colspan=width, shaded=True), *([None] * (width - 1))])
    grid += [[CellSpec(text) for text in row] for row in rows]
    return TableSpec(grid)


def render(blocks: list[Block], fmt: str) -> bytes:
    return render_docx(blocks) if fmt == "docx" else render_pdf(blocks, "EHC plan A.B.")


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Staffing", "by_whom"),
        ("Staff / ratio", "by_whom"),
        ("Provider", "by_whom"),
        ("Lead professional", "by_whom"),
        ("Who", "by_whom"),
        ("Duration", "frequency"),
        ("How long", "frequency"),
        ("Amount", "frequency"),
        ("Intensity", "frequency"),
        ("Time allocated", "frequency"),
        ("Frequency / duration", "frequency"),
    ],
)
def test_columns_saying_who_and_how_much_are_recognised(header: str, role: str) -> None:
    column = classify_column(2, header)
    assert column is not None and column.role == role


def test_a_provision_table_with_staffing_and_duration_columns_is_a_plan_table() -> None:
    columns = header_columns(["Provision", "Staffing", "Frequency", "Duration"])
    assert columns is not None
    assert [c.role for c in columns] == ["provision", "by_whom", "frequency", "frequency"]
    assert header_columns(["Support", "Provider", "Amount"]) is not None


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_who_and_how_much_columns_are_kept_with_the_provision(fmt: str) -> None:
    blocks: list[Block] = [
        Para("Section F: Special educational provision", "h1"),
        table(
            ["Outcome", "Provision", "Staffing", "Frequency", "Duration"],
            [
                "By July 2027, A.B. will ask for help using a 3-word phrase in 4 of 5 lessons.",
                "Vocabulary programme written by the speech and language therapist.",
                "Teaching assistant trained by the therapist",
                "Three times a week",
                "20 minutes",
            ],
            title=COMMUNICATION,
        ),
        Para("Section K: Advice and information", "h1"),  # a one-page PDF's footer lands here
    ]
    parsed = read_plan(render(blocks, fmt), f"plan.{fmt}")
    [item] = parsed.provision
    assert item.by_whom == "Teaching assistant trained by the therapist"
    assert item.frequency == "Three times a week; 20 minutes"
    assert item.statement == (
        "Vocabulary programme written by the speech and language therapist. (by whom: Teaching "
        "assistant trained by the therapist; frequency: Three times a week; 20 minutes)"
    )
    assert parsed.sections["F"].paragraphs == [item.statement]


def test_provision_without_columns_reads_as_written() -> None:
    assert ProvisionItem("Daily 20-minute phonics with a TA.", "F").statement == (
        "Daily 20-minute phonics with a TA."
    )
    assert ProvisionItem("Phonics.", "F", frequency="Daily").statement == (
        "Phonics. (frequency: Daily)"
    )


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_blank_need_cell_links_the_outcome_to_no_need(fmt: str) -> None:
    first = "By July 2027, A.B. will greet two classmates by name each morning on 4 of 5 days."
    second = "By July 2027, A.B. will swim 25 metres unaided."
    blocks: list[Block] = [
        table(
            ["Need (Section B)", "Outcome (Section E)", "Provision (Section F)"],
            ["A.B. rarely starts an interaction with peers.", first, "Daily 10-minute game."],
            ["", second, "Weekly swimming lesson with a qualified instructor."],
        )
    ]
    parsed = read_plan(render(blocks, fmt), f"plan.{fmt}")
    links = {o.text: (o.need, o.need_linked_by) for o in parsed.outcomes}
    assert links[first] == ("A.B. rarely starts an interaction with peers.", "row")
    assert links[second][1] != "row"


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_health_table_does_not_carry_on_the_area_of_the_table_before_it(fmt: str) -> None:
    blocks: list[Block] = [
        Para("Needs, provision and outcomes", "h1"),
        table(
            ["B: Special educational needs", "F: Special educational provision", "E: Outcomes"],
            [
                "A.B. rarely starts an interaction with peers.",
                "Daily 10-minute turn-taking game led by a teaching assistant.",
                "By July 2027, A.B. will greet two classmates by name on 4 of 5 days.",
            ],
            title=COMMUNICATION,
        ),
        table(
            ["C: Health needs", "G: Health provision", "E: Outcomes"],
            ["No identified health needs.", "None required.", ""],
        ),
    ]
    parsed = read_plan(render(blocks, fmt), f"plan.{fmt}")
    areas = {(n.section, n.area) for n in parsed.needs}
    assert areas == {("B", COMMUNICATION), ("C", None)}
    assert {(p.section, p.area) for p in parsed.provision} == {("F", COMMUNICATION), ("G", None)}


def test_need_links_record_how_they_were_found() -> None:
    blocks: list[Block] = [
        Para("Section B: Special educational needs", "h1"),
        Para(COMMUNICATION, "h2"),
        Para("B1: A.B. rarely starts an interaction with peers.", "bullet"),
        Para("B2: A.B. uses two-word phrases only.", "bullet"),
        Para("Section E: Outcomes", "h1"),
        Para(COMMUNICATION, "h2"),
        Para(
            "By July 2027, A.B. will use 4-word phrases in 4 of 5 lessons (links to B2).", "bullet"
        ),
        Para("By July 2027, A.B. will greet two classmates by name on 4 of 5 days.", "bullet"),
        Para("By July 2027, A.B. will join a game at break on 3 days a week.", "bullet"),
        Para("Section F: Special educational provision", "h1"),
        Para(COMMUNICATION, "h2"),
        Para("Daily 10-minute turn-taking game led by a teaching assistant.", "bullet"),
    ]
    parsed = read_plan(render_docx(blocks), "plan.docx")
    # The second outcome takes the need not cited; the third has no need of its own.
    assert [o.need_linked_by for o in parsed.outcomes] == ["reference", "order", "after_last"]
