"""Bounds on what an uploaded document may cost to open."""

from __future__ import annotations

import time
from dataclasses import dataclass

from qa_audit.errors import BadDocument

MIB = 1024 * 1024


@dataclass(frozen=True)
class DocumentLimits:
    max_bytes: int = 25 * MIB
    max_zip_entries: int = 2000
    max_uncompressed_bytes: int = 200 * MIB
    max_compression_ratio: float = 100
    max_pdf_pages: int = 300
    parse_timeout_seconds: float = 30


class Deadline:
    """A point in time after which reading a document is abandoned."""

    def __init__(self, seconds: float) -> None:
        self._end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self._end:
            raise BadDocument(
                "The document took too long to read. Try saving it again as a smaller file."
            )


def megabytes(size: int) -> str:
    return f"{size / MIB:.1f} MB"
