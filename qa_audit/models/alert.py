"""Alerts on unusual activity, raised by the rules over the access log (``qa_audit.alerts``).

An alert names a rule and the account concerned, never a plan or a child: what happened is in
the access log, which the alert page links to."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from qa_audit.extensions import db
from qa_audit.models._base import created_at_column


class Alert(db.Model):
    __tablename__ = "alerts"
    __table_args__ = (Index("ix_alerts_rule_user_id", "rule", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rule: Mapped[str] = mapped_column(String(40))
    # The person who did it, or the account someone tried to sign in to; none for the service.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # The first and last access-log entries of the burst; later entries close enough extend it.
    first_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    count: Mapped[int]
    summary: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = created_at_column()
    emailed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
