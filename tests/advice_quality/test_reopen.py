"""A QA lead reopens a submitted advice audit, as plan audits are reopened: it goes back to its
auditor as a draft, leaves the figures until submitted again, and the reopening is logged.
Nobody else may reopen one, and only a submitted audit can be reopened."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import AccessLog
from qa_audit.reports.advice_quality import advice_quality
from qa_audit.terms import term_span
from tests.advice_quality.conftest import post_form, submit_advice
from tests.factories import csrf_token_from, login


def reopen(client, audit):
    token = csrf_token_from(client, "/")
    return client.post(f"/advice-quality/{audit.id}/reopen", data={"csrf_token": token})


def test_a_qa_lead_reopens_a_submitted_advice_audit(app, client, make, sampled) -> None:
    [audit] = sampled.audits
    submit_advice(audit)
    autumn = term_span("autumn-2025")
    assert advice_quality(autumn).audited == 1
    lead = make.user("qa_lead")
    login(client, lead)
    page = client.get(f"/advice-quality/{audit.id}").get_data(as_text=True)
    assert "Reopen as a draft" in page
    assert f'action="/advice-quality/{audit.id}/reopen"' in page

    response = reopen(client, audit)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/advice-quality/{audit.id}")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "The audit is reopened as a draft. Its auditor can change it and submit it" in page
    assert "Reopen as a draft" not in page
    db.session.refresh(audit)
    assert audit.status == "draft" and audit.submitted_at is None
    assert audit.meets_threshold is None and audit.measures is None
    assert {s.criterion_id for s in audit.scores}  # the answers are kept for the auditor
    assert advice_quality(autumn).audited == 0  # the figures drop it
    entry = db.session.scalar(select(AccessLog).where(AccessLog.action == "reopen_advice_audit"))
    assert (entry.user_id, entry.object_type, entry.object_id) == (
        lead.id,
        "advice_audit",
        audit.id,
    )
    assert entry.plan_reference == "EHCP-T-ADVICE"

    # its auditor can change it again, and it counts once submitted again
    client.post("/logout", data={"csrf_token": csrf_token_from(client, "/")})
    login(client, audit.auditor)
    assert post_form(client, audit, {"grade__specific": "met"}, "draft").status_code == 302
    db.session.refresh(audit)
    assert audit.status == "draft"
    submit_advice(audit)
    assert advice_quality(autumn).audited == 1


@pytest.mark.parametrize("who", ["its auditor", "another auditor", "sen_manager", "admin"])
def test_only_a_qa_lead_may_reopen(app, client, make, sampled, who) -> None:
    [audit] = sampled.audits
    submit_advice(audit)
    person = {
        "its auditor": audit.auditor,
        "another auditor": make.user("auditor"),
        "sen_manager": make.user("sen_manager"),
        "admin": make.user("admin"),
    }[who]
    login(client, person)
    assert reopen(client, audit).status_code == 403
    db.session.refresh(audit)
    assert audit.status == "submitted" and audit.submitted_at is not None
    assert (
        db.session.scalar(select(AccessLog).where(AccessLog.action == "reopen_advice_audit"))
        is None
    )
    refused = db.session.scalars(select(AccessLog).where(AccessLog.action == "refused")).all()
    assert refused and refused[-1].user_id == person.id


def test_only_a_submitted_advice_audit_can_be_reopened(app, client, make, sampled) -> None:
    [audit] = sampled.audits
    login(client, make.user("qa_lead"))
    page = client.get(f"/advice-quality/{audit.id}").get_data(as_text=True)
    assert "Reopen as a draft" not in page
    response = reopen(client, audit)
    assert response.status_code == 400
    assert "Only a submitted audit can be reopened." in response.get_data(as_text=True)
    db.session.refresh(audit)
    assert audit.status == "assigned"
    assert (
        client.post(
            "/advice-quality/999999/reopen", data={"csrf_token": csrf_token_from(client, "/")}
        ).status_code
        == 404
    )
