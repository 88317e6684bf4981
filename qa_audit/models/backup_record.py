"""Each backup the service was told of: made by ``qa-audit backup``, or by another tool
(``pg_dump``) and recorded with ``qa-audit record-backup``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from qa_audit.extensions import db
from qa_audit.models._base import utcnow


class BackupRecord(db.Model):
    __tablename__ = "backups"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    location: Mapped[str] = mapped_column(String(500))
    size_bytes: Mapped[int | None] = mapped_column(BigInteger)
    succeeded: Mapped[bool]
    problem: Mapped[str | None] = mapped_column(String(300))  # why it failed, in words
