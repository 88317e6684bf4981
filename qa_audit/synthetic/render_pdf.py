"""Render a plan description to a text PDF with fpdf2 (ruled tables, running footer)."""

from __future__ import annotations

from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.enums import TableCellFillMode

from .spec import Block, CellSpec, Para, RunningHead, TableSpec

FIXED_TIME = datetime(2025, 1, 1, tzinfo=UTC)
LATIN = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2019": "'", "\u2018": "'", "\u2022": "-"})
SIZES = {"title": 16, "h1": 13, "bold": 12, "h2": 11}


def _latin(text: str) -> str:
    return text.translate(LATIN).encode("latin-1", "replace").decode("latin-1")


class PlanPdf(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(format="A4")
        self.footer_text = footer_text
        self.head_text = ""
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 16, 18)

    def header(self) -> None:
        if self.head_text:
            self.set_y(6)
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, self.head_text, align="R")
            self.set_y(16)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, f"{self.footer_text} - Page {self.page_no()}", align="C")


class PdfRenderer:
    def __init__(self, footer_text: str, ruling: str) -> None:
        self.ruling = ruling  # fpdf2 borders layout: "ALL" (cell boxes) or "INTERNAL" (lines)
        self.pdf = PlanPdf(_latin(footer_text))
        self.pdf.set_creation_date(FIXED_TIME)  # the same plan gives the same bytes
        self.number = 0

    def render(self, blocks: list[Block]) -> bytes:
        heads = [block for block in blocks if isinstance(block, RunningHead)]
        if heads:  # printed from the first page on
            self.pdf.head_text = _latin(heads[0].text)
        self.pdf.add_page()
        for block in blocks:
            self._block(block)
        return bytes(self.pdf.output())

    def _block(self, block: Block) -> None:
        if isinstance(block, Para):
            self._paragraph(block)
        elif isinstance(block, TableSpec):
            self._table(block)

    def _paragraph(self, para: Para) -> None:
        if para.deleted:
            return
        pdf = self.pdf
        text = para.text + (para.tracked[1] if para.tracked else "")
        self.number = self.number + 1 if para.style == "number" else 0
        if para.style == "bullet":
            text = f"- {text}"
        elif para.style == "number":
            text = f"{self.number}. {text}"
        size = SIZES.get(para.style, 10)
        pdf.set_font("Helvetica", style="B" if para.style in SIZES else "", size=size)
        if para.style in SIZES:
            pdf.ln(2)
        pdf.multi_cell(0, size * 0.5, _latin(text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.5)

    def _table(self, spec: TableSpec) -> None:
        boxes = [cell for row in spec.rows for cell in row if cell is not None and cell.blocks]
        boxed = max(len(row) for row in spec.rows) == 1 or any(
            isinstance(block, TableSpec) for cell in boxes for block in cell.blocks or ()
        )
        if boxes and boxed:  # a box round a section, or tables inside tables
            self._unboxed(spec)
            return
        pdf = self.pdf
        pdf.set_font("Helvetica", size=9)
        width = max(len(row) for row in spec.rows)
        with pdf.table(
            col_widths=spec.widths or tuple([1] * width),
            text_align="LEFT",
            first_row_as_headings=False,
            line_height=4.6,
            padding=1.5,
            cell_fill_mode=TableCellFillMode.NONE,
            borders_layout=("NONE" if not spec.ruled else self.ruling if width > 1 else "ALL"),
            v_align="MIDDLE" if spec.ruled else "TOP",  # forms set labels level with content
        ) as table:
            for row in spec.rows:
                pdf_row = table.row()
                for cell in row:
                    if cell is not None:
                        text = _cell_text(cell)
                        pdf_row.cell(_latin(text), colspan=cell.colspan, rowspan=cell.rowspan)
        pdf.ln(3)

    def _unboxed(self, spec: TableSpec) -> None:
        """No nested tables in PDF: the box heading becomes a one-cell table, content follows."""
        for row in spec.rows:
            for cell in row:
                if cell is None:
                    continue
                if cell.blocks:
                    for block in cell.blocks:
                        self._block(block)
                else:
                    self._table(TableSpec([[CellSpec(cell.text, shaded=True)]]))


def _cell_text(cell: CellSpec) -> str:
    """A cell's text; paragraphs given as blocks one per line, list items with their marker."""
    if not cell.blocks:
        return cell.text
    lines = []
    number = 0
    for block in cell.blocks:
        if isinstance(block, Para) and not block.deleted:
            number = number + 1 if block.style == "number" else 0
            marker = {"bullet": "- ", "number": f"{number}. "}.get(block.style, "")
            lines.append(marker + block.text + (block.tracked[1] if block.tracked else ""))
    return "\n".join(lines)


def render_pdf(blocks: list[Block], footer_text: str, ruling: str = "ALL") -> bytes:
    return PdfRenderer(footer_text, ruling).render(blocks)
