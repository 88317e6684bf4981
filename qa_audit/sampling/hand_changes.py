"""Hand changes to a drawn sample: add a plan, or swap one out, always with a reason.

Added plans are marked ``SampleMember.added_by_hand`` with the reason; swapped-out plans are
recorded in ``Sample.method["swaps"]`` (plan ids, reason, who and when), so the draw can still
be explained. Each change is logged with ids only.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy import select

from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import Audit, Plan, Sample, SampleMember, User

log = logging.getLogger(__name__)


def _plan_by_reference(reference: str) -> Plan:
    plan = db.session.scalar(select(Plan).where(Plan.reference == reference.strip()))
    if plan is None:
        raise QaAuditError(f"There is no plan with the reference {reference.strip()}.")
    return plan


def _member(sample: Sample, plan_id: int) -> SampleMember | None:
    return next((m for m in sample.members if m.plan_id == plan_id), None)


def _need_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise QaAuditError("Give a reason for changing the sample by hand.")
    return reason


def add_by_hand(sample: Sample, reference: str, reason: str, user: User | None) -> SampleMember:
    reason = _need_reason(reason)
    plan = _plan_by_reference(reference)
    if _member(sample, plan.id) is not None:
        raise QaAuditError(f"{plan.reference} is already in this sample.")
    member = SampleMember(sample=sample, plan_id=plan.id, added_by_hand=True, reason=reason)
    db.session.add(member)
    db.session.flush()
    log.info("sample %s: plan %s added by hand by user %s", sample.id, plan.id, _id(user))
    return member


def swap_plan(
    sample: Sample, out_plan_id: int, reference: str, reason: str, user: User | None
) -> SampleMember:
    """Replace one member with another plan. A plan whose audit has begun cannot be swapped;
    audits only assigned (not started) are withdrawn with it."""
    reason = _need_reason(reason)
    leaving = _member(sample, out_plan_id)
    if leaving is None:
        raise QaAuditError("The plan to swap out is not in this sample.")
    audits = db.session.scalars(
        select(Audit).where(Audit.sample_id == sample.id, Audit.plan_id == out_plan_id)
    ).all()
    if any(a.status != "assigned" for a in audits):
        raise QaAuditError("This plan's audit has already begun, so it cannot be swapped out.")
    member = add_by_hand(sample, reference, reason, user)
    for audit in audits:
        db.session.delete(audit)
    sample.members.remove(leaving)
    db.session.delete(leaving)
    swap = {
        "out": out_plan_id,
        "in": member.plan_id,
        "reason": reason,
        "by": _id(user),
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    sample.method = {**sample.method, "swaps": [*sample.method.get("swaps", []), swap]}
    db.session.flush()
    log.info("sample %s: plan %s swapped for %s", sample.id, out_plan_id, member.plan_id)
    return member


def _id(user: User | None) -> int | None:
    return user.id if user else None
