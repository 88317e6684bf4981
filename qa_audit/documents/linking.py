"""Link outcomes that the layout did not link to a need and provision (headed-section plans)."""

from __future__ import annotations

from collections import defaultdict
from typing import TypeVar

from .model import Need, ParsedPlan, ProvisionItem

T = TypeVar("T", Need, ProvisionItem)


def link_outcomes(plan: ParsedPlan) -> None:
    """Pair the n-th outcome of an area with the n-th need and provision of that area.

    Plans that group sections by area of need keep the same order in B, E and F; where a plan
    has no areas the pairing falls back to document order. Long-, medium- and short-term outcomes
    are counted separately, since each term has one outcome per need.
    """
    seen: dict[tuple[str | None, str | None], int] = defaultdict(int)
    for outcome in plan.outcomes:
        position = seen[outcome.area, outcome.term]
        seen[outcome.area, outcome.term] += 1
        if outcome.need is None:
            need = _nth(plan.needs, outcome.area, position, ("B", "C", "D"))
            outcome.need = need.text if need else None
        if outcome.provision is None:
            item = _nth(plan.provision, outcome.area, position, ("F", "G", "H1", "H2"))
            outcome.provision = item.text if item else None
        if outcome.area is None and outcome.need:
            outcome.area = next((n.area for n in plan.needs if n.text == outcome.need), None)


def _nth(items: list[T], area: str | None, position: int, order: tuple[str, ...]) -> T | None:
    for key in order:
        pool = [item for item in items if item.section == key and item.area == area]
        if pool:
            return pool[min(position, len(pool) - 1)]
    return None
