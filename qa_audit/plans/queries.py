"""Which plans a user may see: the object-level half of the permission rules."""

from __future__ import annotations

from flask import abort
from sqlalchemy import Select, exists, false, select

from qa_audit.access_log import refuse
from qa_audit.extensions import db
from qa_audit.models import Audit, Plan, User


def visible_plans(user: User) -> Select:
    """QA leads see every plan; SEN managers their team's (all when they have no team);
    auditors only plans they are assigned to audit."""
    query = select(Plan)
    if user.role == "qa_lead":
        return query
    if user.role == "sen_manager":
        return query.where(Plan.team == user.team) if user.team else query
    if user.role == "auditor":
        assigned = exists().where(Audit.plan_id == Plan.id, Audit.auditor_id == user.id)
        return query.where(assigned)
    return query.where(false())


def get_visible_plan(user: User, plan_id: int) -> Plan:
    """The plan, or 404 when it does not exist or the user may not see it (no existence leak)."""
    plan = db.session.scalar(visible_plans(user).where(Plan.id == plan_id))
    if plan is None and db.session.get(Plan, plan_id) is not None:
        refuse()
    if plan is None:
        abort(404)
    return plan
