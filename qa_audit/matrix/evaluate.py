"""Turn one audit's criterion grades (and overall grade) into the plan judgement and measures.

Drafts can be partial, so nothing here fails on missing grades. Instead :class:`Evaluation` says
what is missing, and a judgement or measure that depends on a missing grade is ``None``.

How the plan judgement is made, by ``[judgement] mode``:

* ``auditor``: the auditor's overall grade; it meets the threshold when that grade does. The
  grade must be one the matrix's rule allows for the criteria grades
  (:mod:`qa_audit.matrix.overall_rule`); submission and moderation refuse any other. An overall
  grade above the rule that is already stored (given before the matrix declared its rule) is
  counted as the best grade the rule allows, and ``overall_above_rule`` keeps what was given
  so pages and exports can mark it.
* ``key_criteria``: the plan's grade is the lowest grade given to any key criterion (criteria
  marked not applicable are left out), so the plan meets the threshold exactly when every key
  criterion does. Other criteria are evidence only.
* ``weighted``: the weighted mean of grade points over graded criteria (not applicable ones left
  out) is compared with ``threshold``; the plan meets the threshold when the mean is at or above
  it. The grade reported is the grade whose points are nearest the mean (the lower grade on a
  tie), for display; the threshold alone decides ``meets_threshold``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from qa_audit.errors import MatrixError
from qa_audit.matrix.codes import NOT_APPLICABLE
from qa_audit.matrix.model import Matrix, Measure
from qa_audit.matrix.overall_rule import overall_limit

Rag = Literal["green", "amber", "red"]
_ROUNDING_SLACK = 1e-9  # a share of 17/20 must count as reaching a band starting at 0.85


@dataclass(frozen=True)
class Evaluation:
    grade: str | None  # grade id of the plan judgement; None when it cannot be made yet
    meets_threshold: bool | None  # None when the judgement cannot be made yet
    measures: dict[str, bool | None]  # None: measure does not apply or its grades are missing
    missing: tuple[str, ...]  # criterion ids without a grade, then "overall" if it is needed
    score: float | None = None  # weighted mean of points (weighted mode only)
    overall_above_rule: str | None = None  # auditor's overall grade, when the rule caps it

    @property
    def complete(self) -> bool:
        return not self.missing


def evaluate(
    matrix: Matrix,
    scores: Mapping[str, str | None],
    overall: str | None,
    plan_kind: str | None = None,
) -> Evaluation:
    """Judge one plan. ``scores`` maps criterion id to grade id, ``"n/a"`` or None.

    When ``plan_kind`` is given, measures that do not apply to that kind of plan are None.
    Grades or criteria unknown to ``matrix`` raise :class:`MatrixError`: they mean the scores
    were made against another matrix version.
    """
    _check_scores(matrix, scores, overall)
    grades = {c.id: scores.get(c.id) or None for c in matrix.criteria}
    missing = [criterion_id for criterion_id, grade in grades.items() if grade is None]
    mode = matrix.judgement.mode
    score = above_rule = None
    if mode == "auditor":
        if overall is None:
            missing.append("overall")
        grade = overall
        limit = overall_limit(matrix, grades)
        if overall is not None and limit is not None and not limit.allows(matrix, overall):
            grade, above_rule = limit.best, overall
    elif mode == "key_criteria":
        grade = _lowest_key_grade(matrix, grades)
    else:
        score = _weighted_score(matrix, grades)
        grade = None if score is None else _nearest_grade(matrix, score)
    meets = _meets(matrix, grade, score)
    measures = {m.id: _measure_met(matrix, m, grades, meets, plan_kind) for m in matrix.measures}
    return Evaluation(grade, meets, measures, tuple(missing), score, above_rule)


def rag(matrix: Matrix, measure_id: str, share: float) -> Rag:
    """RAG status of ``share`` (0..1, e.g. 0.82 for 82%) against the measure's bands."""
    if not 0 <= share <= 1:
        raise ValueError(f"share must be between 0 and 1, got {share}")
    measure = matrix.measure(measure_id)
    if share + _ROUNDING_SLACK >= measure.green_from:
        return "green"
    if share + _ROUNDING_SLACK >= measure.amber_from:
        return "amber"
    return "red"


def _check_scores(matrix: Matrix, scores: Mapping[str, str | None], overall: str | None) -> None:
    grade_ids = {g.id for g in matrix.scale.grades}
    criterion_ids = {c.id for c in matrix.criteria}
    for criterion_id, grade_id in scores.items():
        if criterion_id not in criterion_ids:
            raise MatrixError(f"matrix '{matrix.id}' has no criterion '{criterion_id}'")
        allowed = matrix.criterion(criterion_id).allow_not_applicable
        if grade_id and grade_id not in grade_ids and not (grade_id == NOT_APPLICABLE and allowed):
            raise MatrixError(f"criterion '{criterion_id}' cannot be graded '{grade_id}'")
    if overall is not None and overall not in grade_ids:
        raise MatrixError(f"matrix '{matrix.id}' has no grade '{overall}'")


def _lowest_key_grade(matrix: Matrix, grades: Mapping[str, str | None]) -> str | None:
    key_grades = [grades[c.id] for c in matrix.criteria if c.key]
    if None in key_grades:
        return None
    graded = [g for g in key_grades if g is not None and g != NOT_APPLICABLE]
    return max(graded, key=matrix.scale.rank) if graded else None


def _weighted_score(matrix: Matrix, grades: Mapping[str, str | None]) -> float | None:
    if None in grades.values():
        return None
    total = weights = 0.0
    for criterion in matrix.criteria:
        grade_id = grades[criterion.id]
        if grade_id is None or grade_id == NOT_APPLICABLE:
            continue
        total += criterion.weight * (matrix.grade(grade_id).points or 0.0)
        weights += criterion.weight
    return total / weights if weights else None


def _nearest_grade(matrix: Matrix, score: float) -> str:
    # Worst first, so on a tie min() keeps the lower grade.
    grades = reversed(matrix.scale.grades)
    return min(grades, key=lambda g: abs((g.points or 0.0) - score)).id


def _meets(matrix: Matrix, grade: str | None, score: float | None) -> bool | None:
    if matrix.judgement.mode == "weighted":
        threshold = matrix.judgement.threshold or 0.0
        return None if score is None else score + _ROUNDING_SLACK >= threshold
    return None if grade is None else matrix.meets_threshold(grade)


def _measure_met(
    matrix: Matrix,
    measure: Measure,
    grades: Mapping[str, str | None],
    judgement_met: bool | None,
    plan_kind: str | None,
) -> bool | None:
    if plan_kind is not None and plan_kind not in measure.applies_to:
        return None
    if measure.source == "judgement":
        return judgement_met
    fed = [grades[criterion_id] for criterion_id in measure.criteria]
    graded = [g for g in fed if g is not None and g != NOT_APPLICABLE]
    if any(not matrix.meets_threshold(g) for g in graded):
        return False
    if None in fed or not graded:
        return None
    return True
