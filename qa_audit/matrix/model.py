"""The loaded QA matrix: an immutable tree of dataclasses.

Build one with :func:`qa_audit.matrix.load_matrix` / :func:`parse_matrix` (from TOML) or
:func:`matrix_from_json` (from a stored version); never construct it by hand in application code.
:mod:`qa_audit.matrix.serialise` writes it back as plain data, JSON and its content hash.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

JudgementMode = Literal["auditor", "key_criteria", "weighted"]
MatrixKind = Literal["plan", "advice"]
Ceiling = Literal["best-criterion", "median-criterion", "none"]
CapCriteria = Literal["key", "any"]


@dataclass(frozen=True)
class Grade:
    id: str
    label: str
    meets_threshold: bool
    points: float | None = None  # needed by the weighted judgement only


@dataclass(frozen=True)
class Scale:
    grades: tuple[Grade, ...]  # best first

    @property
    def threshold_label(self) -> str:
        """Plain-English threshold, e.g. "Good or better"."""
        lowest_meeting = [g for g in self.grades if g.meets_threshold][-1]
        if lowest_meeting is self.grades[0]:
            return lowest_meeting.label
        return f"{lowest_meeting.label} or better"

    def rank(self, grade_id: str) -> int:
        """Position on the scale, 0 for the best grade."""
        for position, grade in enumerate(self.grades):
            if grade.id == grade_id:
                return position
        raise KeyError(grade_id)


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    domain: str
    sections: tuple[str, ...]
    guidance: str
    descriptors: tuple[tuple[str, str], ...]  # (grade id, what that grade looks like), scale order
    key: bool = False
    weight: float = 1.0
    flags: tuple[str, ...] = ()
    allow_not_applicable: bool = False

    def descriptor(self, grade_id: str) -> str:
        return dict(self.descriptors)[grade_id]


@dataclass(frozen=True)
class Domain:
    id: str
    title: str
    description: str
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class Cap:
    """A limiting criterion: when any of ``criteria`` ("key" or "any") is graded
    ``at_or_below`` or worse, the overall grade may be no better than ``overall_at_most``."""

    criteria: CapCriteria
    at_or_below: str
    overall_at_most: str


@dataclass(frozen=True)
class Judgement:
    mode: JudgementMode
    threshold: float | None = None  # weighted mode: weighted mean of points that meets the bar
    # auditor mode: how far the auditor's overall grade may go beyond the criteria grades
    ceiling: Ceiling = "best-criterion"
    caps: tuple[Cap, ...] = ()


@dataclass(frozen=True)
class Measure:
    id: str
    title: str
    description: str
    target: float
    green_from: float
    amber_from: float
    applies_to: tuple[str, ...]
    source: Literal["judgement", "criteria"]
    criteria: tuple[str, ...] = ()


@dataclass(frozen=True)
class Matrix:
    id: str
    title: str
    description: str
    scale: Scale
    judgement: Judgement
    domains: tuple[Domain, ...]
    measures: tuple[Measure, ...]
    kind: MatrixKind = "plan"  # what it scores: EHC plans, or professional advice

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """Every criterion in matrix order (domain by domain)."""
        return tuple(c for domain in self.domains for c in domain.criteria)

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    def grade(self, grade_id: str) -> Grade:
        for grade in self.scale.grades:
            if grade.id == grade_id:
                return grade
        raise KeyError(grade_id)

    def measure(self, measure_id: str) -> Measure:
        for measure in self.measures:
            if measure.id == measure_id:
                return measure
        raise KeyError(measure_id)

    def meets_threshold(self, grade_id: str) -> bool:
        return self.grade(grade_id).meets_threshold
