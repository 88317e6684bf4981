"""Who may open, score and reopen an audit."""

from __future__ import annotations

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import AccessLog
from tests.audits.helpers import complete_answers, default_matrix, post_form
from tests.factories import csrf_token_from, login


def test_auditor_cannot_open_another_auditors_audit(client, world, make):
    login(client, make.user("auditor"))
    assert client.get(f"/audits/{world.audit.id}").status_code == 404


def test_sen_manager_cannot_score(client, world, make):
    login(client, make.user("sen_manager", team="North"))
    assert client.get(f"/audits/{world.audit.id}").status_code == 403
    assert client.get("/audits/").status_code == 403


def test_qa_lead_views_read_only(client, world, make):
    lead = make.user("qa_lead")
    login(client, lead)
    response = client.get(f"/audits/{world.audit.id}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "only its auditor can change it" in page
    assert '<fieldset class="govuk-fieldset" disabled>' in page
    assert "Submit audit" not in page
    token = csrf_token_from(client, "/")
    refused = client.post(f"/audits/{world.audit.id}", data={"csrf_token": token, "summary": "x"})
    assert refused.status_code == 403


def test_qa_lead_reopens_a_submitted_audit_and_it_is_logged(client, world, make, matrix_dir):
    login(client, world.auditor)
    post_form(client, world.audit, complete_answers(default_matrix(matrix_dir)), "submit")
    client.post("/logout", data={"csrf_token": csrf_token_from(client, "/")})
    lead = make.user("qa_lead")
    login(client, lead)
    page = client.get(f"/audits/{world.audit.id}").get_data(as_text=True)
    assert "Reopen as a draft" in page
    token = csrf_token_from(client, "/")
    response = client.post(f"/audits/{world.audit.id}/reopen", data={"csrf_token": token})
    assert response.status_code == 302
    db.session.refresh(world.audit)
    assert world.audit.status == "draft" and world.audit.submitted_at is None
    entry = db.session.scalar(select(AccessLog).where(AccessLog.action == "reopen_audit"))
    assert entry.user_id == lead.id and entry.object_id == world.audit.id


def test_auditor_cannot_reopen(client, world, matrix_dir):
    login(client, world.auditor)
    post_form(client, world.audit, complete_answers(default_matrix(matrix_dir)), "submit")
    token = csrf_token_from(client, "/")
    response = client.post(f"/audits/{world.audit.id}/reopen", data={"csrf_token": token})
    assert response.status_code == 403
    db.session.refresh(world.audit)
    assert world.audit.status == "submitted"


def test_saving_a_submitted_audit_is_refused_and_says_a_qa_lead_can_reopen_it(
    client, world, matrix_dir
):
    login(client, world.auditor)
    answers = complete_answers(default_matrix(matrix_dir))
    post_form(client, world.audit, answers, "submit")
    db.session.refresh(world.audit)
    submitted_at = world.audit.submitted_at
    again = post_form(client, world.audit, {**answers, "summary": "Changed"}, "draft")
    assert again.status_code == 302
    assert again.headers["Location"].endswith(f"/audits/{world.audit.id}")
    page = client.get(again.headers["Location"]).get_data(as_text=True)
    assert (
        "This audit has been submitted, so it cannot be changed. A QA lead can reopen it." in page
    )
    db.session.refresh(world.audit)
    assert world.audit.status == "submitted" and world.audit.submitted_at == submitted_at
    assert world.audit.summary != "Changed"
