"""What every upload of a document (a plan version, a piece of advice) shares: the limits it is
read under, the name it is known by, and the media type it is sent back with."""

from __future__ import annotations

from pathlib import PurePath

from flask import current_app

from qa_audit.documents import DocumentLimits

MIME_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def document_limits() -> DocumentLimits:
    config = current_app.config
    return DocumentLimits(
        max_bytes=config["MAX_DOCUMENT_MB"] * 1024 * 1024,
        max_pdf_pages=config["MAX_PDF_PAGES"],
        parse_timeout_seconds=config["DOCUMENT_PARSE_TIMEOUT"],
        max_memory_bytes=config["DOCUMENT_MEMORY_MB"] * 1024 * 1024,
    )


def safe_filename(name: str) -> str:
    """The last path part, without control characters, at most 255 characters."""
    base = PurePath(name.replace("\\", "/")).name
    return "".join(ch for ch in base if ch.isprintable())[:255] or "document"
