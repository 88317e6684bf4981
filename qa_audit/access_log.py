"""Record who viewed which plan or document. Ids only: never a child's name."""

from flask import current_app, request
from flask_login import current_user

from qa_audit.extensions import db
from qa_audit.models import AccessLog


def record_access(action: str, object_type: str, object_id: int | None) -> None:
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
