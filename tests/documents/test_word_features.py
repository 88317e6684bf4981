"""Word features python-docx hides or misreads: content controls, revisions, merged cells."""

from __future__ import annotations

import io

from docx import Document

from qa_audit.documents import read_plan
from qa_audit.documents.blocks import Cell, Paragraph, Table
from qa_audit.documents.docx_reader import read_docx
from qa_audit.documents.limits import DocumentLimits
from tests.docgen import generate_plan
from tests.docgen.render_docx import render_docx
from tests.docgen.spec import CellSpec, Para, TableSpec


def blocks_of(*spec: Para | TableSpec):
    return read_docx(render_docx(list(spec)), DocumentLimits())


def test_text_inside_content_controls_is_read() -> None:
    data = render_docx([Para("Visible outside"), Para("Inside a control", in_control=True)])
    assert "Inside a control" not in [p.text for p in Document(io.BytesIO(data)).paragraphs]
    texts = [b.text for b in read_docx(data, DocumentLimits()) if isinstance(b, Paragraph)]
    assert texts == ["Visible outside", "Inside a control"]


def test_tracked_changes_read_as_accepted() -> None:
    blocks = blocks_of(
        Para("By July, A.B. will ", tracked=("try to ", "read ten words.")),
        Para("An outcome that was removed.", deleted=True),
    )
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert texts == ["By July, A.B. will read ten words.", ""]


def test_merged_cells_are_read_once() -> None:
    (table,) = blocks_of(
        TableSpec(
            [
                [CellSpec("Communication and interaction", colspan=2), None],
                [CellSpec("Need one", rowspan=2), CellSpec("Outcome one")],
                [None, CellSpec("Outcome two")],
            ]
        )
    )
    assert isinstance(table, Table)
    title, first, second = table.rows
    assert [c.text for c in title] == ["Communication and interaction"] and title[0].span == 2
    assert first[0].text == "Need one" and not first[0].continued
    assert second[0].continued and second[0].text == ""


def test_nested_tables_keep_their_rows() -> None:
    inner = TableSpec(
        [[CellSpec("Outcome"), CellSpec("Provision")], [CellSpec("x"), CellSpec("y")]]
    )
    (outer,) = blocks_of(TableSpec([[CellSpec(blocks=[Para("Box heading"), inner])]]))
    cell: Cell = outer.rows[0][0]
    nested = [b for b in cell.blocks if isinstance(b, Table)]
    assert len(nested) == 1 and [c.text for c in nested[0].rows[1]] == ["x", "y"]
    assert cell.paragraphs[:3] == ["Box heading", "Outcome", "Provision"]


def test_outcome_revised_with_tracked_changes_is_read_as_accepted() -> None:
    plan = generate_plan(11, "headed", "docx")
    parsed = read_plan(plan.data, plan.filename)
    texts = [o.text for o in parsed.outcomes]
    assert texts == [o.text for o in plan.truth.outcomes]
    assert not any("try to" in text for text in texts)
    assert not any("lunchtime club" in text for text in texts)  # the deleted outcome


def test_merged_need_cell_links_every_row_it_covers() -> None:
    data = render_docx(
        [
            Para("Section E: Outcomes", "h1"),
            TableSpec(
                [
                    [CellSpec("B: Need"), CellSpec("E: Outcome"), CellSpec("F: Provision")],
                    [
                        CellSpec("Need one", rowspan=2),
                        CellSpec("By July, Z. will a."),
                        CellSpec("P1"),
                    ],
                    [None, CellSpec("By July, Z. will b."), CellSpec("P2")],
                ]
            ),
        ]
    )
    parsed = read_plan(data, "plan.docx")
    assert [(o.need, o.provision) for o in parsed.outcomes] == [
        ("Need one", "P1"),
        ("Need one", "P2"),
    ]
    assert [n.text for n in parsed.needs] == ["Need one"]
