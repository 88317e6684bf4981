"""Agreement between two auditors marking the same plan, for the term's double-marked plans.

Pairs: every plan with two or more submitted audits in one sample (random or targeted); the
moderated pair when there is one, else the first two submitted. Figures: exact agreement on the
overall grade, agreement on whether the plan meets the quality threshold, and Cohen's kappa on
the overall grade with linear weights (near misses on the scale count as partial agreement).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from statsmodels.stats.inter_rater import cohens_kappa

from qa_audit.matrix import Matrix
from qa_audit.reports.records import AuditRecord, TermAudits
from qa_audit.reports.shares import Share


@dataclass(frozen=True)
class Agreement:
    pairs: int
    exact: Share  # pairs giving the same overall grade
    threshold: Share  # pairs agreeing whether the plan meets the threshold
    kappa: float | None  # None when fewer than two pairs, or kappa is undefined


def rating_pairs(data: TermAudits) -> list[tuple[AuditRecord, AuditRecord]]:
    by_plan: dict[tuple[int, int | None], list[AuditRecord]] = defaultdict(list)
    for audit in data.audits:
        if audit.sample_id is not None:
            by_plan[(audit.plan_id, audit.sample_id)].append(audit)
    moderated = {(m.first_audit_id, m.second_audit_id) for m in data.moderations}
    by_id = {a.id: a for a in data.audits}
    pairs = []
    for audits in by_plan.values():
        if len(audits) < 2:
            continue
        ids = {a.id for a in audits}
        pair = next(((by_id[f], by_id[s]) for f, s in moderated if f in ids and s in ids), None)
        if pair is None:
            audits.sort(key=lambda a: (a.submitted_at is None, a.submitted_at, a.id))
            pair = (audits[0], audits[1])
        pairs.append(pair)
    return pairs


def agreement(data: TermAudits) -> Agreement:
    graded = []
    for first, second in rating_pairs(data):
        version = data.versions.get(first.matrix_version_id or -1)
        if version is None or not _on_scale(version.matrix, first, second):
            continue
        graded.append((version.matrix, first, second))
    exact = sum(f.overall_grade == s.overall_grade for _, f, s in graded)
    same_side = sum(
        m.meets_threshold(f.overall_grade) == m.meets_threshold(s.overall_grade)  # type: ignore[arg-type]
        for m, f, s in graded
    )
    return Agreement(
        pairs=len(graded),
        exact=Share(exact, len(graded)),
        threshold=Share(same_side, len(graded)),
        kappa=_weighted_kappa(graded),
    )


def _on_scale(matrix: Matrix, *audits: AuditRecord) -> bool:
    ids = {g.id for g in matrix.scale.grades}
    return all(a.overall_grade in ids for a in audits)


def _weighted_kappa(graded: list[tuple[Matrix, AuditRecord, AuditRecord]]) -> float | None:
    if len(graded) < 2:
        return None
    scale = graded[0][0].scale
    graded = [pair for pair in graded if pair[0].scale == scale]
    size = len(scale.grades)
    table = np.zeros((size, size))
    for _, first, second in graded:
        table[scale.rank(first.overall_grade), scale.rank(second.overall_grade)] += 1  # type: ignore[arg-type]
    rows, cols = table.sum(axis=1), table.sum(axis=0)
    if np.count_nonzero(rows) == 1 and np.count_nonzero(cols) == 1:
        return None  # both auditors used one and the same grade throughout: kappa is undefined
    with np.errstate(divide="ignore", invalid="ignore"):
        kappa = float(cohens_kappa(table, wt="linear", return_results=False))
    return kappa if np.isfinite(kappa) else None
