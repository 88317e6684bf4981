"""One result per audited plan: the rule every figure in the report rests on.

Which grades count is settled by :func:`qa_audit.moderation.settle.settle`, the rule the
moderation pages and follow-up actions use too. Here it is applied to plain records, and a
disagreement not yet moderated is counted provisionally with the first auditor's grades
(``awaiting_moderation``, counted in the methodology).

Each result is evaluated again from its grades with its matrix version, so an overall grade
better than the matrix's rule allows (stored before the rule existed) counts as the best grade
the rule allows, never as given; ``overall_above_rule`` keeps the grade given, for marking.

Measures that do not apply to the plan's kind (``applies_to`` in the matrix) are set to None,
so a plan never counts towards a measure it is not part of.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from qa_audit.audits.double_marking import OVERALL
from qa_audit.matrix import Matrix, evaluate
from qa_audit.moderation.settle import settle
from qa_audit.reports.records import (
    AuditRecord,
    Basis,
    ModerationRecord,
    PlanInfo,
    PlanResult,
    TermAudits,
)


def combine_results(data: TermAudits, sample_kind: str = "random") -> list[PlanResult]:
    """One :class:`PlanResult` per plan audited in the term's samples of ``sample_kind``.

    A plan in a review sample counts as the kind of its population ("amended" or
    "phase_transfer"), whatever kind the tool records for it: the extract says what happened to
    it in the term."""
    populations = {s.id: str(s.method["draws_from"]) for s in data.samples if s.kind == "review"}
    by_plan: dict[int, list[AuditRecord]] = defaultdict(list)
    for audit in data.audits:
        if audit.sample_kind == sample_kind and audit.matrix_version_id in data.versions:
            by_plan[audit.plan_id].append(audit)
    results = []
    for plan_id, audits in by_plan.items():
        audits.sort(key=lambda a: a.id)  # assignment order: the first auditor first
        plan = data.plans[plan_id]
        if audits[0].sample_id in populations:
            plan = replace(plan, kind=populations[audits[0].sample_id])
        version_id = audits[0].matrix_version_id
        assert version_id is not None  # filtered above
        matrix = data.versions[version_id].matrix
        results.append(_plan_result(plan, matrix, version_id, audits, data.moderations))
    results.sort(key=lambda r: r.plan.reference)
    return results


def _plan_result(
    plan: PlanInfo,
    matrix: Matrix,
    version_id: int,
    audits: list[AuditRecord],
    moderations: Iterable[ModerationRecord],
) -> PlanResult:
    moderation = _moderation_for(audits, moderations)
    by_id = {a.id: a for a in audits}
    if moderation:
        pair = [by_id[moderation.first_audit_id], by_id[moderation.second_audit_id]]
    else:
        pair = audits[:2]
    settled = settle([marking(a) for a in pair], moderation.final_grades if moderation else None)
    if settled.source == "moderated":
        return _from_moderation(plan, matrix, version_id, pair[0], audits, settled.grades)
    return _from_audit(plan, matrix, version_id, pair[0], audits, settled.source)


def marking(audit: AuditRecord) -> dict[str, str | None]:
    """The audit's grades in the shape :func:`settle` takes: criteria and ``"overall"``."""
    return {**audit.grades, OVERALL: audit.overall_grade}


def _moderation_for(
    audits: list[AuditRecord], moderations: Iterable[ModerationRecord]
) -> ModerationRecord | None:
    ids = {a.id for a in audits}
    for moderation in moderations:
        if moderation.first_audit_id in ids and moderation.second_audit_id in ids:
            return moderation
    return None


def _from_audit(
    plan: PlanInfo,
    matrix: Matrix,
    version_id: int,
    audit: AuditRecord,
    audits: list[AuditRecord],
    basis: Basis,
) -> PlanResult:
    evaluation = evaluate(matrix, dict(audit.grades), audit.overall_grade, plan.kind)
    return PlanResult(
        plan=plan,
        version_id=version_id,
        basis=basis,
        audit_ids=tuple(a.id for a in audits),
        auditors=tuple(a.auditor for a in audits),
        grades=dict(audit.grades),
        overall_grade=evaluation.grade,
        meets_threshold=evaluation.meets_threshold,
        measures=applicable_measures(matrix, evaluation.measures, plan.kind),
        evidence=dict(audit.evidence),
        confirmed_flags=dict(audit.confirmed_flags),
        document_id=audit.document_id,
        overall_above_rule=evaluation.overall_above_rule,
    )


def _from_moderation(
    plan: PlanInfo,
    matrix: Matrix,
    version_id: int,
    first: AuditRecord,
    audits: list[AuditRecord],
    final_grades: Mapping[str, str | None],
) -> PlanResult:
    grades = {k: v for k, v in final_grades.items() if k != OVERALL}
    overall = final_grades.get(OVERALL)
    evaluation = evaluate(matrix, grades, overall, plan.kind)
    return PlanResult(
        plan=plan,
        version_id=version_id,
        basis="moderated",
        audit_ids=tuple(a.id for a in audits),
        auditors=tuple(a.auditor for a in audits),
        grades=grades,
        overall_grade=evaluation.grade,
        meets_threshold=evaluation.meets_threshold,
        measures=applicable_measures(matrix, evaluation.measures, plan.kind),
        evidence=dict(first.evidence),
        confirmed_flags=dict(first.confirmed_flags),
        document_id=first.document_id,
        overall_above_rule=evaluation.overall_above_rule,
    )


def applicable_measures(
    matrix: Matrix, measures: Mapping[str, bool | None], plan_kind: str
) -> dict[str, bool | None]:
    """The matrix's measures for this plan, None where the measure does not apply to its kind."""
    return {
        m.id: measures.get(m.id) if plan_kind in m.applies_to else None for m in matrix.measures
    }
