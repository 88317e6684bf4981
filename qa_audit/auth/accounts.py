"""Account operations used by the views and the CLI. They flush, never commit."""

from __future__ import annotations

import secrets

from sqlalchemy import func, select

from qa_audit.auth.passwords import hash_password, needs_rehash, password_problem, verify_password
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import User
from qa_audit.models._base import utcnow
from qa_audit.models.user import AGENCIES, ROLES

# Verifying against a real hash when the email is unknown keeps response times alike.
_DUMMY_HASH = hash_password(secrets.token_hex(16))


def find_user(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def authenticate(email: str, password: str) -> User | None:
    user = find_user(email)
    if user is None:
        verify_password(_DUMMY_HASH, password)
        return None
    if not verify_password(user.password_hash, password) or not user.active:
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    db.session.flush()
    return user


def create_user(
    *,
    email: str,
    name: str,
    role: str,
    password: str | None,
    team: str | None = None,
    agency: str | None = None,
) -> User:
    """A new account. Without a password (an administrator creating it), no password works
    until the person sets one through a link (:mod:`qa_audit.auth.password_links`)."""
    if role not in ROLES:
        raise QaAuditError(f"Role must be one of: {', '.join(ROLES)}")
    if agency and agency not in AGENCIES:
        raise QaAuditError(f"Agency must be one of: {', '.join(AGENCIES)}")
    if password is not None and (problem := password_problem(password)):
        raise QaAuditError(problem)
    if find_user(email) is not None:
        raise QaAuditError(f"There is already an account for {email.strip().lower()}")
    user = User(
        email=email.strip().lower(),
        name=name.strip(),
        role=role,
        team=team or None,
        agency=agency or None,
        password_hash=hash_password(password) if password is not None else unusable_hash(),
        session_token=secrets.token_hex(16),
    )
    db.session.add(user)
    db.session.flush()
    return user


def unusable_hash() -> str:
    """A hash of a random secret nobody keeps: no password signs in with it."""
    return hash_password(secrets.token_urlsafe(32))


def reset_password(user: User) -> None:
    """The current password stops working and every session ends; a set-password link follows."""
    user.password_hash = unusable_hash()
    end_sessions(user)


def end_sessions(user: User) -> None:
    """Sign the user out everywhere: every session cookie issued so far, and any copy of one,
    carries the old token and stops working."""
    user.session_token = secrets.token_hex(16)
    db.session.flush()


def set_password(user: User, password: str) -> None:
    if problem := password_problem(password):
        raise QaAuditError(problem)
    user.password_hash = hash_password(password)
    user.must_change_password = False
    end_sessions(user)


CURRENT_NOT_RIGHT = "Your current password is not right"
NOT_CHANGED = "Your new password must be different from your current one"


def change_password(user: User, current: str, new: str) -> None:
    """The person's own change, giving their current password. Every session of the account
    ends (the caller signs the current one in again). Raises :class:`QaAuditError`."""
    if not verify_password(user.password_hash, current):
        raise QaAuditError(CURRENT_NOT_RIGHT)
    if secrets.compare_digest(current.encode(), new.encode()):
        raise QaAuditError(NOT_CHANGED)
    set_password(user, new)


def require_password_change(user: User) -> None:
    """At their next sign-in the person must choose a new password before anything else; any
    session open now ends."""
    user.must_change_password = True
    end_sessions(user)


def update_user(
    user: User, *, name: str, role: str, team: str | None, agency: str | None, active: bool
) -> None:
    if role not in ROLES:
        raise QaAuditError(f"Role must be one of: {', '.join(ROLES)}")
    if (user.active and not active) or user.role != role:
        end_sessions(user)
    user.name, user.role, user.team, user.agency, user.active = (
        name.strip(),
        role,
        team or None,
        agency or None,
        active,
    )
    db.session.flush()


def load_user(user_id: str) -> User | None:
    """Flask-Login loader: ``<id>:<session token>``; a stale token means signed out."""
    raw_id, _, token = user_id.partition(":")
    if not raw_id.isdigit():
        return None
    user = db.session.get(User, int(raw_id))
    if user is None or not secrets.compare_digest(user.session_token, token):
        return None
    return user
