"""Link outcomes that the layout did not link to a need and provision (headed-section plans)."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Generic, TypeVar

from .matching import match_by_content
from .model import Need, NeedLink, Outcome, ParsedPlan, ProvisionItem

T = TypeVar("T", Need, ProvisionItem)
NEED_SECTIONS = ("B", "C", "D")
PROVISION_SECTIONS = ("F", "G", "H1", "H2")
NEED_CODE = re.compile(r"^\s*([BCD])\s?(\d{1,2})\b")
CODE_REFERENCE = re.compile(r"\b([BCD])\s?(\d{1,2})\b")


def link_outcomes(plan: ParsedPlan) -> None:
    """Give each unlinked outcome its need and provision.

    An outcome that cites a numbered need ("links to B2") is linked to it. Otherwise outcomes
    are paired with the needs of their area of need (or, without areas, of the whole plan) by
    what they say (the content words they share, ``matching``); an outcome sharing nothing with
    any need takes the need in its own position, as plans that group sections by area usually
    keep the same order in B, E and F. Provision is the item in the place of the need.
    Long-, medium- and short-term outcomes are paired separately. Needs and provision are
    grouped once, and each area pairs only its own items, so linking stays fast on long plans.
    """
    coded = {_code(n.text): n for n in plan.needs if _code(n.text)}
    needs = _Places(plan.needs, NEED_SECTIONS)
    provision = _Places(plan.provision, PROVISION_SECTIONS)
    paired = _pair_unplaced(plan, needs, provision)
    need_areas: dict[str, str | None] = {}
    for need in plan.needs:
        need_areas.setdefault(need.text, need.area)
    groups: dict[tuple[str | None, str | None], list[Outcome]] = defaultdict(list)
    for outcome in plan.outcomes:
        if id(outcome) in paired:
            continue
        cited = _cited(outcome, coded)
        if cited is not None:
            _link_to(outcome, cited, needs, provision)
        groups[outcome.area, outcome.term].append(outcome)
    for (area, _), outcomes in groups.items():
        _link_group(area, outcomes, needs, provision)
        for outcome in outcomes:
            if outcome.area is None and outcome.need:
                outcome.area = need_areas.get(outcome.need)


def _link_group(
    area: str | None,
    outcomes: list[Outcome],
    needs: _Places[Need],
    provision: _Places[ProvisionItem],
) -> None:
    """Outcomes of one area and term: each unlinked one to the need it shares most words with,
    the rest in order to the needs left, and any beyond the last need to that last need."""
    pool = needs.pool(area)
    texts = [n.text for n in pool]
    places = {text: place for place, text in reversed(list(enumerate(texts)))}
    taken = [places[o.need] for o in outcomes if o.need in places]
    unlinked = [o for o in outcomes if o.need is None]
    found = dict(
        zip(
            map(id, unlinked),
            match_by_content([o.text for o in unlinked], texts, taken),
            strict=True,
        )
    )
    for position, outcome in enumerate(outcomes):
        place = position
        if id(outcome) in found and pool:
            match = found[id(outcome)]
            if match is None:
                outcome.need, outcome.need_linked_by = pool[-1].text, "after_last"
            else:
                place, outcome.need_linked_by = match[0], _how(match, position)
                outcome.need = pool[place].text
        if outcome.provision is None:
            item = provision.nth(area, place)
            outcome.provision = item.text if item else None


PART_SECTIONS = {"health": (("C",), ("G",)), "social": (("D",), ("H1", "H2"))}


def link_in_part(plan: ParsedPlan, outcomes: list[tuple[Outcome, str | None]]) -> None:
    """Outcomes written in the health or social care part of a plan (under its own "Intended
    outcomes") answer that part's needs and are served by its provision."""
    for family, (need_keys, provision_keys) in PART_SECTIONS.items():
        mine = [o for o, part in outcomes if part == family and o.need is None]
        needs = [n for n in plan.needs if n.section in need_keys]
        if not mine or not needs:
            continue
        provision = [p for p in plan.provision if p.section in provision_keys]
        found = match_by_content([o.text for o in mine], [n.text for n in needs])
        for position, (outcome, match) in enumerate(zip(mine, found, strict=True)):
            place = match[0] if match else len(needs) - 1
            how = _how(match, position) if match else "after_last"
            outcome.need, outcome.need_linked_by = needs[place].text, how
            if provision and outcome.provision is None:
                outcome.provision = provision[min(place, len(provision) - 1)].text


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
        pool = self.pool(area)
        return pool[min(position, len(pool) - 1)] if pool else None

    def beyond_last(self, area: str | None, position: int) -> bool:
        """Whether :meth:`nth` stands in with the last item for one the plan does not have."""
        return position >= len(self.pool(area))

    def pool(self, area: str | None) -> list[T]:
        return next((pool for key in self._order if (pool := self._groups.get((key, area)))), [])

    def position(self, item: T) -> int:
        """Where the first item equal to ``item`` stands among those in its section and area."""
        return self._first[item.section, item.area, item.text]


def _pair_unplaced(
    plan: ParsedPlan, needs: _Places[Need], provision: _Places[ProvisionItem]
) -> set[int]:
    """Outcomes under no area, in a plan whose needs all sit under areas (one list of outcomes
    after needs set out by area): pair each with the need, in B, C or D, it shares most words
    with; when there are as many outcomes as needs, those left are paired in order."""
    education = [n for n in plan.needs if n.section == "B"]
    paired: set[int] = set()
    if not education or any(n.area is None for n in education):
        return paired
    pool = [n for n in plan.needs if n.section in NEED_SECTIONS]
    by_term: dict[str | None, list[Outcome]] = defaultdict(list)
    for outcome in plan.outcomes:
        if (
            outcome.area is None
            and outcome.need is None
            and not CODE_REFERENCE.search(outcome.text)
        ):
            by_term[outcome.term].append(outcome)
    for outcomes in by_term.values():
        targets = education if len(outcomes) == len(education) else pool
        in_order = len(outcomes) == len(targets)
        found = match_by_content([o.text for o in outcomes], [n.text for n in targets])
        for position, (outcome, match) in enumerate(zip(outcomes, found, strict=True)):
            if match is None or (match[1] == "order" and not in_order):
                continue
            need = targets[match[0]]
            outcome.need, outcome.area = need.text, need.area
            outcome.need_linked_by = _how(match, position)
            if outcome.provision is None:
                item = provision.nth(need.area, needs.position(need))
                outcome.provision = item.text if item else None
            paired.add(id(outcome))
    return paired


def _how(match: tuple[int, str], position: int) -> NeedLink:
    """How a matched need was found: "order" when it is also the need in the outcome's own
    place (the n-th need for the n-th outcome), whatever else agreed with it."""
    return "order" if match[0] == position else "content" if match[1] == "content" else "order"


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
