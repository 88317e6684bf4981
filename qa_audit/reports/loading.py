"""Fetch one term's samples, submitted audits, scores and moderations as plain records.

A handful of set-based queries per term (no query per audit), so a term of hundreds of audits
loads quickly.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, time, timedelta
from functools import lru_cache

from sqlalchemy import Select, func, select

from qa_audit.extensions import db
from qa_audit.matrix import Matrix, matrix_from_json
from qa_audit.models import (
    Audit,
    AuditScore,
    FollowUpAction,
    MatrixVersion,
    Moderation,
    Plan,
    Sample,
    User,
)
from qa_audit.reports.records import (
    ActionRecord,
    AuditRecord,
    ModerationRecord,
    PlanInfo,
    PlanResult,
    SampleInfo,
    TermAudits,
    VersionInfo,
)
from qa_audit.reports.results import combine_results
from qa_audit.terms import TermSpan, term_span
from qa_audit.visibility import plans_being_double_marked


def plan_results(term_id: str, sample_kind: str = "random") -> list[PlanResult]:
    """One result per plan in the term's headline (random) sample, or its targeted samples."""
    return combine_results(load_term(term_span(term_id)), sample_kind)


def term_bounds(term: TermSpan) -> tuple[datetime, datetime]:
    """The term as a half-open UTC datetime range."""
    start = datetime.combine(term.starts_on, time(), UTC)
    return start, datetime.combine(term.ends_on + timedelta(days=1), time(), UTC)


def load_term(term: TermSpan) -> TermAudits:
    samples = db.session.scalars(
        select(Sample).where(Sample.term_id == term.id).order_by(Sample.id)
    ).all()
    kinds = {s.id: s.kind for s in samples}
    submitted = db.session.scalars(_submitted().where(Audit.sample_id.in_(list(kinds)))).all()
    # A double-marked plan counts once both markings are in; until then neither is shown.
    pending = plans_being_double_marked(kinds)
    audits = [a for a in submitted if (a.sample_id, a.plan_id) not in pending]
    records = _audit_records(audits, kinds)
    plan_ids = {a.plan_id for a in records}
    return TermAudits(
        audits=tuple(records),
        plans=load_plans(plan_ids),
        moderations=_moderations([a.id for a in records]),
        versions=load_versions({a.matrix_version_id for a in records if a.matrix_version_id}),
        samples=tuple(SampleInfo(s.id, s.kind, s.method or {}, s.description) for s in samples),
        ad_hoc_count=_ad_hoc_count(term),
        awaiting_second_marking=len(
            {(a.sample_id, a.plan_id) for a in submitted} & pending  # one marking in so far
        ),
    )


def _submitted() -> Select:
    return select(Audit).where(Audit.status == "submitted").order_by(Audit.id)


def _audit_records(audits, sample_kinds: dict[int, str]) -> list[AuditRecord]:
    scores: dict[int, list[AuditScore]] = defaultdict(list)
    ids = [a.id for a in audits]
    if ids:
        for score in db.session.scalars(select(AuditScore).where(AuditScore.audit_id.in_(ids))):
            scores[score.audit_id].append(score)
    auditor_ids = {a.auditor_id for a in audits}
    auditors = {
        user.id: user.discipline_label
        for user in db.session.scalars(select(User).where(User.id.in_(auditor_ids)))
    }
    return [
        AuditRecord(
            id=a.id,
            plan_id=a.plan_id,
            auditor_id=a.auditor_id,
            matrix_version_id=a.matrix_version_id,
            auditor=auditors[a.auditor_id],
            sample_id=a.sample_id,
            sample_kind=sample_kinds.get(a.sample_id) if a.sample_id else None,
            document_id=a.document_id,
            overall_grade=a.overall_grade,
            meets_threshold=a.meets_threshold,
            grades={s.criterion_id: s.grade for s in scores[a.id]},
            evidence={s.criterion_id: s.evidence for s in scores[a.id] if s.evidence},
            confirmed_flags={
                s.criterion_id: tuple(s.confirmed_flags) for s in scores[a.id] if s.confirmed_flags
            },
            submitted_at=a.submitted_at,
        )
        for a in audits
    ]


def load_plans(plan_ids: set[int]) -> dict[int, PlanInfo]:
    if not plan_ids:
        return {}
    rows = db.session.execute(
        select(Plan.id, Plan.reference, Plan.kind, Plan.team, Plan.phase, Plan.primary_need).where(
            Plan.id.in_(plan_ids)
        )
    )
    return {row.id: PlanInfo(*row) for row in rows}


def _moderations(audit_ids: list[int]) -> tuple[ModerationRecord, ...]:
    if not audit_ids:
        return ()
    rows = db.session.scalars(select(Moderation).where(Moderation.first_audit_id.in_(audit_ids)))
    return tuple(
        ModerationRecord(m.first_audit_id, m.second_audit_id, m.final_grades or None) for m in rows
    )


def load_versions(version_ids: set[int]) -> dict[int, VersionInfo]:
    if not version_ids:
        return {}
    rows = db.session.scalars(select(MatrixVersion).where(MatrixVersion.id.in_(version_ids)))
    return {
        v.id: VersionInfo(v.id, v.title, v.source_name, v.content_hash, _parse(v.content))
        for v in rows
    }


def latest_version() -> VersionInfo | None:
    """The most recently stored matrix version, for targets when a term has no audits."""
    newest = db.session.scalar(select(func.max(MatrixVersion.id)))
    return load_versions({newest}).get(newest) if newest else None


@lru_cache(maxsize=32)
def _parse(content: str) -> Matrix:
    return matrix_from_json(content)


def _ad_hoc_count(term: TermSpan) -> int:
    start, end = term_bounds(term)
    query = select(func.count(Audit.id)).where(
        Audit.status == "submitted",
        Audit.sample_id.is_(None),
        Audit.submitted_at >= start,
        Audit.submitted_at < end,
    )
    return db.session.scalar(query) or 0


def load_actions(term: TermSpan) -> list[ActionRecord]:
    """Follow-up actions opened before the term ended and not closed before it began."""
    start, end = term_bounds(term)
    rows = db.session.scalars(
        select(FollowUpAction).where(
            FollowUpAction.created_at < end,
            (FollowUpAction.closed_at.is_(None)) | (FollowUpAction.closed_at >= start),
        )
    )
    return [
        ActionRecord(
            kind=a.kind,
            created_on=a.created_at.date(),
            due_on=a.due_on,
            closed_on=a.closed_at.date() if a.closed_at else None,
        )
        for a in rows
    ]
