"""One commit per request (qa_audit.web.commit_point): a change and the access-log entry that
records it are saved together when the view answers with a success, and neither is saved when
anything fails after the change was made: an error raised, an error answer, or a conflicting
save found at the commit itself. Messages flashed for work that was not saved go with it.

The views here are added to the app for the test; they call the real operations and write
through the real database, as the service's views do."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from flask import flash, redirect
from sqlalchemy import select, update

from qa_audit.access_recorder import record_access
from qa_audit.audits.operations import reopen_audit
from qa_audit.auth.permissions import requires
from qa_audit.extensions import db
from qa_audit.models import AccessLog, Audit, User
from qa_audit.web.errors import CONFLICT
from tests.factories import login


class AfterTheChange(Exception):
    """Raised by a test view once its change is flushed."""


@requires("audits.manage")
def reopen_then_answer(audit_id: int, answer: str):
    """What the real reopen page does (the operation flushes, the view records it and says
    so), then fails or succeeds as ``answer`` says."""
    audit = db.session.get_one(Audit, audit_id)
    reopen_audit(audit, db.session.scalars(select(User)).first())
    record_access("reopen_audit", "audit", audit.id)
    flash("The audit is reopened as a draft.", "success")
    if answer == "raise":
        raise AfterTheChange
    if answer == "error":
        return "Refused after the change", 400
    return redirect("/")


@requires("audits.manage")
def save_after_another_request(audit_id: int):
    """Changes the audit in memory only; it is written when the request commits, by which
    time another request has saved the same audit."""
    audit = db.session.get_one(Audit, audit_id)
    record_access("save_draft", "audit", audit.id)
    flash("Draft saved.", "success")
    with db.engine.begin() as other:
        other.execute(update(Audit).where(Audit.id == audit.id).values(revision=Audit.revision + 1))
    audit.summary = "Written by this request"
    return redirect("/")


@pytest.fixture
def lead(app, client, make) -> User:
    app.add_url_rule("/test/audits/<int:audit_id>/reopen/<answer>", view_func=reopen_then_answer)
    app.add_url_rule("/test/audits/<int:audit_id>/save", view_func=save_after_another_request)
    user = make.user("qa_lead")
    login(client, user)
    return user


@pytest.fixture
def submitted(make) -> Audit:
    return make.audit(
        make.plan(),
        make.user("auditor"),
        status="submitted",
        submitted_at=datetime(2025, 11, 3, tzinfo=UTC),
        summary="As submitted",
    )


def _state(audit: Audit) -> tuple:
    db.session.rollback()  # see only what was committed
    db.session.expire_all()
    stored = db.session.get_one(Audit, audit.id)
    logged = db.session.scalars(select(AccessLog.action).where(AccessLog.object_type == "audit"))
    return stored.status, stored.summary, list(logged)


def _flashed(client) -> list:
    with client.session_transaction() as session:
        return list(session.get("_flashes", []))


def test_a_success_commits_the_change_with_its_log_entry(client, lead, submitted):
    response = client.get(f"/test/audits/{submitted.id}/reopen/redirect")
    assert response.status_code == 302
    assert _state(submitted) == ("draft", "As submitted", ["reopen_audit"])
    assert _flashed(client) == [("success", "The audit is reopened as a draft.")]


def test_an_error_raised_after_the_change_saves_neither_it_nor_its_log_entry(
    client, lead, submitted
):
    response = client.get(f"/test/audits/{submitted.id}/reopen/raise")
    assert response.status_code == 500
    assert "Traceback" not in response.get_data(as_text=True)
    assert _state(submitted) == ("submitted", "As submitted", [])
    assert _flashed(client) == []


def test_an_error_answer_after_the_change_saves_neither_it_nor_its_log_entry(
    client, lead, submitted
):
    assert client.get(f"/test/audits/{submitted.id}/reopen/error").status_code == 400
    assert _state(submitted) == ("submitted", "As submitted", [])
    assert _flashed(client) == []


def test_a_conflicting_save_found_at_the_commit_gets_the_conflict_answer(client, lead, submitted):
    response = client.get(f"/test/audits/{submitted.id}/save")
    assert response.status_code == 409
    assert CONFLICT in response.get_data(as_text=True)
    assert _state(submitted) == ("submitted", "As submitted", [])
    assert _flashed(client) == []
