"""How far an auditor's overall grade may go beyond the criteria grades (auditor mode only).

The matrix declares the rule under ``[judgement]``:

* ``ceiling``: ``"best-criterion"`` (the default: the plan can be no better than its best
  criterion), ``"median-criterion"`` (no better than the middle criterion grade, the better of
  the two middle ones for an even count) or ``"none"``;
* ``[[judgement.caps]]``: limiting criteria, e.g. "no better than Requires improvement when a
  key criterion is Inadequate".

:func:`overall_limit` is the one place that works out the best overall grade the rule allows;
the scoring form, submission, moderation and the reports all ask it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from qa_audit.errors import QaAuditError
from qa_audit.matrix.codes import NOT_APPLICABLE
from qa_audit.matrix.model import Criterion, Matrix


class OverallNotAllowed(QaAuditError):
    """An overall grade better than the matrix's rule allows for the criteria grades."""


@dataclass(frozen=True)
class OverallLimit:
    best: str  # the best overall grade allowed; it and every worse grade are allowed
    reasons: tuple[str, ...]  # plain-English reasons, naming the limiting criteria

    def allows(self, matrix: Matrix, overall: str) -> bool:
        return matrix.scale.rank(overall) >= matrix.scale.rank(self.best)

    def refusal(self, matrix: Matrix, overall: str) -> str:
        """The message for an overall grade the rule does not allow."""
        best = matrix.grade(self.best).label
        return (
            f"The overall grade cannot be {matrix.grade(overall).label}: it can be no better "
            f"than {best} because {' and '.join(self.reasons)}"
        )


def overall_limit(matrix: Matrix, grades: Mapping[str, str | None]) -> OverallLimit | None:
    """The best overall grade the matrix allows for these criterion grades, or None when the
    rule sets no limit (no graded criteria, ceiling "none" and no cap reached, or a mode where
    the overall grade is worked out rather than given)."""
    if matrix.judgement.mode != "auditor":
        return None
    graded = [
        (criterion, grade)
        for criterion in matrix.criteria
        if (grade := grades.get(criterion.id)) and grade != NOT_APPLICABLE
    ]
    limits = [*_ceiling(matrix, graded), *_caps(matrix, graded)]
    if not limits:
        return None
    best = max(rank for rank, _ in limits)
    reasons = tuple(reason for rank, reason in limits if rank == best)
    return OverallLimit(matrix.scale.grades[best].id, reasons)


def describe_rule(matrix: Matrix) -> str:
    """The rule in a sentence for the scoring page and the matrix summary ("" when none)."""
    if matrix.judgement.mode != "auditor":
        return ""
    parts = {
        "best-criterion": ["no better than the best criterion grade"],
        "median-criterion": ["no better than the middle criterion grade"],
        "none": [],
    }[matrix.judgement.ceiling]
    for cap in matrix.judgement.caps:
        which = "a key criterion" if cap.criteria == "key" else "any criterion"
        grade = matrix.grade(cap.at_or_below).label
        worse = "" if cap.at_or_below == matrix.scale.grades[-1].id else " or worse"
        parts.append(
            f"no better than {matrix.grade(cap.overall_at_most).label} when {which} is "
            f"{grade}{worse}"
        )
    return f"The overall grade can be {', and '.join(parts)}." if parts else ""


def overall_problem(
    matrix: Matrix, grades: Mapping[str, str | None], overall: str | None
) -> str | None:
    """Why ``overall`` is not allowed with these criterion grades, or None when it is."""
    limit = overall_limit(matrix, grades)
    if overall is None or limit is None or limit.allows(matrix, overall):
        return None
    return limit.refusal(matrix, overall)


def check_overall(matrix: Matrix, grades: Mapping[str, str | None], overall: str | None) -> None:
    """Raise :class:`OverallNotAllowed` when the rule does not allow ``overall``."""
    problem = overall_problem(matrix, grades, overall)
    if problem:
        raise OverallNotAllowed(problem)


def _ceiling(matrix: Matrix, graded: list[tuple[Criterion, str]]) -> list[tuple[int, str]]:
    ceiling = matrix.judgement.ceiling
    if ceiling == "none" or not graded:
        return []
    ranks = sorted(matrix.scale.rank(grade) for _, grade in graded)
    if ceiling == "best-criterion":
        label = matrix.scale.grades[ranks[0]].label
        return [(ranks[0], f"the best grade given to any criterion is {label}")]
    middle = ranks[(len(ranks) - 1) // 2]
    label = matrix.scale.grades[middle].label
    return [(middle, f"the middle grade of the criteria is {label}")]


def _caps(matrix: Matrix, graded: list[tuple[Criterion, str]]) -> list[tuple[int, str]]:
    limits = []
    for cap in matrix.judgement.caps:
        floor = matrix.scale.rank(cap.at_or_below)
        hit = [
            criterion
            for criterion, grade in graded
            if (cap.criteria == "any" or criterion.key) and matrix.scale.rank(grade) >= floor
        ]
        if hit:
            reason = _cap_reason(matrix, hit, cap.at_or_below)
            limits.append((matrix.scale.rank(cap.overall_at_most), reason))
    return limits


def _cap_reason(matrix: Matrix, hit: list[Criterion], at_or_below: str) -> str:
    names = [criterion.title for criterion in hit]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    kind = "key " if all(criterion.key for criterion in hit) else ""
    kind += "criterion" if len(hit) == 1 else "criteria"
    grade = matrix.grade(at_or_below).label
    if at_or_below != matrix.scale.grades[-1].id:
        grade += " or worse"
    return f"the {kind} {listed} {'is' if len(hit) == 1 else 'are'} graded {grade}"
