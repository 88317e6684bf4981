"""Which audits a user may see or change: the object-level half of the permission rules."""

from __future__ import annotations

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from qa_audit.access_recorder import refuse
from qa_audit.audits.double_marking import partner_audit
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


def get_visible_audit(user: User, audit_id: int) -> Audit:
    """The audit when the user is its auditor or a QA lead; otherwise 404 (no existence leak).

    A QA lead who is also the second marker of the same plan cannot open the other auditor's
    audit until both are submitted, so double-marking stays independent.
    """
    audit = db.session.scalar(
        select(Audit).options(joinedload(Audit.scores)).where(Audit.id == audit_id)
    )
    if audit is None:
        abort(404)
    if not (audit.auditor_id == user.id or user.role == "qa_lead"):
        refuse()
    if audit.auditor_id != user.id and _marks_the_same_plan(user, audit):
        refuse()
    return audit


def _marks_the_same_plan(user: User, audit: Audit) -> bool:
    partner = partner_audit(audit)
    return (
        partner is not None
        and partner.auditor_id == user.id
        and not (partner.status == audit.status == "submitted")
    )


def may_score(user: User, audit: Audit) -> bool:
    """Only the assigned auditor scores, and only until the audit is submitted."""
    return audit.auditor_id == user.id and audit.status != "submitted"
