"""Read a text PDF into blocks: body lines become paragraphs, ruled cell grids become tables.

PDFium is not thread-safe; documents are read in single-threaded child processes
(:mod:`.isolation`), never in a threaded web worker itself.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium_c

from qa_audit.errors import BadDocument

from .blocks import Block, Cell, Paragraph, Table
from .limits import Deadline, DocumentLimits
from .pdf_layout import Box, TextLine, join_lines, runs_on, text_lines
from .pdf_rules import ruled_cells
from .pdf_tables import GridTable, build_tables

DAMAGED = "The PDF is damaged and cannot be opened. Save or export it again and re-upload it."
NO_TEXT = "This PDF has no text; upload the Word version or an OCR'd PDF."
MARGIN_SHARE = 0.07
MIN_TEXT_CHARS = 20


def read_pdf(data: bytes, limits: DocumentLimits, deadline: Deadline) -> list[Block]:
    layouts = _read_layouts(data, limits, deadline)
    if sum(page.text_size for page in layouts) < MIN_TEXT_CHARS:
        raise BadDocument(NO_TEXT)
    repeated = _running_heads(layouts)
    blocks: list[Block] = []
    for page in layouts:
        margin = page.height * MARGIN_SHARE
        page.lines = [
            line
            for line in page.lines
            if not (_in_margin(line, page.height, margin) and _pattern(line.text) in repeated)
        ]
        _append(blocks, page.blocks())
    return blocks


def _read_layouts(data: bytes, limits: DocumentLimits, deadline: Deadline) -> list[PageLayout]:
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as err:
        if "password" in str(err).lower():
            raise BadDocument(
                "The file is a password-protected PDF. Remove the password and upload it again."
            ) from err
        raise BadDocument(DAMAGED) from err
    try:
        pages = len(document)
        if pages > limits.max_pdf_pages:
            raise BadDocument(
                f"The PDF has {pages} pages; the most accepted is {limits.max_pdf_pages}."
            )
        layouts = []
        for index in range(pages):
            deadline.check()
            layouts.append(_read_page(document[index], deadline))
    except pypdfium2.PdfiumError as err:
        raise BadDocument(DAMAGED) from err
    finally:
        document.close()
    return layouts


@dataclass
class PageLayout:
    lines: list[TextLine]  # body text outside tables
    tables: list[GridTable]
    height: float

    @property
    def text_size(self) -> int:
        size = sum(len(line.text) for line in self.lines)
        for table in self.tables:
            size += sum(len(run.text) for runs in table.texts.values() for run in runs)
        return size

    def blocks(self) -> list[Block]:
        """The page's paragraphs and tables, top to bottom."""
        events: list[tuple[float, Block]] = [(t.top, t.to_table()) for t in self.tables]
        run: list[TextLine] = []
        for line in self.lines:
            if run and any(run[-1].top > table.top > line.top for table in self.tables):
                events += join_lines(run)
                run = []
            run.append(line)
        events += join_lines(run)
        events.sort(key=lambda event: -event[0])
        return [block for _, block in events]


def _read_page(page: pypdfium2.PdfPage, deadline: Deadline) -> PageLayout:
    textpage = page.get_textpage()
    texts = []
    for index in range(textpage.count_rects()):
        deadline.check()
        left, bottom, right, top = textpage.get_rect(index)
        text = textpage.get_text_bounded(left, bottom, right, top)
        if text.strip():
            texts.append(
                Box(left, bottom, right, top, text, _font_size(textpage, left, bottom, top))
            )
    cells = ruled_cells(page, deadline)
    height = page.get_height()
    textpage.close()
    page.close()
    tables = build_tables(cells, deadline)
    body = []
    for text in texts:
        deadline.check()
        if not any(table.take(text) for table in tables):
            body.append(text)
    return PageLayout(text_lines(body), tables, height)


def _font_size(textpage: pypdfium2.PdfTextPage, left: float, bottom: float, top: float) -> float:
    index = textpage.get_index(left + 0.5, (top + bottom) / 2, 2, 2)
    if index is None or index < 0:
        return 0.0
    return float(pdfium_c.FPDFText_GetFontSize(textpage.raw, index))


def _pattern(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def _in_margin(line: TextLine, height: float, margin: float) -> bool:
    return line.top > height - margin or line.bottom < margin


def _running_heads(layouts: list[PageLayout]) -> set[str]:
    """Header and footer lines (page numbers, plan titles) that repeat on most pages."""
    counts: Counter[str] = Counter()
    for page in layouts:
        margin = page.height * MARGIN_SHARE
        counts.update(
            {_pattern(line.text) for line in page.lines if _in_margin(line, page.height, margin)}
        )
    needed = max(2, len(layouts) // 2)
    found = {pattern for pattern, count in counts.items() if count >= needed}
    return found | {p for p in counts if re.fullmatch(r"(?:page\s*)?#(?:\s*(?:of|/)\s*#)?", p)}


def _append(blocks: list[Block], page_blocks: list[Block]) -> None:
    """Add a page's blocks, joining a paragraph or table that runs on from the previous page."""
    if (
        page_blocks
        and blocks
        and isinstance(blocks[-1], Paragraph)
        and isinstance(page_blocks[0], Paragraph)
        and runs_on(blocks[-1].text, page_blocks[0].text)
    ):
        blocks[-1].text = f"{blocks[-1].text} {page_blocks[0].text}"
        page_blocks = page_blocks[1:]
    if (
        page_blocks
        and blocks
        and isinstance(blocks[-1], Table)
        and isinstance(page_blocks[0], Table)
        and blocks[-1].column_count == page_blocks[0].column_count
    ):
        previous, following = blocks[-1], page_blocks[0]
        rows = following.rows
        if rows and previous.rows and _row_texts(rows[0]) == _row_texts(previous.rows[0]):
            rows = rows[1:]
        previous.rows.extend(rows)
        page_blocks = page_blocks[1:]
    blocks.extend(page_blocks)


def _row_texts(row: list[Cell]) -> list[str]:
    return [cell.text for cell in row]
