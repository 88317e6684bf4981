"""Lists of advice audits for the pages, and the homes' summaries of them (one query each,
however many audits there are)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from qa_audit.extensions import db
from qa_audit.models import AdviceAudit, AdviceSample, Plan, PlanAdvice, User
from qa_audit.terms import TermSpan, term_span


@dataclass(frozen=True)
class AdviceToDo:
    """An advice audit still to finish, as an auditor's home lists it."""

    audit_id: int
    status: str  # "assigned" (not started) or "draft"
    source: str
    plan_reference: str
    term: TermSpan


@dataclass(frozen=True)
class SourceProgress:
    source: str
    submitted: int
    total: int


@dataclass(frozen=True)
class AdviceSampleProgress:
    """How far the audits of a term's advice sample have got, by source."""

    drawn: bool
    sources: list[SourceProgress]

    @property
    def total(self) -> int:
        return sum(s.total for s in self.sources)

    @property
    def submitted(self) -> int:
        return sum(s.submitted for s in self.sources)


def assigned_advice_audits(user: User) -> list[AdviceAudit]:
    """The user's advice audits, unfinished first, then by source."""
    query = (
        select(AdviceAudit)
        .options(joinedload(AdviceAudit.advice).joinedload(PlanAdvice.plan))
        .join(PlanAdvice, PlanAdvice.id == AdviceAudit.advice_id)
        .where(AdviceAudit.auditor_id == user.id)
        .order_by(AdviceAudit.status == "submitted", PlanAdvice.source, AdviceAudit.id)
    )
    return list(db.session.scalars(query))


def sample_audits(sample: AdviceSample) -> list[AdviceAudit]:
    """The sample's audits by source, for the QA lead's progress table."""
    query = (
        select(AdviceAudit)
        .options(joinedload(AdviceAudit.advice).joinedload(PlanAdvice.plan))
        .join(PlanAdvice, PlanAdvice.id == AdviceAudit.advice_id)
        .where(AdviceAudit.sample_id == sample.id)
        .order_by(PlanAdvice.source, AdviceAudit.id)
    )
    return list(db.session.scalars(query))


def advice_to_do(user: User) -> list[AdviceToDo]:
    """The user's advice audits not yet submitted: drafts first, then the oldest sample's,
    by source."""
    rows = db.session.execute(
        select(
            AdviceAudit.id,
            AdviceAudit.status,
            PlanAdvice.source,
            Plan.reference,
            AdviceSample.term_id,
        )
        .join(PlanAdvice, PlanAdvice.id == AdviceAudit.advice_id)
        .join(Plan, Plan.id == PlanAdvice.plan_id)
        .join(AdviceSample, AdviceSample.id == AdviceAudit.sample_id)
        .where(AdviceAudit.auditor_id == user.id, AdviceAudit.status != "submitted")
        .order_by(AdviceAudit.status != "draft", AdviceSample.id, PlanAdvice.source, AdviceAudit.id)
    ).all()
    return [
        AdviceToDo(
            audit_id=row.id,
            status=row.status,
            source=row.source,
            plan_reference=row.reference,
            term=term_span(row.term_id),
        )
        for row in rows
    ]


def advice_sample_progress(term_id: str) -> AdviceSampleProgress:
    """Submitted of drawn, per source, for the term's advice sample (``drawn`` is false when
    the term has none)."""
    rows = db.session.execute(
        select(
            PlanAdvice.source,
            func.count(AdviceAudit.id),
            func.count(AdviceAudit.id).filter(AdviceAudit.status == "submitted"),
        )
        .select_from(AdviceSample)
        .outerjoin(AdviceAudit, AdviceAudit.sample_id == AdviceSample.id)
        .outerjoin(PlanAdvice, PlanAdvice.id == AdviceAudit.advice_id)
        .where(AdviceSample.term_id == term_id)
        .group_by(PlanAdvice.source)
        .order_by(PlanAdvice.source)
    ).all()
    return AdviceSampleProgress(
        drawn=bool(rows),
        sources=[
            SourceProgress(source, submitted, total) for source, total, submitted in rows if source
        ],
    )
