"""Lists of advice audits for the pages."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from qa_audit.extensions import db
from qa_audit.models import AdviceAudit, AdviceSample, PlanAdvice, User


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
