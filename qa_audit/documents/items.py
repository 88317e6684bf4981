"""Cut text that holds several items into one item each: a table cell listing several needs or
outcomes, or a PDF paragraph that ran two outcomes together."""

from __future__ import annotations

import re

from .headings import LIST_MARKER

OUTCOME_START = re.compile(
    r"(?<=[.!?])\s+(?=(?:By|Within|Over|I will|I can|[A-Z]\.\s?[A-Z]\.\s+(?:will|can))\b)"
)
"""Where a new outcome starts inside a run of sentences: after a full stop, at a time frame or
a subject that outcomes open with ("By July 2026, ...", "I will ...", "A.B. will ...")."""


def split_items(text: str, outcomes: bool = False) -> list[str]:
    """The items in ``text``: one per list-marked line (unmarked lines continue the item above);
    for outcomes, also one per sentence that opens a new outcome."""
    pieces: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        marker = LIST_MARKER.match(line)
        if marker:
            pieces.append(line[marker.end() :].strip())
        elif pieces and not _starts_outcome(line, outcomes):
            pieces[-1] = f"{pieces[-1]} {line}"
        else:
            pieces.append(line)
    if outcomes:
        pieces = [part for piece in pieces for part in OUTCOME_START.split(piece)]
    return [piece for piece in pieces if piece]


def _starts_outcome(line: str, outcomes: bool) -> bool:
    return outcomes and OUTCOME_START.match(f". {line}") is not None
