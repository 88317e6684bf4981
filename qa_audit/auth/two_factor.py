"""Two-factor sign-in for local accounts: a time-based code from an authenticator app (TOTP,
RFC 6238, 30-second steps, 6 digits), or one of ten single-use recovery codes.

A code is accepted for the current step and the one either side (clock drift), and never
twice: the account keeps the last step accepted, moved forward by one conditional UPDATE so two
requests racing with the same code cannot both win. Recovery codes are shown once and kept only
as argon2id hashes. Operations flush, never commit.
"""

from __future__ import annotations

import secrets
import time

import pyotp
from flask import current_app
from sqlalchemy import delete, or_, select, update

from qa_audit.auth.passwords import hash_password, verify_password
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import RecoveryCode, User
from qa_audit.models._base import utcnow
from qa_audit.models.user import ROLES

ISSUER = "EHCP quality assurance"
STEP_SECONDS = 30
RECOVERY_CODES = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i


def check_required_roles(roles: frozenset[str]) -> None:
    """Refuse a misspelt ``MFA_REQUIRED_ROLES`` at start-up rather than quietly require nothing."""
    if unknown := sorted(set(roles) - set(ROLES)):
        raise QaAuditError(
            f"MFA_REQUIRED_ROLES names no such role: {', '.join(unknown)}. "
            f"Roles are: {', '.join(ROLES)}."
        )


def required_for(user: User) -> bool:
    """Whether this account must use two-factor sign-in (``MFA_REQUIRED_ROLES``)."""
    return user.role in current_app.config["MFA_REQUIRED_ROLES"]


def needs_enrolment(user: User) -> bool:
    return required_for(user) and user.totp_secret is None


def start_enrolment(user: User) -> str:
    """A new secret for the account's authenticator app, to show once on the set-up page. It
    waits on the account row, never in the session cookie, until a code from it turns
    two-factor sign-in on; starting again replaces it, so only the latest QR code works."""
    user.totp_pending_secret = pyotp.random_base32()  # 160 bits
    db.session.flush()
    return user.totp_pending_secret


def abandon_enrolment(user: User) -> None:
    """Forget a set-up left unfinished (on signing out)."""
    user.totp_pending_secret = None
    db.session.flush()


def provisioning_uri(secret: str, user: User) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def _normalise(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def matching_step(secret: str, code: str, now: float | None = None) -> int | None:
    """The time step (current, or one either side) whose code is ``code``, else None."""
    code = _normalise(code)
    if len(code) != 6 or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    step = int((time.time() if now is None else now) // STEP_SECONDS)
    for candidate in (step, step - 1, step + 1):
        if secrets.compare_digest(totp.at(candidate * STEP_SECONDS), code):
            return candidate
    return None


def accept_code(user: User, code: str, now: float | None = None) -> bool:
    """True when ``code`` is the account's code for a step not used before; the step is then
    used up. A replay of the same code (or an older one) is refused."""
    if user.totp_secret is None:
        return False
    step = matching_step(user.totp_secret, code, now)
    if step is None:
        return False
    moved = db.session.execute(
        update(User)
        .where(User.id == user.id, or_(User.totp_last_step.is_(None), User.totp_last_step < step))
        .values(totp_last_step=step)
        .execution_options(synchronize_session=False)
    )
    db.session.flush()
    if moved.rowcount != 1:
        return False
    user.totp_last_step = step
    return True


def accept_recovery_code(user: User, code: str) -> bool:
    """True when ``code`` is one of the account's unused recovery codes, which is then used up."""
    code = _normalise(code)
    if len(code) != 10:
        return False
    unused = db.session.scalars(
        select(RecoveryCode).where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
    )
    for stored in unused:
        if verify_password(stored.code_hash, code):
            used = db.session.execute(
                update(RecoveryCode)
                .where(RecoveryCode.id == stored.id, RecoveryCode.used_at.is_(None))
                .values(used_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            db.session.flush()
            return used.rowcount == 1
    return False


def _recovery_code() -> str:
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))  # about 50 bits
    return f"{raw[:5]}-{raw[5:]}"


def enrol(user: User, code: str, now: float | None = None) -> list[str] | None:
    """Turn two-factor sign-in on once the person has shown a code from the app they set up
    with the pending secret (:func:`start_enrolment`); returns the new recovery codes (to show
    once), or None when the code is not right or no set-up is under way."""
    secret = user.totp_pending_secret
    step = matching_step(secret, code, now) if secret else None
    if step is None:
        return None
    user.totp_secret = secret
    user.totp_last_step = step
    user.totp_pending_secret = None
    return replace_recovery_codes(user)


def replace_recovery_codes(user: User) -> list[str]:
    """New recovery codes for the account (to show once); the old ones stop working."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [_recovery_code() for _ in range(RECOVERY_CODES)]
    db.session.add_all(
        RecoveryCode(user_id=user.id, code_hash=hash_password(_normalise(c))) for c in codes
    )
    db.session.flush()
    return codes


def confirms_identity(user: User, answer: str) -> bool:
    """Whether ``answer`` is the account's password or a current code from its app (used up
    like one given at sign-in). A recovery code does not count: one found on paper must not
    yield the rest."""
    if user.totp_secret is not None and accept_code(user, answer):
        return True
    return bool(user.password_hash) and verify_password(user.password_hash, answer)


def remove(user: User) -> None:
    """Two-factor sign-in off for the account (an administrator, for a lost phone)."""
    user.totp_secret = None
    user.totp_last_step = None
    user.totp_pending_secret = None
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    db.session.flush()


def unused_recovery_codes(user: User) -> int:
    return len(
        db.session.scalars(
            select(RecoveryCode.id).where(
                RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)
            )
        ).all()
    )
