"""Word features python-docx hides or misreads: content controls, revisions, merged cells."""

from __future__ import annotations

import io

from docx import Document

from qa_audit.documents import read_plan
from qa_audit.documents.blocks import Cell, Paragraph, Table
from qa_audit.documents.docx_reader import read_docx
from qa_audit.documents.limits import Deadline, DocumentLimits
from qa_audit.synthetic import generate_plan
from qa_audit.synthetic.render_docx import render_docx
from qa_audit.synthetic.spec import CellSpec, Para, TableSpec


def blocks_of(*spec: Para | TableSpec):
    return read_docx(render_docx(list(spec)), DocumentLimits(), Deadline(30))


def test_text_inside_content_controls_is_read() -> None:
    data = render_docx([Para("Visible outside"), Para("Inside a control", in_control=True)])
    assert "Inside a control" not in [p.text for p in Document(io.BytesIO(data)).paragraphs]
    texts = [
        b.text for b in read_docx(data, DocumentLimits(), Deadline(30)) if isinstance(b, Paragraph)
    ]
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


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_with_body(body: str) -> bytes:
    """A real .docx with ``body`` as its body XML (features python-docx cannot write)."""
    import zipfile

    source = render_docx([Para("placeholder")])
    document = f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source)) as original,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "word/document.xml":
                data = document.encode()
            target.writestr(item.filename, data)
    return out.getvalue()


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_moves_read_at_their_destination_only() -> None:
    body = (
        f"<w:p><w:moveFrom w:id='1' w:author='x'>{run('Moved outcome.')}</w:moveFrom></w:p>"
        f"<w:p>{run('Kept.')}</w:p>"
        f"<w:p><w:moveTo w:id='2' w:author='x'>{run('Moved outcome.')}</w:moveTo></w:p>"
    )
    blocks = read_docx(docx_with_body(body), DocumentLimits(), Deadline(30))
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == ["", "Kept.", "Moved outcome."]


def test_run_and_cell_level_content_controls_and_deleted_rows() -> None:
    sdt_run = f"<w:sdt><w:sdtPr/><w:sdtContent>{run('inside control')}</w:sdtContent></w:sdt>"
    cell = "<w:tc><w:p>{}</w:p></w:tc>"
    body = (
        f"<w:p>{run('Before ')}{sdt_run}{run(' after')}</w:p>"
        "<w:tbl>"
        f"<w:tr>{cell.format(run('Need'))}"
        f"<w:sdt><w:sdtPr/><w:sdtContent>{cell.format(run('Outcome in a control'))}"
        "</w:sdtContent></w:sdt></w:tr>"
        f"<w:tr><w:trPr><w:del w:id='3' w:author='x'/></w:trPr>{cell.format(run('Old row'))}"
        f"{cell.format(run('Old outcome'))}</w:tr>"
        "</w:tbl>"
    )
    paragraph, table = read_docx(docx_with_body(body), DocumentLimits(), Deadline(30))
    assert isinstance(paragraph, Paragraph) and paragraph.text == "Before inside control after"
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [["Need", "Outcome in a control"]]


def test_styles_with_outline_levels_mark_headings() -> None:
    body = f"<w:p><w:pPr><w:outlineLvl w:val='0'/></w:pPr>{run('Special educational needs')}</w:p>"
    (heading,) = read_docx(docx_with_body(body), DocumentLimits(), Deadline(30))
    assert isinstance(heading, Paragraph) and heading.heading == 1


def test_nested_table_text_counts_once() -> None:
    from qa_audit.documents.blocks import block_lines

    inner = TableSpec([[CellSpec("Date of issue"), CellSpec("1 May 2025")]])
    blocks = blocks_of(TableSpec([[CellSpec(blocks=[Para("Plan details"), inner])]]))
    lines = block_lines(blocks)
    assert lines == ["Plan details Date of issue 1 May 2025"]
