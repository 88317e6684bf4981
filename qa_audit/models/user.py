"""Accounts and their roles."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import BigInteger, DateTime, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from qa_audit.extensions import db
from qa_audit.models._base import created_at_column

ROLES = ("admin", "qa_lead", "auditor", "sen_manager")
ROLE_LABELS = {
    "admin": "Administrator",
    "qa_lead": "QA lead",
    "auditor": "Auditor",
    "sen_manager": "SEN manager",
}
AGENCIES = ("education", "health", "social_care")
AGENCY_LABELS = {"education": "Education", "health": "Health", "social_care": "Social care"}


class User(UserMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("oidc_issuer", "oidc_subject"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    team: Mapped[str | None] = mapped_column(String(80))
    agency: Mapped[str | None] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    session_token: Mapped[str] = mapped_column(String(64))
    # Set by an administrator: until the person chooses a new password, the page to change it
    # is the only one they can reach.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Two-factor sign-in: the authenticator app's shared secret (base32) once enrolled, and the
    # last 30-second time step whose code was accepted, so no code works twice.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)
    # While it is being set up: the new secret shown on the set-up page, kept here rather than
    # in the session cookie (signed, not encrypted), until a code from it turns it on.
    totp_pending_secret: Mapped[str | None] = mapped_column(String(64))
    # Single sign-on: the provider's issuer and subject (its own id for the person) the account
    # was first signed in with; from then on only that identity signs it in.
    oidc_issuer: Mapped[str | None] = mapped_column(String(255))
    oidc_subject: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = created_at_column()
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.active

    def get_id(self) -> str:
        # Changing the token (password change, deactivation) signs out every session.
        return f"{self.id}:{self.session_token}"

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]

    @property
    def discipline_label(self) -> str:
        """How reports name an auditor without naming them, e.g. "Health auditor"."""
        if self.role == "auditor" and self.agency:
            return f"{AGENCY_LABELS[self.agency]} auditor"
        return self.role_label
