"""The fictional child and plan facts a layout writes out (chosen deterministically)."""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from datetime import date, timedelta

from .content import (
    ADVICE,
    ADVICE_CARRIED_BY,
    ASPIRATIONS,
    EDUCATION,
    HEALTH,
    SCHOOLS,
    SOCIAL_CARE,
    Strand,
)


@dataclass(frozen=True)
class FilledStrand:
    area: str | None
    need: str
    outcome: str
    provision: str
    by_whom: str
    frequency: str
    pfa: bool = False


@dataclass
class PlanFacts:
    initials: str
    year_group: int | None  # 0 = Reception, None = early years (nursery)
    issue_date: date
    review_date: date
    strands: list[FilledStrand]  # education strands, grouped by area in order
    health: FilledStrand | None
    social: FilledStrand | None
    social_other: str | None  # H2 provision when there is social care
    aspirations: list[str]
    advice: list[tuple[str, str, date]]  # source, author role, date
    school: str
    rng: random.Random
    from_statement: bool = False  # converted from a Statement, with its wording kept

    def fill(self, text: str) -> str:
        """``text`` with the child's initials {c}, target year {y} and key stage {k} filled in."""
        return text.format(
            c=self.initials, y=self.issue_date.year + 1, k=key_stage(self.year_group)
        )

    @property
    def areas(self) -> list[str]:
        return list(dict.fromkeys(s.area for s in self.strands if s.area))

    def in_area(self, area: str) -> list[FilledStrand]:
        return [s for s in self.strands if s.area == area]

    @property
    def all_strands(self) -> list[FilledStrand]:
        extra = [s for s in (self.health, self.social) if s]
        return self.strands + extra


def choose_facts(seed: int, issued: date | None = None, year_group: int | None = None) -> PlanFacts:
    """Facts drawn from ``seed``; ``issued`` and ``year_group`` pin those two when given."""
    rng = random.Random(seed)  # noqa: S311 (reproducible fictional data)
    initials = ".".join(rng.sample(string.ascii_uppercase, 2)) + "."
    drawn_year = rng.choice([None, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
    year_group = drawn_year if year_group is None else year_group
    drawn_issue = date(2024, 1, 8) + timedelta(days=rng.randrange(0, 600))
    issue = issued or drawn_issue
    review = issue + timedelta(days=rng.randrange(300, 365))
    fill = _filler(initials, issue.year + 1, key_stage(year_group))
    health = fill(rng.choice(HEALTH), None) if rng.random() < 0.6 else None
    social_pick = rng.choice(SOCIAL_CARE) if rng.random() < 0.5 else None
    social = fill(social_pick[0], None) if social_pick else None
    wanted = rng.randint(3, 10) - (health is not None) - (social is not None)
    strands = _education_strands(rng, max(wanted, 2), fill, year_group)
    provision = [s.provision for s in [*strands, health, social] if s]
    provision.append(social_pick[1] if social_pick else "")
    advice = [
        (source, role, issue - timedelta(days=rng.randrange(20, 150)))
        for source, role in rng.sample(ADVICE, rng.randint(3, len(ADVICE)))
        if _carried(source, provision)
    ]
    return PlanFacts(
        initials=initials,
        year_group=year_group,
        issue_date=issue,
        review_date=review,
        strands=strands,
        health=health,
        social=social,
        social_other=social_pick[1] if social_pick else None,
        aspirations=rng.sample(ASPIRATIONS, rng.randint(1, 3)),
        advice=advice,
        school=rng.choice(SCHOOLS),
        rng=rng,
    )


PFA_FROM_YEAR = 9
STAGE_ENDS = (
    (2, "Key Stage 1"),
    (6, "Key Stage 2"),
    (9, "Key Stage 3"),
    (11, "Key Stage 4"),
    (13, "Year 13"),
)


def key_stage(year_group: int | None) -> str:
    """The stage the plan's longer targets end with: the child's current key stage, Year 13 in
    the sixth form, or the college year for a young person past Year 13 (a Year 10 plan aims at
    Key Stage 4, not 3)."""
    year = year_group or 0
    return next((name for last, name in STAGE_ENDS if year <= last), "the college year")


def _filler(initials: str, year: int, stage: str):
    def fill(strand: Strand, area: str | None) -> FilledStrand:
        values = {"c": initials, "y": year, "k": stage}
        return FilledStrand(
            area,
            strand.need.format(**values),
            strand.outcome.format(**values),
            strand.provision.format(**values),
            strand.by_whom,
            strand.frequency,
            strand.pfa,
        )

    return fill


def _carried(source: str, provision: list[str]) -> bool:
    words = ADVICE_CARRIED_BY.get(source)
    return words is None or any(word in text.lower() for text in provision for word in words)


def _education_strands(
    rng: random.Random, wanted: int, fill, year_group: int | None
) -> list[FilledStrand]:
    """Strands in 2-4 areas; from Year 9 at least one moves towards adulthood."""
    areas = rng.sample(list(EDUCATION), rng.randint(2, 4))
    pools = {area: rng.sample(EDUCATION[area], len(EDUCATION[area])) for area in areas}
    chosen: dict[str, list[Strand]] = {area: [pools[area].pop()] for area in areas}
    while sum(len(v) for v in chosen.values()) < wanted and any(pools.values()):
        area = rng.choice([a for a in areas if pools[a]])
        chosen[area].append(pools[area].pop())
    has_adult = any(s.pfa for strands in chosen.values() for s in strands)
    if (year_group or 0) >= PFA_FROM_YEAR and not has_adult:
        adult = [(area, s) for area in areas for s in pools[area] if s.pfa]
        # None left in the areas drawn: the plan takes an area that has one.
        adult = adult or [(area, s) for area in EDUCATION for s in EDUCATION[area] if s.pfa]
        area, strand = rng.choice(adult)
        if area not in chosen:
            areas.append(area)
            chosen[area] = []
        chosen[area].append(strand)
    return [fill(strand, area) for area in areas for strand in chosen[area]]
