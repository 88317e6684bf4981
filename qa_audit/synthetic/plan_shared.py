"""Helpers shared by the layouts."""

from __future__ import annotations

from collections.abc import Callable

from .plan_facts import FilledStrand
from .sections import Writer
from .spec import Block, CellSpec, Para, TableSpec, TruthOutcome

Built = tuple[list[Block], list[TruthOutcome]]


def truth_of(
    strand: FilledStrand, text: str | None = None, term: str | None = None
) -> TruthOutcome:
    return TruthOutcome(text or strand.outcome, strand.need, strand.provision, strand.area, term)


def by_area(
    w: Writer,
    items: Callable[[FilledStrand], str],
    style: str = "bullet",
    order: Callable[[list[FilledStrand]], list[FilledStrand]] = list,
) -> list[Block]:
    """Area subheadings, each followed by one item per strand of that area. Blank items (the
    need of an outcome a weak plan links to no need) are left out, and so is an area with none."""
    blocks: list[Block] = []
    for area in w.facts.areas:
        strands = [s for s in w.facts.in_area(area) if items(s)]
        if not strands:
            continue
        blocks.append(Para(area, "h2", in_control=w.facts.rng.random() < 0.3))
        blocks += [Para(items(s), style) for s in order(strands)]
    return blocks


def strand_table(headers: list[str], rows: list[list[str]], area: str | None) -> TableSpec:
    width = len(headers)
    grid: list[list[CellSpec | None]] = []
    if area:
        grid.append([CellSpec(area, colspan=width, shaded=True), *([None] * (width - 1))])
    grid.append([CellSpec(h, shaded=True) for h in headers])
    grid += [[CellSpec(text) for text in row] for row in rows]
    return TableSpec(grid)
