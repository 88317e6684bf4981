"""The golden thread: needs served by provision, outcomes answering needs, aspirations pursued."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from qa_audit.documents.model import Need, Outcome, ProvisionItem
from qa_audit.nlp.nil_entries import is_nil_entry
from qa_audit.nlp.themes import (
    ThemeLexicon,
    content_words,
    main_themes,
    phrase_themes,
    themes_in,
)

MIN_SHARED_WORDS = 2
"""Content words two statements must share to count as linked when no theme links them."""
TRUSTED_LINKS = frozenset({"row", "reference", "content", "order", None})
"""Need links taken as found by the reader: the same table row, a cited need number, the need
whose words the outcome shares (``qa_audit.documents.matching``), the n-th need left for the
n-th outcome, or (None) a plan read before links were recorded. An outcome beyond the last need
("after_last") must show its need by its area or its words."""


@dataclass(frozen=True)
class Profile:
    """What a statement is about: its content words and areas of need."""

    words: frozenset[str]
    areas: frozenset[str]
    adulthood: frozenset[str]
    main_areas: frozenset[str]  # the areas most of its theme words fall in


def profile(doc: Doc, lexicon: ThemeLexicon) -> Profile:
    words = content_words(doc, lexicon)
    return Profile(
        words,
        themes_in(words, lexicon.areas),
        themes_in(words, lexicon.adulthood) | phrase_themes(doc, lexicon.adulthood),
        main_themes(words, lexicon.areas),
    )


def related(a: Profile, b: Profile, min_shared: int = MIN_SHARED_WORDS) -> bool:
    return bool(a.areas & b.areas) or shares_words(a, b, min_shared)


def shares_words(a: Profile, b: Profile, min_shared: int = MIN_SHARED_WORDS) -> bool:
    return len(a.words & b.words) >= min_shared


@dataclass
class GoldenThread:
    needs_without_provision: list[str] = field(default_factory=list)
    outcomes_without_need: list[str] = field(default_factory=list)
    outcomes_without_provision: list[str] = field(default_factory=list)
    aspirations_without_outcome: list[str] = field(default_factory=list)
    outcome_linked: list[bool] = field(default_factory=list)  # per outcome, in plan order

    def to_dict(self) -> dict[str, list[str]]:
        return {
            "needs_without_provision": self.needs_without_provision,
            "outcomes_without_need": self.outcomes_without_need,
            "outcomes_without_provision": self.outcomes_without_provision,
            "aspirations_without_outcome": self.aspirations_without_outcome,
        }


@dataclass(frozen=True)
class Strand:
    """One plan item with its profile, so each text is profiled once."""

    text: str
    area: str | None
    profile: Profile


def outcome_has_need(outcome: Outcome, strand: Strand, needs: Sequence[Strand]) -> bool:
    """Linked by the plan itself, by its area of need, or by what the texts are about.

    When the plan files outcomes and needs under areas of need, those areas are the author's own
    link: an outcome under an area in which no need is recorded answers none unless it shares
    content words with a need. The theme lexicon's broad groups are only used for plans that give
    no areas, and then only the group the outcome is mainly about counts: writing with a pencil
    grip is about physical skills, not the learning need its verb "write" also falls under.
    """
    if _real(outcome.need) and outcome.need_linked_by in TRUSTED_LINKS:
        return True
    if strand.area is not None and any(need.area is not None for need in needs):
        return any(
            _same_area(strand, need) or shares_words(strand.profile, need.profile) for need in needs
        )
    mine = strand.profile
    return any(
        mine.main_areas & need.profile.areas or shares_words(mine, need.profile) for need in needs
    )


def outcome_has_provision(outcome: Outcome, strand: Strand, provision: Sequence[Strand]) -> bool:
    """Served by the provision linked to it, or by provision in its area or about the same."""
    if _real(outcome.provision):
        return True
    return any(
        _same_area(strand, item) or related(strand.profile, item.profile) for item in provision
    )


PROVIDED_IN = {"C": frozenset({"G"}), "D": frozenset({"H1", "H2"})}
"""The plan's own pairing of sections: health needs (C) are met in G, social care needs (D) in H."""


def need_has_provision(
    need: Need,
    strand: Strand,
    provision: Sequence[Strand],
    served: set[str | None],
    provided: frozenset[str] = frozenset(),
) -> bool:
    """Served through an outcome linked to it and to real provision, by real provision in the
    section the plan pairs with its own (``provided``: sections holding real provision), or by
    provision in its area or about the same. ``served`` holds the needs of outcomes linked to
    real provision."""
    if need.text in served or PROVIDED_IN.get(need.section, frozenset()) & provided:
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


def _real(link: str | None) -> bool:
    """A linked need or provision that is more than "None." or "No identified health needs."."""
    return bool(link and link.strip()) and not is_nil_entry(link)


def golden_thread(
    needs: Sequence[tuple[Need, Strand]],
    outcomes: Sequence[tuple[Outcome, Strand]],
    provision: Sequence[tuple[ProvisionItem, Strand]],
    aspirations: Sequence[Strand],
) -> GoldenThread:
    """Gaps in the thread. Entries saying there is nothing ("None.") are neither needs nor
    provision: nothing has to serve them and they serve nothing."""
    needs = [(n, s) for n, s in needs if not is_nil_entry(n.text)]
    need_strands = [s for _, s in needs]
    outcome_items = [o for o, _ in outcomes]
    served = {o.need for o in outcome_items if _real(o.provision)}
    provision_strands = [s for item, s in provision if not is_nil_entry(item.text)]
    provided = frozenset(item.section for item, _ in provision if not is_nil_entry(item.text))
    linked = [outcome_has_need(o, s, need_strands) for o, s in outcomes]
    return GoldenThread(
        needs_without_provision=[
            n.text
            for n, s in needs
            if not need_has_provision(n, s, provision_strands, served, provided)
        ],
        outcomes_without_need=[
            o.text for o, ok in zip(outcome_items, linked, strict=True) if not ok
        ],
        outcomes_without_provision=[
            o.text for o, s in outcomes if not outcome_has_provision(o, s, provision_strands)
        ],
        aspirations_without_outcome=[
            a.text for a in aspirations if not aspiration_has_outcome(a, [s for _, s in outcomes])
        ],
        outcome_linked=linked,
    )
