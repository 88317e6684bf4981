"""Geometry of a PDF page: text runs into lines, lines into paragraphs, cell boxes into tables."""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import Cell, Paragraph, Table
from .headings import area_heading, section_heading, term_heading
from .plan_builder import LIST_MARKER

SNAP = 3.0  # points: edges closer than this are the same grid line
PARAGRAPH_PITCH = 1.6  # line tops further apart than this many text heights: new paragraph
SHORT_LINE = 0.15  # a line ending this share of the width short of the margin may end a paragraph


@dataclass
class Box:
    left: float
    bottom: float
    right: float
    top: float
    text: str = ""

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

    @property
    def centre(self) -> tuple[float, float]:
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2


def text_lines(boxes: list[Box]) -> list[TextLine]:
    """Text runs sharing a baseline joined left to right, top of the page first."""
    lines: list[TextLine] = []
    for box in sorted(boxes, key=lambda b: (-round(b.bottom), b.left)):
        last = lines[-1] if lines else None
        if last and abs(last.bottom - box.bottom) < SNAP and box.left >= last.right - 1:
            last.text = f"{last.text.rstrip()} {box.text.strip()}"
            last.right, last.top = box.right, max(last.top, box.top)
        else:
            lines.append(TextLine(box.left, box.bottom, box.right, box.top, box.text.strip()))
    return lines


def _is_heading(text: str) -> bool:
    return bool(section_heading(text) or area_heading(text) or term_heading(text))


def join_lines(lines: list[TextLine]) -> list[tuple[float, Paragraph]]:
    """Wrapped lines joined into paragraphs; each paragraph paired with its top coordinate.

    A new paragraph starts at a list marker, around a heading, after a short line that ends a
    sentence, or where the distance between line tops is well above the text height.
    """
    paragraphs: list[tuple[float, Paragraph]] = []
    right_edge = max((line.right for line in lines), default=0.0)
    left_edge = min((line.left for line in lines), default=0.0)
    short = right_edge - (right_edge - left_edge) * SHORT_LINE
    previous: TextLine | None = None
    for line in lines:
        if previous is None or _breaks(previous, line, short):
            paragraphs.append((line.top, Paragraph(line.text)))
        else:
            paragraph = paragraphs[-1][1]
            paragraph.text = f"{paragraph.text} {line.text}"
        previous = line
    return paragraphs


def _breaks(previous: TextLine, line: TextLine, short: float) -> bool:
    height = max(previous.top - previous.bottom, line.top - line.bottom)
    return (
        previous.top - line.top > PARAGRAPH_PITCH * height
        or (previous.right < short and previous.text.endswith((".", "?", "!", ":")))
        or LIST_MARKER.match(line.text) is not None
        or _is_heading(line.text)
        or _is_heading(previous.text)
    )


def runs_on(previous: str, following: str) -> bool:
    """Does ``following`` (first line on a new page) continue the unfinished ``previous``?"""
    return (
        not previous.endswith((".", "?", "!", ":"))
        and LIST_MARKER.match(following) is None
        and not _is_heading(following)
        and not _is_heading(previous)
    )


def _snap(values: list[float]) -> list[float]:
    snapped: list[float] = []
    for value in sorted(values):
        if not snapped or value - snapped[-1] > SNAP:
            snapped.append(value)
    return snapped


def _index(grid: list[float], value: float) -> int:
    return min(range(len(grid)), key=lambda i: abs(grid[i] - value))


@dataclass
class GridTable:
    boxes: list[Box] = field(default_factory=list)
    texts: dict[int, list[Box]] = field(default_factory=dict)  # cell number -> its text runs

    @property
    def top(self) -> float:
        return max(box.top for box in self.boxes)

    @property
    def bottom(self) -> float:
        return min(box.bottom for box in self.boxes)

    def take(self, text: Box) -> bool:
        """Claim a text run whose centre lies in one of the cells."""
        x, y = (text.left + text.right) / 2, (text.top + text.bottom) / 2
        for number, box in enumerate(self.boxes):
            if box.holds(x, y):
                self.texts.setdefault(number, []).append(text)
                return True
        return False

    def to_table(self) -> Table:
        lefts = _snap([box.left for box in self.boxes])
        tops = sorted(_snap([box.top for box in self.boxes]), reverse=True)
        starts: dict[tuple[int, int], int] = {}
        for number, box in enumerate(self.boxes):
            starts[(_index(tops, box.top), _index(lefts, box.left))] = number
        table = Table()
        for row in range(len(tops)):
            cells: list[Cell] = []
            column = 0
            while column < len(lefts):
                number = starts.get((row, column))
                if number is None:
                    cells.append(Cell(continued=self._covered(row, column, tops, lefts)))
                    column += 1
                    continue
                box = self.boxes[number]
                span = max(1, sum(1 for x in lefts if box.left - SNAP <= x < box.right - SNAP))
                paragraphs = [p for _, p in join_lines(text_lines(self.texts.get(number, [])))]
                cells.append(Cell(blocks=list(paragraphs), span=span))
                column += span
            table.rows.append(cells)
        return table

    def _covered(self, row: int, column: int, tops: list[float], lefts: list[float]) -> bool:
        y, x = tops[row] - SNAP, lefts[column] + SNAP
        return any(box.holds(x, y) and box.top > tops[row] + SNAP for box in self.boxes)


def build_tables(boxes: list[Box]) -> list[GridTable]:
    """Group touching cell boxes into tables; boxes enclosing other boxes are frames."""
    cells = [box for box in boxes if not any(box.contains(other) for other in boxes)]
    tables: list[GridTable] = []
    for box in sorted(cells, key=lambda b: -b.top):
        for table in tables:
            if box.top >= table.bottom - SNAP and box.top <= table.top + SNAP:
                table.boxes.append(box)
                break
        else:
            tables.append(GridTable([box]))
    return tables
