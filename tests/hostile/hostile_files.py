"""Small files that cost a reader far more than their size: each aims at one limit."""

from __future__ import annotations

from fpdf import FPDF

from tests.hostile.document_strategies import word_document


def dense_grid_pdf(lines: int) -> bytes:
    """One page ruled with ``lines`` lines each way: a few kilobytes that once took minutes,
    because every square of the grid was treated as a table cell."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=8)
    pdf.add_page()
    pdf.set_line_width(0.1)
    for index in range(lines):
        pdf.line(10, 10 + index * 270 / lines, 200, 10 + index * 270 / lines)
        pdf.line(10 + index * 190 / lines, 10, 10 + index * 190 / lines, 280)
    pdf.text(20, 5, "Section A: Views, interests and aspirations")
    return bytes(pdf.output())


def empty_paragraphs_docx(count: int) -> bytes:
    """A Word document of ``count`` empty paragraphs: six bytes of XML, one tree node each."""
    return word_document("<w:p/>" * count)


def nested_controls_docx(depth: int) -> bytes:
    """Content controls nested ``depth`` deep around one paragraph."""
    opening = "<w:sdt><w:sdtContent>" * depth
    closing = "</w:sdtContent></w:sdt>" * depth
    return word_document(f"{opening}<w:p><w:r><w:t>Deep</w:t></w:r></w:p>{closing}")


def long_plan_body(items: int) -> str:
    """A headed plan with ``items`` needs, outcomes and provision items, each a list item."""

    def listed(text: str) -> str:
        return f"<w:p><w:pPr><w:numPr/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"

    def heading(text: str) -> str:
        return f"<w:p><w:pPr><w:outlineLvl w:val='0'/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"

    return "".join(
        [
            heading("Section B: Special educational needs"),
            *(listed(f"B{n % 90 + 1} Sam finds reading task {n} hard.") for n in range(items)),
            heading("Section E: Outcomes"),
            *(listed(f"By July 2027, Sam will read list {n} (links to B2).") for n in range(items)),
            heading("Section F: Special educational provision"),
            *(
                listed(f"Weekly reading session {n} with a teaching assistant.")
                for n in range(items)
            ),
        ]
    )
