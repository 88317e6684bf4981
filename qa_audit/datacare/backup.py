"""Backups of the embedded SQLite database (online: the app may keep running) and restores.

PostgreSQL is backed up with its own tools (README: ``pg_dump --format=custom``).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

from qa_audit.errors import QaAuditError


def is_sqlite(database_url: str) -> bool:
    url = make_url(database_url)
    return url.get_backend_name() == "sqlite" and bool(url.database)


def sqlite_path(database_url: str) -> Path:
    if not is_sqlite(database_url):
        raise QaAuditError(
            "qa-audit backup works on the embedded SQLite database; for PostgreSQL use "
            "pg_dump (see the README)."
        )
    return Path(make_url(database_url).database)


def backup_sqlite(database_url: str, target: Path) -> int:
    """Copy the live database to ``target`` page by page; returns the size in bytes. The copy
    is made under a temporary name and renamed when whole, so a full disk or a crash never
    leaves a partial backup that looks like a good one."""
    source_path = sqlite_path(database_url)
    if not source_path.exists():
        raise QaAuditError(f"There is no database at {source_path} to back up.")
    if target.exists():
        raise QaAuditError(f"{target} already exists; choose a new file name.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _copy_atomically(source_path, target)
    except (sqlite3.Error, OSError) as error:
        reason = error.strerror if isinstance(error, OSError) else str(error)
        raise QaAuditError(
            f"The backup could not be written to {target} ({reason}). Check that its disk has "
            "space; no backup file was left there."
        ) from error
    return target.stat().st_size


def _copy_atomically(source_path: Path, target: Path) -> None:
    handle, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    os.close(handle)
    try:
        with (
            contextlib.closing(sqlite3.connect(source_path)) as source,
            contextlib.closing(sqlite3.connect(partial)) as copy,
        ):
            source.backup(copy)
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def restore_sqlite(database_url: str, backup: Path) -> None:
    """Replace the database with ``backup`` (run with the app stopped)."""
    if not backup.exists():
        raise QaAuditError(f"There is no backup file at {backup}.")
    with sqlite3.connect(backup) as check:
        try:
            result = check.execute("PRAGMA integrity_check").fetchone()[0]
            check.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.DatabaseError as error:
            raise QaAuditError(f"{backup} is not a qa_audit database backup.") from error
        if result != "ok":
            raise QaAuditError(f"{backup} is damaged (integrity check: {result}).")
    target_path = sqlite_path(database_url)
    target_path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(backup) as source, sqlite3.connect(target_path) as target:
        source.backup(target)
