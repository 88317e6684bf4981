"""One-time links with which a person sets their own password: a new account, or a reset.

The administrator who creates or resets an account never chooses or sees its password: they
pass on a link. The token is random (256 bits), kept only as its SHA-256, works once and
expires after ``PASSWORD_LINK_HOURS``; a newer link for the same account cancels older ones.
Operations flush, never commit.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flask import current_app
from sqlalchemy import select, update

from qa_audit.auth.accounts import set_password
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import PasswordLink, User
from qa_audit.models._base import as_utc, utcnow

LINK_NOT_USABLE = (
    "This link has expired or has already been used. Ask your administrator for a new one."
)


def token_digest(token: str) -> str:
    """What is kept of a link's token: its SHA-256, so a copy of the database opens no link."""
    return hashlib.sha256(token.encode()).hexdigest()


def issue_link(user: User, by: User | None) -> str:
    """A new link's token for ``user`` (shown once, never stored); older links stop working."""
    now = utcnow()
    db.session.execute(
        update(PasswordLink)
        .where(PasswordLink.user_id == user.id, PasswordLink.used_at.is_(None))
        .values(used_at=now)
    )
    token = secrets.token_urlsafe(32)
    hours = current_app.config["PASSWORD_LINK_HOURS"]
    db.session.add(
        PasswordLink(
            user_id=user.id,
            token_hash=token_digest(token),
            created_by_id=by.id if by else None,
            created_at=now,
            expires_at=now + timedelta(hours=hours),
        )
    )
    db.session.flush()
    return token


def usable_link(token: str) -> PasswordLink | None:
    """The link, while it is unused, unexpired and its account active; else None."""
    link = db.session.scalar(
        select(PasswordLink).where(PasswordLink.token_hash == token_digest(token))
    )
    if link is None or link.used_at is not None or as_utc(link.expires_at) <= utcnow():
        return None
    user = db.session.get(User, link.user_id)
    return link if user is not None and user.active else None


def use_link(token: str, password: str) -> User:
    """Set the account's password through its link, which then stops working. Every session of
    the account ends. Raises :class:`QaAuditError` with a plain message."""
    link = usable_link(token)
    if link is None:
        raise QaAuditError(LINK_NOT_USABLE)
    user = db.session.get_one(User, link.user_id)
    set_password(user, password)
    link.used_at = utcnow()
    db.session.flush()
    return user
