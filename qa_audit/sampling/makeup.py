"""The sample's make-up beside the population's, per team, phase, primary need and kind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from qa_audit.models.plan import PHASES, PLAN_KINDS, PRIMARY_NEEDS
from qa_audit.sampling.draw import STRATA, Candidate

DIMENSION_LABELS = {
    "team": "Team",
    "phase": "Phase",
    "primary_need": "Primary need",
    "kind": "Kind of plan",
}
_VALUE_LABELS = {"phase": PHASES, "primary_need": PRIMARY_NEEDS, "kind": PLAN_KINDS}
NOT_RECORDED = "Not recorded"


@dataclass(frozen=True)
class MakeUpRow:
    label: str
    population: int
    population_share: float | None
    sample: int
    sample_share: float | None


@dataclass(frozen=True)
class MakeUp:
    dimension: str
    label: str
    rows: tuple[MakeUpRow, ...]


def value_label(dimension: str, value: str | None) -> str:
    if not value:
        return NOT_RECORDED
    return _VALUE_LABELS.get(dimension, {}).get(value, value)


def make_up(population: Sequence[Candidate], sample: Sequence[Candidate]) -> list[MakeUp]:
    """One table per dimension; rows are the values seen in either, largest in population first.

    The sample may hold plans added by hand from outside the population.
    """
    tables = []
    for dimension in STRATA:
        in_population = Counter(getattr(c, dimension) or "" for c in population)
        in_sample = Counter(getattr(c, dimension) or "" for c in sample)
        values = sorted(in_population | in_sample, key=lambda v: (-in_population[v], v))
        rows = tuple(
            MakeUpRow(
                label=value_label(dimension, value),
                population=in_population[value],
                population_share=_share(in_population[value], len(population)),
                sample=in_sample[value],
                sample_share=_share(in_sample[value], len(sample)),
            )
            for value in values
        )
        tables.append(MakeUp(dimension, DIMENSION_LABELS[dimension], rows))
    return tables


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None
