"""The term's moderation agreement, from the report's records, with the moderation page's
figures (:mod:`qa_audit.moderation.figures`).

Pairs: every plan with two or more submitted audits in one of the term's samples (random or
targeted); the moderated pair when there is one, else the first two in assignment order.
"""

from __future__ import annotations

from collections import defaultdict

from qa_audit.matrix.evaluate import evaluate
from qa_audit.moderation.figures import AgreementTable, GradedPair, agreement_tables
from qa_audit.reports.records import AuditRecord, TermAudits
from qa_audit.reports.results import marking


def rating_pairs(data: TermAudits) -> list[tuple[AuditRecord, AuditRecord]]:
    by_plan: dict[tuple[int, int], list[AuditRecord]] = defaultdict(list)
    for audit in data.audits:
        if audit.sample_id is not None and audit.matrix_version_id in data.versions:
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
            first, second = sorted(audits, key=lambda a: a.id)[:2]
            pair = (first, second)
        pairs.append(pair)
    return pairs


def term_agreement(data: TermAudits) -> list[AgreementTable]:
    """One agreement table per matrix version used by the term's double-marked plans."""
    graded = [
        GradedPair(
            first.matrix_version_id,
            marking(first),
            marking(second),
            _meets_threshold(first, data),
            _meets_threshold(second, data),
        )
        for first, second in rating_pairs(data)
    ]
    return agreement_tables(graded, lambda version_id: data.versions[version_id].matrix)


def _meets_threshold(audit: AuditRecord, data: TermAudits) -> bool | None:
    """The audit's threshold decision by its matrix's rule, as every other figure judges it,
    not as stored when it was submitted."""
    matrix = data.versions[audit.matrix_version_id].matrix
    kind = data.plans[audit.plan_id].kind
    return evaluate(matrix, dict(audit.grades), audit.overall_grade, kind).meets_threshold
