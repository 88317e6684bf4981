"""Follow-up actions for plans below the quality threshold: amend, re-audit or training.

An action hangs on the audit the final result came from (the first audit of a moderated or
agreed pair). Operations only flush; the caller commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select

from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import Audit, FollowUpAction, Plan, Sample, SampleMember, User
from qa_audit.moderation.operations import FinalResult, final_result

ACTION_KINDS = {"amend": "Amend the plan", "re_audit": "Re-audit", "training": "Training"}


@dataclass(frozen=True)
class BelowThreshold:
    """A sampled plan whose final result does not meet the threshold, without an action yet."""

    plan: Plan
    result: FinalResult
    audit_id: int


def below_threshold_without_action(term_id: str) -> list[BelowThreshold]:
    members = db.session.scalars(
        select(SampleMember).join(Sample).where(Sample.term_id == term_id).order_by(Sample.id)
    )
    acted = set(db.session.scalars(select(FollowUpAction.audit_id)))
    found = []
    for member in members:
        result = final_result(member)
        if result is None or result.evaluation.meets_threshold is not False:
            continue
        if acted.isdisjoint(result.audit_ids):
            plan = db.session.get(Plan, member.plan_id)
            found.append(BelowThreshold(plan, result, result.audit_ids[0]))
    return found


def create_follow_up(
    audit: Audit, kind: str, owner: User | None, due_on: date | None, note: str | None
) -> FollowUpAction:
    if kind not in ACTION_KINDS:
        raise QaAuditError("Choose amend, re-audit or training.")
    if audit.status != "submitted":
        raise QaAuditError("A follow-up action needs a submitted audit.")
    action = FollowUpAction(
        audit_id=audit.id,
        kind=kind,
        owner_id=owner.id if owner else None,
        due_on=due_on,
        note=(note or "").strip() or None,
    )
    db.session.add(action)
    db.session.flush()
    return action


def close_follow_up(action: FollowUpAction, note: str) -> None:
    """Close an open action; the closing note is kept after the opening one."""
    if action.status != "open":
        raise QaAuditError("This action is already closed.")
    if not (note or "").strip():
        raise QaAuditError("Say what was done to close the action.")
    closing = f"Closed: {note.strip()}"
    action.note = f"{action.note}\n{closing}" if action.note else closing
    action.status = "closed"
    action.closed_at = datetime.now(UTC)
    db.session.flush()


def open_follow_ups(owner: User | None = None) -> list[tuple[FollowUpAction, Plan]]:
    """Open actions with their plan, soonest due first (no due date last); only ``owner``'s
    when given."""
    query = (
        select(FollowUpAction, Plan)
        .join(Audit, FollowUpAction.audit_id == Audit.id)
        .join(Plan, Audit.plan_id == Plan.id)
        .where(FollowUpAction.status == "open")
        .order_by(FollowUpAction.due_on.is_(None), FollowUpAction.due_on, FollowUpAction.id)
    )
    if owner is not None:
        query = query.where(FollowUpAction.owner_id == owner.id)
    return [(action, plan) for action, plan in db.session.execute(query)]


def may_close(user: User, action: FollowUpAction) -> bool:
    """QA leads close any action; everyone else only the actions they own."""
    return user.role == "qa_lead" or action.owner_id == user.id


def is_overdue(action: FollowUpAction, today: date) -> bool:
    return action.status == "open" and action.due_on is not None and action.due_on < today
