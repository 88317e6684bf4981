"""Weak plans: the child of the good plan with the same seed, with faults QA audits find in real
plans planted in the facts before they are laid out, and every fault recorded.

The faults are drawn from their own random stream, so the facts of the good plan are drawn
exactly as before and a good plan's output does not change.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import timedelta
from typing import TypeVar

from .content import EDUCATION
from .layouts import CONVERSION_LAYOUTS
from .plan_facts import FilledStrand, PlanFacts
from .spec import PlantedFault, TruthOutcome
from .weak_content import (
    BROAD_AIM,
    BROAD_AIMS,
    CARRIED_BY,
    DILUTED_ADVICE,
    NO_MEASURE,
    PAST_TARGETS,
    PROVISION_AS_OUTCOME,
    UNCARRIED_ADVICE,
    UNQUANTIFIED,
    VAGUE,
    VagueProvision,
)

QUALITIES = ("good", "slip", "weak")
"""A good plan, a good plan with one slip (as most sound plans have), and a weak plan."""
PFA_FROM_YEAR = 9
HEALTH_AND_CARE_ADVICE = ("Paediatrician", "Social worker")
TIME_FRAME_FAULTS = ("not_time_bound", "outdated")

Rewrite = Callable[[FilledStrand], tuple[str, tuple[str, ...]]]
"""A weak rewording of a strand's outcome, with the flag codes true of it."""
Option = TypeVar("Option")


def plant_faults(facts: PlanFacts, layout: str, seed: int) -> list[PlantedFault]:
    """Make ``facts`` those of a weak plan; returns the faults planted (one per code and item)."""
    rng = random.Random(f"weak plan {seed}")  # noqa: S311 (reproducible fictional data)
    return _Planter(facts, rng).plant(conversion=layout in CONVERSION_LAYOUTS)


def plant_slip(facts: PlanFacts, seed: int) -> list[PlantedFault]:
    """Make ``facts`` those of a sound plan with one slip: one outcome with no time frame, or
    one item of provision that does not say how much or who delivers it."""
    rng = random.Random(f"one slip {seed}")  # noqa: S311 (reproducible fictional data)
    return _Planter(facts, rng).slip()


def faults_after_layout(
    faults: list[PlantedFault], facts: PlanFacts, outcomes: list[TruthOutcome]
) -> list[PlantedFault]:
    """Faults that depend on how the plan was laid out: those of the short-term outcomes a
    layout derives from long-term ones, and no adulthood outcome among those written out."""
    derived = []
    for long, short in itertools.pairwise(outcomes):
        if long.term == "long" and short.term == "short":
            derived += [
                PlantedFault(fault.code, short.text)
                for fault in faults
                if fault.text == long.text and fault.code not in TIME_FRAME_FAULTS
            ]
    adulthood = {s.outcome for s in facts.all_strands if s.pfa}
    year = facts.year_group
    if (
        year is not None
        and year >= PFA_FROM_YEAR
        and not any(o.text in adulthood for o in outcomes)
    ):
        derived.append(PlantedFault("no_pfa_outcomes", ""))
    return derived


class _Planter:
    def __init__(self, facts: PlanFacts, rng: random.Random) -> None:
        self.facts, self.rng = facts, rng
        self.faults: list[PlantedFault] = []
        self.rewritten: set[int] = set()  # strands whose outcome is no longer the good one
        self.vague_provision: set[str] = set()
        self.used: set[str] = set()  # weak wording already in the plan
        self.no_adulthood = False  # adulthood outcomes left out (the fault is recorded later)
        self.carried = {source for source in CARRIED_BY if self._carried(source)}

    def plant(self, *, conversion: bool) -> list[PlantedFault]:
        rng = self.rng
        year = self.facts.year_group
        if year is not None and year >= PFA_FROM_YEAR and rng.random() < 0.7:
            self._no_adulthood_outcomes()
        if conversion or rng.random() < 0.15:
            self.facts.from_statement = not conversion
            self._fault("conversion_template", "")
        outcome_faults: list[Rewrite] = [
            self._broad_aim,
            self._no_measure,
            self._no_date,
            self._provision_as_outcome,
            self._past_target,
        ]
        for rewrite in rng.sample(outcome_faults, rng.randint(2, 3)):
            self._rewrite_outcomes(rewrite)
        if rng.random() < 0.7:
            self._unquantified_provision()
        if rng.random() < 0.5:
            self._advice_not_carried()
        if rng.random() < 0.4:
            self._outcome_without_need()
        self._record_dropped_advice()
        return self.faults

    def slip(self) -> list[PlantedFault]:
        strands = self.facts.strands
        with_need = [i for i, s in enumerate(strands) if s.need]
        if with_need and self.rng.random() < 0.5:
            index = self.rng.choice(with_need)
            text, _ = self._no_date(strands[index])
            strands[index] = replace(strands[index], outcome=text)
            self._fault("not_time_bound", text)
        else:
            order = self.rng.sample(range(len(strands)), len(strands))
            index = next((i for i in order if not self._only_carrier(i)), order[0])
            self._make_vague(index, self._vague_for(_area(strands[index])))
            self._record_dropped_advice()
        return self.faults

    def _only_carrier(self, index: int) -> bool:
        """Whether the strand's provision is the only one carrying some advice from K."""
        strands = self.facts.strands
        others = [s.provision for i, s in enumerate(strands) if i != index]
        return any(
            _names_any(strands[index].provision, CARRIED_BY[source])
            and not any(_names_any(text, CARRIED_BY[source]) for text in others)
            for source in self.carried
        )

    def _fault(self, code: str, text: str) -> None:
        self.faults.append(PlantedFault(code, text))

    def _choose(self, options: Sequence[Option], text: Callable[[Option], str] = str) -> Option:
        """One of ``options`` not yet used in this plan, so no two items read the same."""
        fresh = [option for option in options if text(option) not in self.used]
        choice = self.rng.choice(fresh or options)
        self.used.add(text(choice))
        return choice

    # Outcomes ---------------------------------------------------------------------------------

    def _rewrite_outcomes(self, rewrite: Rewrite) -> None:
        strands = self.facts.strands
        free = [i for i, s in enumerate(strands) if i not in self.rewritten and s.need]
        for index in self.rng.sample(free, min(len(free), self.rng.randint(1, 2))):
            strand = strands[index]
            text, codes = rewrite(strand)
            keeps_content = rewrite in (self._no_date, self._past_target)
            strands[index] = replace(strand, outcome=text, pfa=strand.pfa and keeps_content)
            self.rewritten.add(index)
            for code in codes:
                self._fault(code, text)

    def _broad_aim(self, strand: FilledStrand) -> tuple[str, tuple[str, ...]]:
        aim = self.facts.fill(self._choose(BROAD_AIMS[_area(strand)]))
        if self.rng.random() < 0.4:
            return self.facts.fill("By July {y}, ") + aim, VAGUE
        return aim, BROAD_AIM

    def _no_measure(self, strand: FilledStrand) -> tuple[str, tuple[str, ...]]:
        return self.facts.fill(self._choose(NO_MEASURE[_area(strand)])), ("not_measurable",)

    def _no_date(self, strand: FilledStrand) -> tuple[str, tuple[str, ...]]:
        return _after_time_frame(strand.outcome), ("not_time_bound",)

    def _provision_as_outcome(self, strand: FilledStrand) -> tuple[str, tuple[str, ...]]:
        wording = self._choose(PROVISION_AS_OUTCOME[_area(strand)], lambda w: w.text)
        return self.facts.fill(wording.text), wording.codes

    def _past_target(self, strand: FilledStrand) -> tuple[str, tuple[str, ...]]:
        """A target carried over from an earlier plan: its date had passed before this one."""
        frames = [frame.format(past=self.facts.issue_date.year - 1) for frame in PAST_TARGETS]
        year = self.facts.year_group
        if year is not None and year >= 2:
            frames.append(f"By the end of Year {year - 1}")
        frame = self.rng.choice(frames)
        return f"{frame}, {_after_time_frame(strand.outcome)}", ("outdated",)

    def _outcome_without_need(self) -> None:
        """An outcome under an area of need that section B never mentions."""
        areas = [area for area in EDUCATION if area not in self.facts.areas]
        choices = [
            (area, strand)
            for area in areas
            for strand in EDUCATION[area]
            if not (self.no_adulthood and strand.pfa)
        ]
        if not choices:
            return
        area, strand = self.rng.choice(choices)
        fill = self.facts.fill
        self.facts.strands.append(
            FilledStrand(
                area,
                "",
                fill(strand.outcome),
                fill(strand.provision),
                strand.by_whom,
                strand.frequency,
                strand.pfa,
            )
        )
        for code in ("no_linked_need", "golden_thread"):
            self._fault(code, fill(strand.outcome))

    def _no_adulthood_outcomes(self) -> None:
        """From Year 9, a plan whose outcomes are all about the classroom (the fault is recorded
        by :func:`faults_after_layout`, which also finds plans that lost them otherwise)."""
        kept = [s for s in self.facts.strands if not s.pfa]
        if len(kept) < 2:
            return
        facts = self.facts
        facts.strands = kept
        facts.health = facts.social = None
        facts.social_other = None
        # With no health or social care needs, no advice from those services was gathered.
        facts.advice = [a for a in facts.advice if a[0] not in HEALTH_AND_CARE_ADVICE]
        self.no_adulthood = True

    # Provision and advice ---------------------------------------------------------------------

    def _make_vague(self, index: int, vague: VagueProvision) -> None:
        strands = self.facts.strands
        strands[index] = replace(
            strands[index],
            provision=vague.text,
            by_whom=vague.by_whom,
            frequency=vague.frequency,
        )
        self.vague_provision.add(vague.text)
        self._fault("provision_not_quantified", vague.text)

    def _unquantified_provision(self) -> None:
        strands = self.facts.strands
        free = [i for i, s in enumerate(strands) if s.provision not in self.vague_provision]
        for index in self.rng.sample(free, min(len(free), self.rng.randint(1, 3))):
            self._make_vague(index, self._vague_for(_area(strands[index])))

    def _vague_for(self, area: str) -> VagueProvision:
        return self._choose(UNQUANTIFIED[area], lambda v: v.text)

    def _advice_not_carried(self) -> None:
        """Therapy advice watered down to "access to" in F, or advice listed in K and unused."""
        in_k = {source for source, _, _ in self.facts.advice}
        diluted = sorted(self.carried & in_k & set(DILUTED_ADVICE))
        if diluted and self.rng.random() < 0.5:
            self._dilute(self.rng.choice(diluted))
            return
        unused = [
            (source, role)
            for source, role, words in UNCARRIED_ADVICE
            if source not in in_k and not self._names(words)
        ]
        if unused:
            source, role = self.rng.choice(unused)
            when = self.facts.issue_date - timedelta(days=self.rng.randrange(20, 150))
            self.facts.advice.append((source, role, when))
            self._fault("advice_not_reflected", role)

    def _dilute(self, source: str) -> None:
        _, vague = DILUTED_ADVICE[source]
        strands = self.facts.strands
        naming = [i for i, s in enumerate(strands) if _names_any(s.provision, CARRIED_BY[source])]
        for number, index in enumerate(naming):
            self._make_vague(
                index, vague if number == 0 else self._vague_for(_area(strands[index]))
            )

    def _record_dropped_advice(self) -> None:
        """Advice from K that section F carried in the good plan and no longer carries."""
        for source, role, _ in self.facts.advice:
            if source in self.carried and not self._carried(source):
                self._fault("advice_not_reflected", role)

    def _carried(self, source: str) -> bool:
        return any(
            _names_any(s.provision, CARRIED_BY[source])
            for s in self.facts.strands
            if s.provision not in self.vague_provision
        )

    def _names(self, words: tuple[str, ...]) -> bool:
        """Whether any provision in the plan, or who delivers it, names one of ``words``."""
        facts = self.facts
        texts = [s.provision for s in facts.all_strands] + [facts.social_other or ""]
        texts += [s.by_whom for s in facts.all_strands]
        return any(_names_any(text, words) for text in texts)


def _names_any(text: str, words: tuple[str, ...]) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in words)


def _area(strand: FilledStrand) -> str:
    if strand.area is None:
        raise ValueError("only education strands, which have an area of need, are rewritten")
    return strand.area


def _after_time_frame(outcome: str) -> str:
    """The outcome without its opening time frame ("By July 2026, ...")."""
    return outcome.split(", ", 1)[1]
