"""Section headings, areas of need and table column labels in their many wordings."""

from __future__ import annotations

import pytest

from qa_audit.documents.headings import area_heading, section_heading, term_heading
from qa_audit.documents.table_columns import classify_column, header_columns


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("Section A: Views, interests and aspirations", "A"),
        ("A. Views, interests and aspirations", "A"),
        ("Section B \u2013 Special educational needs", "B"),
        ("SECTION C - HEALTH NEEDS RELATED TO SEN", "C"),
        ("D: Social care needs", "D"),
        ("Section E", "E"),
        ("Outcomes sought", "E"),
        ("Part 2 Special educational needs", "B"),
        ("Part 3 Special educational provision / objectives", "F"),
        ("Part 4: Placement", "I"),
        ("Section H1: Social care provision under section 2 of the CSDPA 1970", "H1"),
        (
            "SECTION H1 - SOCIAL CARE PROVISION UNDER SECTION 2 OF THE CHRONICALLY SICK AND "
            "DISABLED PERSONS ACT",
            "H1",
        ),
        ("H2 Other social care provision", "H2"),
        ("Social care provision", "H2"),
        ("Health provision", "G"),
        ("Special educational provision", "F"),
        ("Name and type of school or setting", "I"),
        ("J. Personal budget", "J"),
        ("K: Advice and information", "K"),
        ("A \u2013 What people like and admire about me", "A"),
        ("F \u2013 Provision", "F"),
        ("Section H: Social care provision under section 2 of the CSDPA", "H1"),
        ("H - Social care provision", "H2"),
    ],
)
def test_section_headings(line: str, key: str) -> None:
    assert section_heading(line) == key


@pytest.mark.parametrize(
    "line",
    [
        "I will go to college when I am older.",
        "A child who likes trains and buses",
        "B.T. finds it hard to follow instructions.",
        "B.T. needs adult help to organise belongings",
        "H.M. has a support plan for health needs",
        "E. will need provision and support",
        "Her special educational needs were first identified in nursery when she was three.",
        "",
    ],
)
def test_body_lines_are_not_headings(line: str) -> None:
    assert section_heading(line) is None


def test_bare_title_counts_when_styled_as_heading() -> None:
    line = "Special educational needs, as agreed with the family in the spring"
    assert section_heading(line) is None
    assert section_heading(line, styled=True) == "B"


@pytest.mark.parametrize(
    ("line", "area"),
    [
        ("Communication and interaction", "Communication and interaction"),
        ("Area of need: Cognition and learning", "Cognition and learning"),
        ("SEMH", "Social, emotional and mental health"),
        ("Physical and sensory", "Sensory and/or physical"),
        ("Independence and self-care", "Self-care and independence"),
        ("Communication and interaction is an area where A.B. has made progress.", None),
    ],
)
def test_area_headings(line: str, area: str | None) -> None:
    assert area_heading(line) == area


def test_term_headings() -> None:
    assert term_heading("Short-term outcomes (next 12 months)") == "short"
    assert term_heading("Long term outcomes") == "long"
    assert term_heading("Outcomes") is None


@pytest.mark.parametrize(
    ("header", "role", "section"),
    [
        ("B need", "need", "B"),
        ("Section F - Provision", "provision", "F"),
        ("What I will achieve (E)", "outcome", "E"),
        ("Need (Section B)", "need", "B"),
        ("C: Health needs", "need", "C"),
        ("Health provision", "provision", "G"),
        ("H1: Social care provision under section 2", "provision", "H1"),
        ("Social care needs", "need", "D"),
        ("Who will provide it", "by_whom", None),
        ("How often", "frequency", None),
        ("Area of need", "area", None),
        ("Provision to achieve the outcome", "provision", "F"),
        ("Aspiration", "aspiration", None),
    ],
)
def test_column_labels(header: str, role: str, section: str | None) -> None:
    column = classify_column(0, header)
    assert column is not None
    assert (column.role, column.section) == (role, section)


@pytest.mark.parametrize(
    "cell",
    [
        "B.J. will improve their literacy and numeracy skills.",
        "C.H. uses two-word phrases to ask for a drink.",
        "E.g. a visual timetable",
    ],
)
def test_initials_opening_a_cell_are_not_a_section_letter(cell: str) -> None:
    assert classify_column(0, cell) is None


def test_term_columns_and_non_plan_headers() -> None:
    columns = header_columns(["Area of need", "Long-term outcome", "Short-term outcome"])
    assert columns is not None and [c.term for c in columns] == [None, "long", "short"]
    assert header_columns(["Name", "Date of birth"]) is None
    assert header_columns(["Advice from", "Date"]) is None


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("Section 3: Special educational needs and provision", "B"),
        ("Section 4 - Health needs and provision", "C"),
        ("Section 6: Placement", "I"),
        ("E.", "E"),
        ("H1:", "H1"),
        ("Section E:", "E"),
        ("Intended outcomes", "E"),
        ("Part 1: Introduction and views, interests and aspirations (Section A)", "A"),
        ("Sections C and D: Health and social care needs", "C"),
        (
            "Social care provision under section 2 of the Chronically Sick and Disabled "
            "Persons Act",
            "H1",
        ),
    ],
)
def test_numbered_abbreviated_and_run_together_headings(line: str, key: str) -> None:
    assert section_heading(line) == key


def test_sections_run_together_and_content_on_the_heading_line() -> None:
    from qa_audit.documents.headings import heading_remainder, section_list

    assert section_list("Sections G, H1 and H2: Health and social care provision") == [
        "G",
        "H1",
        "H2",
    ]
    assert section_list("Section G: Health provision") == []
    line = "Section J \u2013 Personal budget: A personal budget has not been requested."
    assert (section_heading(line), heading_remainder(line)) == (
        "J",
        "A personal budget has not been requested.",
    )
    assert heading_remainder("Section J: Personal budget") == ""


@pytest.mark.parametrize(
    "line",
    [
        "Section 1: About me and what is important to me ............ 2",
        "Section E: Outcomes 7",
        "Outcomes \u2026 12",
    ],
)
def test_contents_entries_are_not_headings(line: str) -> None:
    assert section_heading(line) is None


def test_part_headings_name_a_role_not_a_section() -> None:
    from qa_audit.documents.headings import part_heading

    assert [part_heading(t) for t in ("Needs", "Provision:", "Intended outcomes", "Health")] == [
        "need",
        "provision",
        "outcome",
        None,
    ]
