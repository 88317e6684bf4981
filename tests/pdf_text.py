"""Text of a PDF as a reader would copy it, for checking what reports and feedback say."""

import pypdfium2 as pdfium

LINE_END_HYPHEN = "\ufffe"
"""What pdfium gives for a hyphen the line broke after; the page shows a hyphen."""


def pdf_text(data: bytes) -> str:
    """Every page's text, whitespace collapsed to single spaces."""
    document = pdfium.PdfDocument(data)
    try:
        text = " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in document)
    finally:
        document.close()
    return text.replace(LINE_END_HYPHEN, "-")


def text_beyond_right_edge(data: bytes, margin_points: float = 20.0) -> list[str]:
    """Lines of text (page number: words) that run past the page's right edge less a margin,
    i.e. into or off the paper's edge."""
    document = pdfium.PdfDocument(data)
    found = []
    try:
        for number, page in enumerate(document, start=1):
            width = page.get_width()
            textpage = page.get_textpage()
            for index in range(textpage.count_chars()):
                right = textpage.get_charbox(index)[2]
                if right > width - margin_points:
                    start = max(0, index - 40)
                    found.append(f"page {number}: {textpage.get_text_range(start, 41).strip()}")
                    break
    finally:
        document.close()
    return found
