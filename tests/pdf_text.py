"""Text of a PDF as a reader would copy it, for checking what reports and feedback say."""

import pypdfium2 as pdfium


def pdf_text(data: bytes) -> str:
    """Every page's text, whitespace collapsed to single spaces."""
    document = pdfium.PdfDocument(data)
    try:
        return " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in document)
    finally:
        document.close()
