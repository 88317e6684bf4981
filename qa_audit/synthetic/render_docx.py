"""Render a plan description to .docx with python-docx, adding the Word features real plans
carry: content controls, tracked changes, merged cells and nested tables."""

from __future__ import annotations

import io
import zipfile
from itertools import count

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table, _Cell

from .spec import Block, CellSpec, Para, RunningHead, TableSpec

STYLES = {
    "title": "Title",
    "h1": "Heading 1",
    "h2": "Heading 2",
    "bullet": "List Bullet",
    "number": "List Number",
}
FIXED_TIME = (2025, 1, 1, 0, 0, 0)
REVISION = {"w:author": "Plan writer", "w:date": "2025-01-10T09:00:00Z"}


class DocxRenderer:
    def __init__(self) -> None:
        self.document = Document()
        self._ids = count(1)

    def render(self, blocks: list[Block]) -> bytes:
        body = self.document
        for block in blocks:
            self._block(body, block)
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()

    def _block(self, container, block: Block) -> None:
        if isinstance(block, Para):
            self._paragraph(container, block)
        elif isinstance(block, TableSpec):
            self._table(container, block)
        elif isinstance(block, RunningHead):
            self.document.sections[0].header.paragraphs[0].text = block.text

    def _paragraph(self, container, para: Para) -> None:
        style = STYLES.get(para.style)
        paragraph = container.add_paragraph(style=style)
        if para.deleted:
            self._revision(paragraph._p, "w:del", para.text)
            mark = OxmlElement("w:del")
            self._stamp(mark)
            properties = paragraph._p.get_or_add_pPr()
            run_properties = OxmlElement("w:rPr")
            run_properties.append(mark)
            properties.append(run_properties)
            return
        run = paragraph.add_run(para.text)
        run.bold = para.style == "bold" or None
        if para.tracked:
            deleted, inserted = para.tracked
            self._revision(paragraph._p, "w:del", deleted)
            self._revision(paragraph._p, "w:ins", inserted)
        if para.in_control:
            _wrap_in_control(paragraph._p)

    def _stamp(self, element) -> None:
        element.set(qn("w:id"), str(next(self._ids)))
        for key, value in REVISION.items():
            element.set(qn(key), value)

    def _revision(self, paragraph, kind: str, text: str) -> None:
        revision = OxmlElement(kind)
        self._stamp(revision)
        run = OxmlElement("w:r")
        text_element = OxmlElement("w:delText" if kind == "w:del" else "w:t")
        text_element.set(qn("xml:space"), "preserve")
        text_element.text = text
        run.append(text_element)
        revision.append(run)
        paragraph.append(revision)

    def _table(self, container, spec: TableSpec) -> None:
        width = max(len(row) for row in spec.rows)
        if isinstance(container, _Cell):
            table = container.add_table(rows=len(spec.rows), cols=width)
        else:
            table = container.add_table(rows=len(spec.rows), cols=width)
        if spec.ruled:
            table.style = "Table Grid"
        for r, row in enumerate(spec.rows):
            for c, cell_spec in enumerate(row):
                if cell_spec is not None:
                    self._cell(table, r, c, cell_spec)
        if spec.in_control:
            _wrap_in_control(table._tbl)

    def _cell(self, table: Table, r: int, c: int, spec: CellSpec) -> None:
        cell = table.cell(r, c)
        if spec.colspan > 1 or spec.rowspan > 1:
            cell = cell.merge(table.cell(r + spec.rowspan - 1, c + spec.colspan - 1))
        if spec.blocks is None:
            cell.paragraphs[0].text = spec.text
            if spec.shaded:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            return
        first = cell.paragraphs[0]._p
        for block in spec.blocks:
            self._block(cell, block)
        first.getparent().remove(first)


def _wrap_in_control(element) -> None:
    control = OxmlElement("w:sdt")
    properties = OxmlElement("w:sdtPr")
    alias = OxmlElement("w:alias")
    alias.set(qn("w:val"), "Plan field")
    properties.append(alias)
    content = OxmlElement("w:sdtContent")
    control.append(properties)
    control.append(content)
    element.addprevious(control)
    content.append(element)


def render_docx(blocks: list[Block]) -> bytes:
    return _fixed_timestamps(DocxRenderer().render(blocks))


def _fixed_timestamps(data: bytes) -> bytes:
    """The same plan gives the same bytes: python-docx stamps zip entries with the clock."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            entry = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(item.filename))
    return out.getvalue()
