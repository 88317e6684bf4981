"""Geometry of PDF text: runs into lines, lines into paragraphs."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .blocks import Block, Cell, Paragraph, Table
from .headings import LIST_MARKER, area_heading, section_heading, term_heading

SNAP = 3.0  # points: edges closer than this are the same grid line
PARAGRAPH_PITCH = 1.6  # line tops further apart than this many text heights: new paragraph
USUAL_PITCH_SHARE = 1.25  # ... or than this many times the closest line spacing in the region
MAX_LINE_SPACING = 2.0  # closer than this many text heights, lines are spaced within a paragraph
SIZE_CHANGE = 0.5  # points: a change of font size starts a new paragraph
SHORT_LINE = 0.15
SUBHEADING_WORDS = 5
COLUMN_GAP = 0.8  # text heights: runs on one baseline further apart than this are two columns
MIN_FORM_LINES = 2  # baselines holding both a label and what it labels
ROW_GAP = 0.9  # text heights of white space between lines that starts a new row of a form
UNFINISHED = re.compile(
    r"(?:\b(?:and|or|of|the|to|for|in|with|under|a|an)|[,&/\-\u2013])$", re.I
)  # a line ending this share of the width short of the margin may end a paragraph


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff\uffff]")
SOFT_HYPHENS = ("\xad", "\x02", "\ufffe")  # how PDF writers mark a word broken at a line end


def clean_text(text: str) -> tuple[str, bool]:
    """Text without control characters, and whether it ends in a word broken by a soft hyphen
    (the next line continues that word with no space)."""
    text = text.strip()
    broken = text.endswith(SOFT_HYPHENS)
    text = CONTROL.sub("", text.rstrip("".join(SOFT_HYPHENS)).replace("\r", " "))
    for mark in SOFT_HYPHENS:
        text = text.replace(mark, "")
    return " ".join(text.split()), broken


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
    broken: bool = False  # ends in a word the next line finishes

    @property
    def text_height(self) -> float:
        return self.size or (self.top - self.bottom)


def text_lines(boxes: list[Box]) -> list[TextLine]:
    """Text runs sharing a baseline joined left to right, top of the page first."""
    lines: list[TextLine] = []
    for box in _reading_order(boxes):
        text, broken = clean_text(box.text)
        if not text:
            continue
        last = lines[-1] if lines else None
        beside = last is not None and abs(last.bottom - box.bottom) < SNAP
        gap = box.left - last.right if last is not None else 0.0
        if last and beside and -1 <= gap < COLUMN_GAP * (box.size or box.top - box.bottom):
            last.text = f"{last.text}{'' if last.broken else ' '}{text}"
            last.right, last.top = box.right, max(last.top, box.top)
            last.size, last.broken = max(last.size, box.size), broken
        else:
            lines.append(TextLine(box.left, box.bottom, box.right, box.top, text, box.size, broken))
    return lines


def _reading_order(boxes: list[Box]) -> list[Box]:
    """Top of the page first; runs on one baseline (bottoms within SNAP) left to right."""
    ordered: list[Box] = []
    row: list[Box] = []
    for box in sorted(boxes, key=lambda b: -b.bottom):
        if row and row[0].bottom - box.bottom >= SNAP:
            ordered += sorted(row, key=lambda b: b.left)
            row = []
        row.append(box)
    return ordered + sorted(row, key=lambda b: b.left)


def _is_heading(text: str) -> bool:
    return bool(section_heading(text) or area_heading(text) or term_heading(text))


def join_lines(lines: list[TextLine]) -> list[tuple[float, Block]]:
    """Paragraphs, and forms laid out in two columns without ruling (labels on the left,
    what they label on the right) as tables, each paired with its top coordinate."""
    form = _form_start(lines)
    if form is None:
        return _paragraphs(lines)
    start, gutter = form
    table, end = _form_table(lines[start:], gutter)
    rest = join_lines(lines[start + end :])
    return [*_paragraphs(lines[:start]), (lines[start].top, table), *rest]


def _form_start(lines: list[TextLine]) -> tuple[int, float] | None:
    """Where a two-column form starts and the x of its gutter: at least MIN_FORM_LINES lines
    that have a second line beside them on the same baseline, starting at one x."""
    beside = [
        (index, b.left)
        for index, (a, b) in enumerate(itertools.pairwise(lines))
        if abs(a.bottom - b.bottom) < SNAP and b.left - a.right >= COLUMN_GAP * a.text_height
    ]
    if len(beside) < MIN_FORM_LINES:
        return None
    gutter = min(left for _, left in beside)
    rows = [index for index, left in beside if left - gutter <= 2 * SNAP]
    return (rows[0], gutter - SNAP) if len(rows) >= MIN_FORM_LINES else None


def _form_table(lines: list[TextLine], gutter: float) -> tuple[Table, int]:
    """The form's rows (a new row after a gap wider than the lines' own spacing), each a left
    and a right cell; ends at a line running across the gutter. Returns the table and the
    number of lines it took."""
    rows: list[tuple[list[TextLine], list[TextLine]]] = []
    previous: TextLine | None = None
    taken = 0
    for line in lines:
        if line.left < gutter < line.right:
            break
        gap = previous.bottom - line.top if previous else 0.0
        if previous is None or gap > ROW_GAP * line.text_height:
            rows.append(([], []))
        rows[-1][line.left >= gutter].append(line)
        previous, taken = line, taken + 1
    table = Table(
        [[Cell(blocks=[p for _, p in _paragraphs(side)]) for side in row] for row in rows]
    )
    return table, taken


def _paragraphs(lines: list[TextLine]) -> list[tuple[float, Paragraph]]:
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
            space = "" if previous is not None and previous.broken else " "
            paragraph.text = f"{paragraph.text}{space}{line.text}"
        previous = line
    return paragraphs


def _breaks(previous: TextLine, line: TextLine, short: float, usual: float) -> bool:
    if abs(previous.bottom - line.bottom) < SNAP:  # one line, set out with a wide gap
        return False
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
