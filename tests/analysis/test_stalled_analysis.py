"""An analysis whose thread, worker or queue was lost shows as stalled on the plan page, and a
SEN manager or QA lead can start it again there, without waiting for ``analyse-pending``."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from qa_audit.analysis.stored import STALLED_AFTER, analysis_state
from qa_audit.extensions import db
from qa_audit.models import Analysis
from qa_audit.models._base import utcnow
from tests.factories import csrf_token_from, login

AGAIN = "Compute the pre-flags again"


def _interrupt(document, status: str, ago: timedelta) -> Analysis:
    analysis = db.session.scalar(select(Analysis).where(Analysis.document_id == document.id))
    analysis.status, analysis.requested_at = status, utcnow() - ago
    db.session.commit()
    db.session.expire_all()
    return analysis


def test_a_run_is_pending_at_first_and_stalled_once_it_is_too_old(app, make):
    document = make.document(make.plan(team="North"))
    for status in ("queued", "running"):
        _interrupt(document, status, timedelta(minutes=1))
        assert analysis_state(document) == "pending"
        _interrupt(document, status, STALLED_AFTER + timedelta(minutes=1))
        assert analysis_state(document) == "stalled"


def test_a_manager_starts_a_stalled_analysis_again_from_the_plan_page(client, make):
    plan = make.plan(team="North")
    document = make.document(plan)
    analysis = _interrupt(document, "running", timedelta(hours=2))
    login(client, make.user("sen_manager", team="North"))
    page = client.get(f"/plans/{plan.id}").get_data(as_text=True)
    assert "have not finished" in page and AGAIN in page
    response = client.post(
        f"/documents/{document.id}/analyse",
        data={"csrf_token": csrf_token_from(client, f"/plans/{plan.id}")},
    )
    assert response.headers["Location"] == f"/plans/{plan.id}"
    assert db.session.get(Analysis, analysis.id).status == "done"
    page = client.get(f"/plans/{plan.id}").get_data(as_text=True)
    assert "have not finished" not in page and AGAIN not in page
    assert "The pre-flags are being computed again." in page


def test_a_failed_run_offers_a_retry_to_managers_but_not_to_auditors(client, make, app):
    plan = make.plan(team="North")
    document = make.document(plan)
    _interrupt(document, "failed", timedelta(0))
    auditor = make.user("auditor")
    make.audit(plan, auditor)
    login(client, auditor)
    page = client.get(f"/plans/{plan.id}").get_data(as_text=True)
    assert "could not be computed" in page and AGAIN not in page
    manager = app.test_client()
    login(manager, make.user("sen_manager", team="North"))
    assert AGAIN in manager.get(f"/plans/{plan.id}").get_data(as_text=True)


def test_another_teams_document_is_refused(client, make):
    document = make.document(make.plan(team="South"))
    login(client, make.user("sen_manager", team="North"))
    token = csrf_token_from(client, "/")
    response = client.post(f"/documents/{document.id}/analyse", data={"csrf_token": token})
    assert response.status_code == 404
