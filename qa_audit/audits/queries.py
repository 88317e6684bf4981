"""A user's own audits, and whether they may change one (who may see an audit is
:func:`qa_audit.visibility.get_visible_audit`)."""

from __future__ import annotations

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import Audit, Plan, User

STATUS_LABELS = {"assigned": "Not started", "draft": "Draft", "submitted": "Submitted"}


def assigned_audits(user: User) -> list[tuple[Audit, Plan]]:
    """The user's own audits with their plans: those still to do first, then the submitted
    ones; each group earliest due first (undated last)."""
    query = (
        select(Audit, Plan)
        .join(Plan, Plan.id == Audit.plan_id)
        .where(Audit.auditor_id == user.id)
        .order_by(Audit.status == "submitted", Audit.due_on.is_(None), Audit.due_on, Audit.id)
    )
    return [(audit, plan) for audit, plan in db.session.execute(query).all()]


def may_score(user: User, audit: Audit) -> bool:
    """Only the assigned auditor scores, and only until the audit is submitted."""
    return audit.auditor_id == user.id and audit.status != "submitted"
