"""Ruled tables in a PDF: cell boxes drawn as paths, grouped into tables and laid on a grid."""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import Cell, Table
from .limits import Deadline
from .pdf_layout import SNAP, Box, join_lines, text_lines


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


def build_tables(boxes: list[Box], deadline: Deadline) -> list[GridTable]:
    """Group touching cell boxes into tables; boxes enclosing other boxes are frames."""
    cells = []
    for box in boxes:
        deadline.check()
        if not any(box.contains(other) for other in boxes):
            cells.append(box)
    tables: list[GridTable] = []
    for box in sorted(cells, key=lambda b: -b.top):
        deadline.check()
        for table in tables:
            if box.top >= table.bottom - SNAP and box.top <= table.top + SNAP:
                table.boxes.append(box)
                break
        else:
            tables.append(GridTable([box]))
    return tables
