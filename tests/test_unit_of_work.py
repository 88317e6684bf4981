"""Units of work outside requests (background jobs, commands): one commit at the end of the
block, nothing kept when it fails, and work handed to ``after_commit`` started only once the
changes can be read from another connection, as a background job reads them."""

from __future__ import annotations

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from qa_audit.access_recorder import record_access
from qa_audit.extensions import db
from qa_audit.models import AccessLog, Plan
from qa_audit.unit_of_work import after_commit, unit_of_work


def _committed(action: str) -> int:
    """Entries with ``action`` as another connection sees them."""
    with db.engine.connect() as other:
        query = select(func.count()).select_from(AccessLog).where(AccessLog.action == action)
        return other.scalar(query)


def _entry(action: str) -> None:
    db.session.add(AccessLog(action=action, object_type="test"))


def test_work_after_commit_starts_once_the_changes_are_committed(app):
    seen = []
    with unit_of_work():
        _entry("queued")
        after_commit(lambda: seen.append(_committed("queued")))
        db.session.flush()
        assert seen == [] and _committed("queued") == 0
    assert seen == [1]


def test_a_failing_block_keeps_nothing_and_starts_nothing(app):
    seen = []
    with pytest.raises(RuntimeError), unit_of_work():
        _entry("queued")
        after_commit(lambda: seen.append("started"))
        db.session.flush()
        raise RuntimeError("after the change")
    assert seen == [] and _committed("queued") == 0


def test_a_rollback_inside_the_block_drops_the_work_queued_before_it(app):
    seen = []
    with unit_of_work():
        _entry("refused")
        after_commit(lambda: seen.append("first"))
        db.session.rollback()  # a view rolling back an operation's refusal
        _entry("kept")
        after_commit(lambda: seen.append("second"))
    assert seen == ["second"]
    assert (_committed("refused"), _committed("kept")) == (0, 1)


def test_a_savepoint_rolled_back_keeps_the_work_queued_before_it(app, make):
    plan = make.plan()
    seen = []
    with unit_of_work():
        _entry("queued")
        after_commit(lambda: seen.append("started"))
        with pytest.raises(IntegrityError), db.session.begin_nested():
            db.session.add(Plan(reference=plan.reference, kind="new"))
    assert seen == ["started"] and _committed("queued") == 1


def test_without_a_unit_open_after_commit_commits_first(app):
    seen = []
    _entry("queued")
    after_commit(lambda: seen.append(_committed("queued")))
    assert seen == [1]


def test_a_request_that_only_reads_holds_no_write_lock_until_it_commits(app, make):
    """Its access-log entry is written at the commit: another request can write meanwhile
    (on SQLite, a written entry would hold the database's one write lock until the end)."""
    plan = make.plan()
    with unit_of_work():
        record_access("view_plan", "plan", plan.id)
        assert db.session.get(Plan, plan.id + 1) is None  # a query, which flushes what is added
        with db.engine.begin() as other:
            other.execute(insert(AccessLog).values(action="elsewhere", object_type="test"))
    assert (_committed("view_plan"), _committed("elsewhere")) == (1, 1)
