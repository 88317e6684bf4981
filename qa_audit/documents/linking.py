"""Link outcomes that the layout did not link to a need and provision (headed-section plans)."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Generic, TypeVar

from .model import Need, Outcome, ParsedPlan, ProvisionItem

T = TypeVar("T", Need, ProvisionItem)
NEED_SECTIONS = ("B", "C", "D")
PROVISION_SECTIONS = ("F", "G", "H1", "H2")
NEED_CODE = re.compile(r"^\s*([BCD])\s?(\d{1,2})\b")
CODE_REFERENCE = re.compile(r"\b([BCD])\s?(\d{1,2})\b")


def link_outcomes(plan: ParsedPlan) -> None:
    """Give each unlinked outcome its need and provision.

    An outcome that cites a numbered need ("links to B2") is linked to it. Otherwise the n-th
    outcome of an area is paired with the n-th need and provision of that area: plans that group
    sections by area of need keep the same order in B, E and F; without areas the pairing falls
    back to document order. Long-, medium- and short-term outcomes are counted separately.
    Needs and provision are grouped once, so linking takes time in proportion to the plan's
    length (a document with tens of thousands of items must not take hours).
    """
    coded = {_code(n.text): n for n in plan.needs if _code(n.text)}
    paired = _pair_unplaced(plan)
    needs = _Places(plan.needs, NEED_SECTIONS)
    provision = _Places(plan.provision, PROVISION_SECTIONS)
    need_areas: dict[str, str | None] = {}
    for need in plan.needs:
        need_areas.setdefault(need.text, need.area)
    seen: dict[tuple[str | None, str | None], int] = defaultdict(int)
    for outcome in plan.outcomes:
        if id(outcome) in paired:
            continue
        position = seen[outcome.area, outcome.term]
        seen[outcome.area, outcome.term] += 1
        cited = _cited(outcome, coded)
        if cited is not None:
            _link_to(outcome, cited, needs, provision)
            continue
        if outcome.need is None:
            need = needs.nth(outcome.area, position)
            if need is not None:
                outcome.need = need.text
                beyond = needs.beyond_last(outcome.area, position)
                outcome.need_linked_by = "after_last" if beyond else "order"
        if outcome.provision is None:
            item = provision.nth(outcome.area, position)
            outcome.provision = item.text if item else None
        if outcome.area is None and outcome.need:
            outcome.area = need_areas.get(outcome.need)


class _Places(Generic[T]):
    """Items grouped by (section, area), in document order."""

    def __init__(self, items: list[T], order: tuple[str, ...]) -> None:
        self._order = order
        self._groups: dict[tuple[str, str | None], list[T]] = defaultdict(list)
        self._first: dict[tuple[str, str | None, str], int] = {}
        for item in items:
            group = self._groups[item.section, item.area]
            self._first.setdefault((item.section, item.area, item.text), len(group))
            group.append(item)

    def nth(self, area: str | None, position: int) -> T | None:
        """The item at ``position`` (or the last) of the first section in order with any."""
        pool = self._pool(area)
        return pool[min(position, len(pool) - 1)] if pool else None

    def beyond_last(self, area: str | None, position: int) -> bool:
        """Whether :meth:`nth` stands in with the last item for one the plan does not have."""
        return position >= len(self._pool(area))

    def _pool(self, area: str | None) -> list[T]:
        return next((pool for key in self._order if (pool := self._groups.get((key, area)))), [])

    def position(self, item: T) -> int:
        """Where the first item equal to ``item`` stands among those in its section and area."""
        return self._first[item.section, item.area, item.text]


def _pair_unplaced(plan: ParsedPlan) -> set[int]:
    """Outcomes under no area, in a plan whose needs all sit under areas: pair them in document
    order, but only when there is exactly one such outcome per need (each term counted alone)."""
    needs = [n for n in plan.needs if n.section == "B"]
    paired: set[int] = set()
    if not needs or any(n.area is None for n in needs):
        return paired
    provision = [p for p in plan.provision if p.section == "F"]
    by_term: dict[str | None, list[Outcome]] = defaultdict(list)
    for outcome in plan.outcomes:
        if (
            outcome.area is None
            and outcome.need is None
            and not CODE_REFERENCE.search(outcome.text)
        ):
            by_term[outcome.term].append(outcome)
    for outcomes in by_term.values():
        if len(outcomes) != len(needs):
            continue
        for index, (outcome, need) in enumerate(zip(outcomes, needs, strict=True)):
            outcome.need, outcome.area = need.text, need.area
            outcome.need_linked_by = "order"
            if outcome.provision is None and len(provision) == len(needs):
                outcome.provision = provision[index].text
            paired.add(id(outcome))
    return paired


def _code(text: str) -> str | None:
    match = NEED_CODE.match(text)
    return f"{match[1]}{int(match[2])}" if match else None


def _cited(outcome: Outcome, coded: dict[str, Need]) -> Need | None:
    if outcome.need is not None or not coded:
        return None
    for match in CODE_REFERENCE.finditer(outcome.text):
        need = coded.get(f"{match[1]}{int(match[2])}")
        if need is not None:
            return need
    return None


def _link_to(
    outcome: Outcome, need: Need, needs: _Places[Need], provision: _Places[ProvisionItem]
) -> None:
    """Link to a cited need, and to the provision in the same place as that need."""
    outcome.need, outcome.need_linked_by = need.text, "reference"
    outcome.area = outcome.area or need.area
    if outcome.provision is None:
        item = provision.nth(need.area, needs.position(need))
        outcome.provision = item.text if item else None
