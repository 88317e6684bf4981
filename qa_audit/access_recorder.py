"""Record who viewed or changed which plan, audit or document, who signed in or failed to, who
changed which account, and who was refused.

Ids, and the pseudonymous reference of the plan concerned: never a child's name, never a typed
e-mail address or password."""

from datetime import timedelta
from typing import NoReturn

from flask import abort, current_app, has_request_context, request
from flask_login import current_user
from sqlalchemy import exists

from qa_audit.extensions import db
from qa_audit.models import AccessLog, AdviceAudit, Audit, Plan, PlanDocument
from qa_audit.models._base import utcnow
from qa_audit.unit_of_work import add_at_commit, unit_of_work

PLAN_OF = {  # objects that name a plan
    "plan": Plan,
    "audit": Audit,
    "document": PlanDocument,
    "advice_audit": AdviceAudit,
}


def plan_reference(object_type: str, object_id: int | None) -> str | None:
    """The reference of the plan an entry is about (a plan, an audit of it, a document of it,
    an audit of its advice)."""
    model = PLAN_OF.get(object_type)
    found = db.session.get(model, object_id) if model and object_id is not None else None
    if found is None:
        return None
    plan = found if isinstance(found, Plan) else db.session.get(Plan, found.plan_id)
    return plan.reference if plan else None


def record_access(
    action: str, object_type: str, object_id: int | None, detail: str | None = None
) -> None:
    """Add an entry for the signed-in user, if any (none for a command run on the server), to
    the open unit of work (:mod:`qa_audit.unit_of_work`): it is committed with the change it
    records, or not at all."""
    in_request = has_request_context()
    user_id = current_user.id if in_request and current_user.is_authenticated else None
    add_at_commit(
        AccessLog(
            at=utcnow(),  # when it happened, not when the request ends
            user_id=user_id,
            action=action,
            object_type=object_type,
            object_id=object_id,
            plan_reference=plan_reference(object_type, object_id),
            detail=detail,
            ip=request.remote_addr if in_request else None,
        )
    )
    current_app.logger.info(
        "access user=%s action=%s %s=%s", user_id, action, object_type, object_id
    )


def record_access_now_and_then(
    action: str, object_type: str, object_id: int, every: timedelta
) -> None:
    """Like :func:`record_access`, unless the signed-in user has such an entry for the object
    from the last ``every``: for frequent automatic actions such as saving a draft as one types."""
    recent = exists().where(
        AccessLog.user_id == current_user.id,
        AccessLog.action == action,
        AccessLog.object_type == object_type,
        AccessLog.object_id == object_id,
        AccessLog.at >= utcnow() - every,
    )
    if not db.session.scalar(recent.select()):
        record_access(action, object_type, object_id)


def requested_object() -> tuple[str, int | None]:
    """What the refused request asked for: its first ``*_id`` in the URL (``plan``, 12), else
    the part of the service (``admin``, None)."""
    for name, value in (request.view_args or {}).items():
        if name.endswith("_id") and isinstance(value, int):
            return name.removesuffix("_id"), value
    return (request.blueprint or "page"), None


def record_refusal(action: str) -> None:
    """Log a request the service turned down (``refused``, ``rate_limited``) with what it asked
    for, in a unit of work of its own: anything the request had changed is discarded first."""
    db.session.rollback()
    with unit_of_work():
        record_access(action, *requested_object())


def refuse(status: int = 404) -> NoReturn:
    """Log a refused access-control decision, then answer ``status``: 404 where saying
    "forbidden" would tell the person the object exists; 403 where their role does not include
    the page."""
    record_refusal("refused")
    abort(status)
