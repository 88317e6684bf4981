"""Grade distribution per criterion, and the criteria most often below the quality threshold.

Criteria are listed in the order of the newest matrix version used; a criterion only found in an
older version follows. Whether a grade meets the threshold is judged by the version the plan was
audited against.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from qa_audit.matrix import NOT_APPLICABLE, Matrix
from qa_audit.reports.records import PlanResult, VersionInfo
from qa_audit.reports.shares import Share


@dataclass(frozen=True)
class CriterionGrades:
    criterion_id: str
    title: str
    counts: Mapping[str, int]  # grade id -> plans, in the order of ``grade_ids``
    not_applicable: int
    below: Share  # met = plans graded below the threshold, n = plans graded


def criteria_in_order(versions: Sequence[VersionInfo]) -> list[tuple[str, str]]:
    """(criterion id, title), newest version first, then criteria only older versions have."""
    seen: dict[str, str] = {}
    for version in sorted(versions, key=lambda v: v.id, reverse=True):
        for criterion in version.matrix.criteria:
            seen.setdefault(criterion.id, criterion.title)
    return list(seen.items())


def grade_ids(versions: Sequence[VersionInfo]) -> list[tuple[str, str]]:
    """(grade id, label) best first, across the versions used."""
    seen: dict[str, str] = {}
    for version in sorted(versions, key=lambda v: v.id, reverse=True):
        for grade in version.matrix.scale.grades:
            seen.setdefault(grade.id, grade.label)
    return list(seen.items())


def is_below(matrix: Matrix, grade: str | None) -> bool | None:
    """True below the threshold, False at or above it, None when not graded or not applicable."""
    if grade is None or grade == NOT_APPLICABLE:
        return None
    return not matrix.meets_threshold(grade)


def grade_distribution(
    results: Sequence[PlanResult], versions: Mapping[int, VersionInfo]
) -> list[CriterionGrades]:
    used = [versions[v] for v in sorted({r.version_id for r in results})]
    table = []
    for criterion_id, title in criteria_in_order(used):
        counts: Counter[str] = Counter()
        below = graded = 0
        for result in results:
            grade = result.grades.get(criterion_id)
            counts[grade or "missing"] += 1
            verdict = is_below(versions[result.version_id].matrix, grade)
            if verdict is not None:
                graded += 1
                below += verdict
        table.append(
            CriterionGrades(
                criterion_id=criterion_id,
                title=title,
                counts={g: counts[g] for g, _ in grade_ids(used)},
                not_applicable=counts[NOT_APPLICABLE],
                below=Share(met=below, n=graded),
            )
        )
    return table


def most_often_below(table: Sequence[CriterionGrades], limit: int = 5) -> list[CriterionGrades]:
    """Criteria with at least one plan below the threshold, most often below first."""
    weak = [row for row in table if row.below.met]
    weak.sort(key=lambda row: (-(row.below.value or 0), -row.below.met, row.title))
    return weak[:limit]
