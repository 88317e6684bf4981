"""What the database and the upload folder hold after a fault, read from outside the server
(every recorded document version has its whole file, and every file has its record), and a
lock that holds the server at a chosen write."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from qa_audit.extensions import db
from qa_audit.models import Plan, PlanDocument


def stored_files(folder: str | Path) -> set[str]:
    """Every file under the upload folder (temporary ones included), relative to it."""
    root = Path(folder)
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


def documents() -> dict[int, tuple[str, int, str, str | None]]:
    """Document id -> (plan reference, version, sha256, stored path), as committed now."""
    db.session.rollback()  # see what the server committed since this session last looked
    rows = db.session.execute(
        select(
            PlanDocument.id,
            Plan.reference,
            PlanDocument.version,
            PlanDocument.sha256,
            PlanDocument.stored_path,
        ).join(Plan)
    )
    return {row[0]: tuple(row[1:]) for row in rows}


def count_documents() -> int:
    db.session.rollback()
    return db.session.scalar(select(func.count(PlanDocument.id)))


def assert_storage_matches_records(folder: str | Path) -> dict[int, tuple]:
    """Each recorded version's file is there and whole; no file lacks a record; every plan has
    a document (a plan and its first version are committed together)."""
    recorded = documents()
    for reference, version, sha256, stored_path in recorded.values():
        assert stored_path, f"{reference} version {version} has no stored file"
        data = (Path(folder) / stored_path).read_bytes()
        assert hashlib.sha256(data).hexdigest() == sha256, f"{stored_path} is not whole"
    assert stored_files(folder) == {row[3] for row in recorded.values()}
    empty = db.session.scalars(select(Plan.reference).where(~Plan.documents.any())).all()
    assert not empty, f"plans committed without their document: {empty}"
    return recorded


@contextlib.contextmanager
def writes_blocked(database_url: str, table: str) -> Iterator[None]:
    """Make the server wait at its next write to ``table`` (reads go on): an open transaction
    holding SQLite's write lock, or a PostgreSQL ``SHARE`` lock on the table."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        connection = sqlite3.connect(url.database, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            yield
            connection.execute("ROLLBACK")
        finally:
            connection.close()
        return
    engine = create_engine(database_url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            connection.execute(text(f"LOCK TABLE {table} IN SHARE MODE"))
            yield
            connection.rollback()
    finally:
        engine.dispose()
