"""The record of backups, so an administrator's home can say when the last one was made."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import BackupRecord
from qa_audit.models._base import utcnow
from qa_audit.unit_of_work import unit_of_work


def record_backup(
    location: Path, size_bytes: int | None, *, problem: str | None = None
) -> BackupRecord:
    """Record a backup made now (failed when ``problem`` says why), in a unit of its own."""
    with unit_of_work():
        record = BackupRecord(
            at=utcnow(),
            location=str(location)[:500],
            size_bytes=size_bytes,
            succeeded=problem is None,
            problem=problem[:300] if problem else None,
        )
        db.session.add(record)
    return record


def last_backup() -> BackupRecord | None:
    """The latest backup recorded, whether it worked or not."""
    query = select(BackupRecord).order_by(BackupRecord.at.desc(), BackupRecord.id.desc())
    return db.session.scalar(query.limit(1))


def last_successful_backup() -> BackupRecord | None:
    query = select(BackupRecord).where(BackupRecord.succeeded.is_(True))
    return db.session.scalar(query.order_by(BackupRecord.at.desc()).limit(1))
