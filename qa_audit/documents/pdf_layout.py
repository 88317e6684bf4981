"""Geometry of PDF text: runs into lines, lines into paragraphs."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .blocks import Paragraph
from .headings import LIST_MARKER, area_heading, section_heading, term_heading

SNAP = 3.0  # points: edges closer than this are the same grid line
PARAGRAPH_PITCH = 1.6  # line tops further apart than this many text heights: new paragraph
USUAL_PITCH_SHARE = 1.25  # ... or than this many times the closest line spacing in the region
MAX_LINE_SPACING = 2.0  # closer than this many text heights, lines are spaced within a paragraph
SIZE_CHANGE = 0.5  # points: a change of font size starts a new paragraph
SHORT_LINE = 0.15
SUBHEADING_WORDS = 5
UNFINISHED = re.compile(
    r"(?:\b(?:and|or|of|the|to|for|in|with|under|a|an)|[,&/\-\u2013])$", re.I
)  # a line ending this share of the width short of the margin may end a paragraph


@dataclass
class Box:
    left: float
    bottom: float
    right: float
    top: float
    text: str = ""
    size: float = 0.0  # font size in points, 0 when unknown

    def holds(self, x: float, y: float) -> bool:
        return self.left - 1 <= x <= self.right + 1 and self.bottom - 1 <= y <= self.top + 1

    def contains(self, other: Box) -> bool:
        return (
            self is not other
            and self.holds(other.left + 2, other.top - 2)
            and self.holds(other.right - 2, other.bottom + 2)
        )


@dataclass
class TextLine:
    left: float
    bottom: float
    right: float
    top: float
    text: str
    size: float = 0.0

    @property
    def text_height(self) -> float:
        return self.size or (self.top - self.bottom)


def text_lines(boxes: list[Box]) -> list[TextLine]:
    """Text runs sharing a baseline joined left to right, top of the page first."""
    lines: list[TextLine] = []
    for box in sorted(boxes, key=lambda b: (-round(b.bottom), b.left)):
        last = lines[-1] if lines else None
        if last and abs(last.bottom - box.bottom) < SNAP and box.left >= last.right - 1:
            last.text = f"{last.text.rstrip()} {box.text.strip()}"
            last.right, last.top = box.right, max(last.top, box.top)
            last.size = max(last.size, box.size)
        else:
            lines.append(
                TextLine(box.left, box.bottom, box.right, box.top, box.text.strip(), box.size)
            )
    return lines


def _is_heading(text: str) -> bool:
    return bool(section_heading(text) or area_heading(text) or term_heading(text))


def join_lines(lines: list[TextLine]) -> list[tuple[float, Paragraph]]:
    """Wrapped lines joined into paragraphs; each paragraph paired with its top coordinate.

    A new paragraph starts at a list marker, around a heading, after a short line that ends a
    sentence, or where lines are further apart than the region's usual line spacing.
    """
    paragraphs: list[tuple[float, Paragraph]] = []
    right_edge = max((line.right for line in lines), default=0.0)
    left_edge = min((line.left for line in lines), default=0.0)
    short = right_edge - (right_edge - left_edge) * SHORT_LINE
    pitches = [
        a.top - b.top for a, b in itertools.pairwise(lines) if a.top - b.top > 0.9 * a.text_height
    ]
    usual = min(pitches, default=0.0)
    previous: TextLine | None = None
    for line in lines:
        if previous is None or _breaks(previous, line, short, usual):
            paragraphs.append((line.top, Paragraph(line.text)))
        else:
            paragraph = paragraphs[-1][1]
            paragraph.text = f"{paragraph.text} {line.text}"
        previous = line
    return paragraphs


def _breaks(previous: TextLine, line: TextLine, short: float, usual: float) -> bool:
    height = max(previous.text_height, line.text_height)
    line_spacing = usual if usual < MAX_LINE_SPACING * height else 0.0
    if previous.top - line.top > max(PARAGRAPH_PITCH * height, USUAL_PITCH_SHARE * line_spacing):
        return True
    if previous.size > 0 < line.size and abs(previous.size - line.size) > SIZE_CHANGE:
        return True
    if LIST_MARKER.match(line.text) or LABEL_START.match(line.text):
        return True
    if UNFINISHED.search(previous.text):  # "Section A: Views, interests and" / "aspirations"
        return False
    return (
        (previous.right < short and previous.text.endswith((".", "?", "!", ":")))
        or _is_heading(line.text)
        or _is_heading(previous.text)
        or (previous.text.endswith((".", "?", "!")) and _short_subheading(line, short))
        or (_short_subheading(previous, short) and line.text[:1].isupper())
    )


def _short_subheading(line: TextLine, short: float) -> bool:
    return line.right < short and _subheading(line.text)


def runs_on(previous: str, following: str) -> bool:
    """Does ``following`` (first line on a new page) continue the unfinished ``previous``?"""
    return (
        not previous.endswith((".", "?", "!", ":"))
        and LIST_MARKER.match(following) is None
        and not _is_heading(following)
        and not _is_heading(previous)
        and (UNFINISHED.search(previous) is not None or not _subheading(following))
    )


def _subheading(text: str) -> bool:
    """A capitalised line of a few words with no end punctuation ("Health", "My views"): a
    subheading at the top of the page, not the rest of the sentence before the page break."""
    words = text.split()
    return len(words) <= SUBHEADING_WORDS and text[:1].isupper() and text[-1:].isalnum()


LABEL_START = re.compile(r"^[A-Z][a-z]+(?: [a-z]+){0,2}: \S")
"""'Provider: ...', 'Frequency: ...': a labelled line of a form, which starts a new paragraph."""
