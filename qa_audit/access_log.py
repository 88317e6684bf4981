"""Record who viewed which plan or document, who signed in or failed to, and who was refused.
Ids only: never a child's name, never a typed e-mail address or password."""

from typing import NoReturn

from flask import abort, current_app, request
from flask_login import current_user

from qa_audit.extensions import db
from qa_audit.models import AccessLog


def record_access(action: str, object_type: str, object_id: int | None) -> None:
    """Add an entry for the signed-in user, if any; the caller commits it."""
    user_id = current_user.id if current_user.is_authenticated else None
    db.session.add(
        AccessLog(
            user_id=user_id,
            action=action,
            object_type=object_type,
            object_id=object_id,
            ip=request.remote_addr,
        )
    )
    current_app.logger.info(
        "access user=%s action=%s %s=%s", user_id, action, object_type, object_id
    )


def requested_object() -> tuple[str, int | None]:
    """What the refused request asked for: its first ``*_id`` in the URL (``plan``, 12), else
    the part of the service (``admin``, None)."""
    for name, value in (request.view_args or {}).items():
        if name.endswith("_id") and isinstance(value, int):
            return name.removesuffix("_id"), value
    return (request.blueprint or "page"), None


def record_refusal(action: str) -> None:
    """Log a request the service turned down (``refused``, ``rate_limited``) with what it asked
    for, and commit it alone: anything the request had changed is discarded first."""
    db.session.rollback()
    record_access(action, *requested_object())
    db.session.commit()


def refuse(status: int = 404) -> NoReturn:
    """Log a refused access-control decision, then answer ``status``: 404 where saying
    "forbidden" would tell the person the object exists; 403 where their role does not include
    the page."""
    record_refusal("refused")
    abort(status)
