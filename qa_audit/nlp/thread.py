"""The golden thread: needs served by provision, outcomes answering needs, aspirations pursued."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from qa_audit.documents.model import Need, Outcome, ProvisionItem
from qa_audit.nlp.themes import ThemeLexicon, content_words, themes_in

MIN_SHARED_WORDS = 2
"""Content words two statements must share to count as linked when no theme links them."""


@dataclass(frozen=True)
class Profile:
    """What a statement is about: its content words and areas of need."""

    words: frozenset[str]
    areas: frozenset[str]
    adulthood: frozenset[str]


def profile(doc: Doc, lexicon: ThemeLexicon) -> Profile:
    words = content_words(doc, lexicon)
    return Profile(words, themes_in(words, lexicon.areas), themes_in(words, lexicon.adulthood))


def related(a: Profile, b: Profile, min_shared: int = MIN_SHARED_WORDS) -> bool:
    return bool(a.areas & b.areas) or len(a.words & b.words) >= min_shared


@dataclass
class GoldenThread:
    needs_without_provision: list[str] = field(default_factory=list)
    outcomes_without_need: list[str] = field(default_factory=list)
    aspirations_without_outcome: list[str] = field(default_factory=list)
    outcome_linked: list[bool] = field(default_factory=list)  # per outcome, in plan order

    def to_dict(self) -> dict[str, list[str]]:
        return {
            "needs_without_provision": self.needs_without_provision,
            "outcomes_without_need": self.outcomes_without_need,
            "aspirations_without_outcome": self.aspirations_without_outcome,
        }


@dataclass(frozen=True)
class Strand:
    """One plan item with its profile, so each text is profiled once."""

    text: str
    area: str | None
    profile: Profile


def outcome_has_need(outcome: Outcome, strand: Strand, needs: Sequence[Strand]) -> bool:
    """Linked by the layout, by a shared area of need, or by what the texts are about."""
    if outcome.need and outcome.need.strip():
        return True
    return any(_same_area(strand, need) or related(strand.profile, need.profile) for need in needs)


def need_has_provision(
    need: Need, strand: Strand, provision: Sequence[Strand], outcomes: Sequence[Outcome]
) -> bool:
    if any(o.need == need.text and o.provision for o in outcomes):
        return True
    return any(
        _same_area(strand, item) or related(strand.profile, item.profile) for item in provision
    )


def aspiration_has_outcome(strand: Strand, outcomes: Sequence[Strand]) -> bool:
    mine = strand.profile
    return any(
        mine.adulthood & o.profile.adulthood or related(mine, o.profile, min_shared=1)
        for o in outcomes
    )


def _same_area(a: Strand, b: Strand) -> bool:
    return a.area is not None and a.area == b.area


def golden_thread(
    needs: Sequence[tuple[Need, Strand]],
    outcomes: Sequence[tuple[Outcome, Strand]],
    provision: Sequence[tuple[ProvisionItem, Strand]],
    aspirations: Sequence[Strand],
) -> GoldenThread:
    need_strands = [s for _, s in needs]
    outcome_items = [o for o, _ in outcomes]
    provision_strands = [s for _, s in provision]
    linked = [outcome_has_need(o, s, need_strands) for o, s in outcomes]
    return GoldenThread(
        needs_without_provision=[
            n.text
            for n, s in needs
            if not need_has_provision(n, s, provision_strands, outcome_items)
        ],
        outcomes_without_need=[
            o.text for o, ok in zip(outcome_items, linked, strict=True) if not ok
        ],
        aspirations_without_outcome=[
            a.text for a in aspirations if not aspiration_has_outcome(a, [s for _, s in outcomes])
        ],
        outcome_linked=linked,
    )
