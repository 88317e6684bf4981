"""The draft endpoint the page's script posts to: JSON answers, never a redirect."""

from __future__ import annotations

from qa_audit.extensions import db
from tests.factories import csrf_token_from, login


def _post(client, audit, token, **answers):
    db.session.refresh(audit)
    data = {"csrf_token": token, "revision": str(audit.revision), **answers}
    return client.post(f"/audits/{audit.id}/draft", data=data)


def test_draft_endpoint_saves_and_returns_the_new_revision(client, world):
    login(client, world.auditor)
    token = csrf_token_from(client, f"/audits/{world.audit.id}")
    response = _post(client, world.audit, token, summary="Typed so far")
    assert response.status_code == 200
    assert response.json["revision"] == 2
    assert len(response.json["saved_at"]) == 5  # HH:MM
    db.session.refresh(world.audit)
    assert world.audit.summary == "Typed so far" and world.audit.status == "draft"


def test_draft_endpoint_returns_401_json_when_signed_out(client, world):
    response = client.post(f"/audits/{world.audit.id}/draft", data={"summary": "x"})
    assert response.status_code == 401
    assert response.is_json and response.json["signed_out"] is True
    assert "Sign in again in another tab" in response.json["error"]
    assert "Location" not in response.headers


def test_expired_token_is_refused_as_json_and_a_fresh_one_is_given(client, world):
    login(client, world.auditor)
    response = _post(client, world.audit, "not-a-token", summary="x")
    assert response.status_code == 400 and response.json["csrf"] is True
    fresh = client.get(f"/audits/{world.audit.id}/draft").json["csrf_token"]
    assert _post(client, world.audit, fresh, summary="x").status_code == 200


def test_stale_draft_is_refused_with_409(client, world):
    login(client, world.auditor)
    token = csrf_token_from(client, f"/audits/{world.audit.id}")
    _post(client, world.audit, token, summary="First window")
    response = client.post(
        f"/audits/{world.audit.id}/draft",
        data={"csrf_token": token, "revision": "1", "summary": "Second window"},
    )
    assert response.status_code == 409 and response.json["stale"] is True
    assert "changed in another window" in response.json["error"]
    db.session.refresh(world.audit)
    assert world.audit.summary == "First window"


def test_over_long_text_is_refused_not_cut(client, world):
    login(client, world.auditor)
    token = csrf_token_from(client, f"/audits/{world.audit.id}")
    response = _post(client, world.audit, token, summary="x" * 10_001)
    assert response.status_code == 422
    assert "10,000 characters or fewer" in response.json["error"]


def test_another_auditor_cannot_use_the_draft_endpoint(client, world, make):
    other = make.user("auditor")
    login(client, other)
    token = csrf_token_from(client, "/")
    response = client.post(
        f"/audits/{world.audit.id}/draft", data={"csrf_token": token, "revision": "1"}
    )
    assert response.status_code == 404
