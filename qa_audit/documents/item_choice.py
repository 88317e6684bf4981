"""Pick the lines of a headed section that are items (needs, outcomes, provision), not prose."""

from __future__ import annotations

import re
from typing import Protocol, TypeVar

NOTHING_TO_RECORD = re.compile(
    r"^(?:none|n/?a|not applicable)\b|\bno (?:identified |known |additional |current )?"
    r"(?:health |social care )?(?:needs|provision)\b|\bnot (?:currently )?known to\b",
    re.IGNORECASE,
)
INTRODUCTION = re.compile(r"\b(?:outcomes?|objectives?)\b|:$", re.IGNORECASE)
OUTCOME_SHAPE = re.compile(r"\b(?:will|can|shall)\b|^(?:by|to|within|over)\b", re.IGNORECASE)


class Item(Protocol):
    section: str
    text: str
    area: str | None
    listed: bool


T = TypeVar("T", bound=Item)


def choose_items(candidates: list[T], sections: tuple[str, ...], outcomes: bool = False) -> list[T]:
    """Per section: list items if any, else lines under an area heading, else every line."""
    chosen: list[T] = []
    for key in sections:
        lines = [c for c in candidates if c.section == key and not NOTHING_TO_RECORD.search(c.text)]
        if outcomes:
            lines = [
                c for c in lines if OUTCOME_SHAPE.search(c.text) and not INTRODUCTION.search(c.text)
            ]
        listed = [c for c in lines if c.listed]
        under_area = [c for c in lines if c.area]
        chosen += listed or under_area or lines
    return chosen
