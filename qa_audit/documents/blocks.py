"""Layout-neutral content of a document: paragraphs and tables in reading order.

Both readers (Word and PDF) produce these blocks; the plan parser only ever sees blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Paragraph:
    text: str
    heading: int | None = None  # outline level when the document marks it as a heading
    listed: bool = False  # a bullet or numbered list item


@dataclass
class Cell:
    blocks: list[Paragraph | Table] = field(default_factory=list)
    continued: bool = False  # continuation of a cell merged from the row above
    span: int = 1  # grid columns the cell covers (horizontal merge)

    @property
    def paragraphs(self) -> list[str]:
        """Non-empty paragraph texts, nested tables included, in reading order."""
        texts: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                if block.text:
                    texts.append(block.text)
            else:
                texts.extend(text for row in block.rows for cell in row for text in cell.paragraphs)
        return texts

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class Table:
    rows: list[list[Cell]] = field(default_factory=list)

    @property
    def column_count(self) -> int:
        return max((sum(cell.span for cell in row) for row in self.rows), default=0)

    def grid_row(self, index: int) -> list[Cell | None]:
        """Row ``index`` laid out on the grid: one slot per column, None where a span covers."""
        slots: list[Cell | None] = []
        for cell in self.rows[index]:
            slots.append(cell)
            slots.extend([None] * (cell.span - 1))
        return slots + [None] * (self.column_count - len(slots))


Block = Paragraph | Table


def block_lines(blocks: list[Block]) -> list[str]:
    """Every paragraph as a line and every table row as ``cell: cell`` (for label/value scans)."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text)
            continue
        for row in block.rows:  # cell text already holds any nested table's text
            texts = [cell.text.replace("\n", " ") for cell in row if cell.text]
            if texts:
                lines.append(": ".join(texts))
    return lines
