"""Units of work: the one way the service commits.

Operations, views and jobs add and flush; they do not commit. A unit of work commits once when
it ends, and rolls everything back when anything is raised inside it (or when it is discarded):

- every web request is one, opened and closed by :mod:`qa_audit.web.commit_point`, which says
  which answers keep their changes;
- background jobs and commands open their own, ``with unit_of_work():``. One unit per step
  where a step must be seen before the next ends: an analysis marked ``running``, each file of
  a batch import (so a long batch never holds the database's write lock for long, and a file
  stored is recorded at once).

Work that may only start once the changes are committed (a background job reads them through
another connection) is handed to :func:`after_commit`: it runs after the unit's commit, and a
rollback drops it. Rows that only record what happened (access-log entries) are handed to
:func:`add_at_commit`, so a request that only reads writes nothing, and holds no write lock on
SQLite, until it ends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from qa_audit.extensions import db

OPEN_UNIT = "unit_of_work"  # key in the session's ``info``: the innermost open unit


@dataclass
class UnitOfWork:
    waiting: list[Callable[[], object]] = field(default_factory=list)
    late_rows: list[object] = field(default_factory=list)
    discarded: bool = False

    def discard(self) -> None:
        """Roll back rather than commit when the unit ends."""
        self.discarded = True


@contextmanager
def unit_of_work() -> Iterator[UnitOfWork]:
    """Commit what the block added, then run its :func:`after_commit` work; roll it all back
    if the block raises or discards the unit. A unit opened inside another (a batch import in
    a request) commits or rolls back everything the session holds so far."""
    outer = db.session.info.get(OPEN_UNIT)
    work = db.session.info[OPEN_UNIT] = UnitOfWork()
    try:
        yield work
        if work.discarded:
            db.session.rollback()
        else:
            db.session.add_all(work.late_rows)
            db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    finally:
        db.session.info[OPEN_UNIT] = outer
    for job in work.waiting:
        job()


def add_at_commit(row: object) -> None:
    """Add ``row`` to the session when the open unit of work commits (now, with none open)."""
    work = db.session.info.get(OPEN_UNIT)
    if work is None:
        db.session.add(row)
    else:
        work.late_rows.append(row)


def after_commit(job: Callable[[], object]) -> None:
    """Run ``job`` once the open unit of work has committed. With none open (a command or a
    test calling an operation directly), what the session holds is committed first."""
    work = db.session.info.get(OPEN_UNIT)
    if work is not None:
        work.waiting.append(job)
        return
    with unit_of_work() as opened:
        opened.waiting.append(job)


@event.listens_for(Session, "after_soft_rollback")
def _drop_waiting_work(session: Session, previous: SessionTransaction) -> None:
    """A rollback of the whole transaction (not of a savepoint) drops the rows and the work
    that were to go with its commit."""
    work = session.info.get(OPEN_UNIT)
    if work is not None and previous.parent is None:
        work.waiting.clear()
        work.late_rows.clear()
