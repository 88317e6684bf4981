"""Bounds on what an uploaded document may cost to open."""

from __future__ import annotations

import time
from dataclasses import dataclass

from qa_audit.errors import BadDocument

MIB = 1024 * 1024


@dataclass(frozen=True)
class DocumentLimits:
    """Every bound is checked before the work it limits, except the time limit, which is
    checked as reading goes along (see :class:`Deadline`) and enforced by the reading process
    being killed, and the memory limit, which the reading process is held to."""

    max_bytes: int = 25 * MIB
    max_zip_entries: int = 2000
    max_uncompressed_bytes: int = 200 * MIB
    max_compression_ratio: float = 100
    # An XML part becomes a tree of some 200 bytes per element, so these two bound the memory
    # a Word document can take (a long plan has a few hundred thousand tags).
    max_xml_bytes: int = 50 * MIB
    max_xml_tags: int = 1_000_000
    max_pdf_pages: int = 300
    parse_timeout_seconds: float = 30
    # Address space of the process that reads one document (see ``isolation``): a decompression
    # bomb inside a PDF stops here. Reading a long plan takes well under half of it.
    max_memory_bytes: int = 512 * MIB


class Deadline:
    """A point in time after which reading a document is abandoned.

    Python cannot interrupt a running function, so every loop whose length depends on the
    document calls :meth:`check`; the steps between two checks are bounded by the size limits.
    """

    def __init__(self, seconds: float) -> None:
        self._end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self._end:
            raise BadDocument(
                "The document took too long to read. Try saving it again as a smaller file."
            )


def megabytes(size: int) -> str:
    return f"{size / MIB:.1f} MB"
