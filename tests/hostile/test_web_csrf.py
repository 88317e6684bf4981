"""Every form post with a missing, forged, tampered or another session's CSRF token is refused
with the 400 page (or a JSON error for the autosave script) and saves nothing, on both backends.

For the forms that save something, the same post with the page's own token is sent as a control:
it must change the database, so "nothing saved" is not true only because the post was empty.
"""

from __future__ import annotations

import io

import pytest

from qa_audit.auth.permissions import PUBLIC, can, required_action
from qa_audit.matrix import load_matrix
from qa_audit.models.user import ROLES
from qa_audit.synthetic import generate_plan
from tests.audits.helpers import complete_answers
from tests.factories import PASSWORD, csrf_token_from, login
from tests.hostile.web import snapshot, url
from tests.matrix.conftest import MATRIX_DIR

TOKENS = ["missing", "forged", "tampered", "another session's"]
PLAN_FILE = generate_plan(21, "headed", "docx").data


def _saving_forms(world) -> dict[str, tuple[str, dict]]:
    """endpoint -> (role, a complete form that saves something when its token is good)."""
    answers = complete_answers(load_matrix(MATRIX_DIR / "default.toml"))
    return {
        "uploads.upload": (
            "sen_manager",
            {"reference": "EHCP-2025-0777", "kind": "new", "team": "North"},
        ),
        "uploads.new_version": ("sen_manager", {}),
        "uploads.upload_batch": ("sen_manager", {}),
        "admin.new_user": (
            "admin",
            {
                "email": "new.person@example.org",
                "name": "New Person",
                "role": "auditor",
                "password": "a-long-temporary-password",
            },
        ),
        "audits.show": ("auditor", {**answers, "revision": "1", "action": "draft"}),
        "audits.draft": ("auditor", {**answers, "revision": "1"}),
        "advice_quality.show": (
            "auditor",
            {"grade__specific": "met", "revision": "1", "action": "draft"},
        ),
        "plans.edit": (
            "qa_lead",
            {"reference": world.plan.reference, "kind": "new", "team": "South"},
        ),
        "moderation.close": ("qa_lead", {"note": "The plan was amended."}),
    }


def _files(endpoint: str) -> dict:
    if endpoint in ("uploads.upload", "uploads.new_version"):
        return {"document": (io.BytesIO(PLAN_FILE), "plan.docx")}
    if endpoint == "uploads.upload_batch":
        return {"documents": [(io.BytesIO(PLAN_FILE), "plan.docx")]}
    return {}


def _post_routes(app):
    for rule in app.url_map.iter_rules():
        if "POST" in rule.methods and rule.endpoint != "static":
            yield rule.endpoint


def _role_for(app, endpoint: str) -> str | None:
    action = required_action(app.view_functions[endpoint])
    if action == PUBLIC:
        return None
    return next(role for role in ("qa_lead", *ROLES) if can(role, action))


def _token(kind: str, good: str, foreign: str) -> str | None:
    if kind == "missing":
        return None
    if kind == "forged":
        return "IjAxMjM0NTY3ODlhYmNkZWYi.forged.signature"
    if kind == "tampered":
        return good[:-2] + ("AA" if not good.endswith("AA") else "BB")
    return foreign


def _post(client, address: str, data: dict, token: str | None, files: dict):
    form = {**data, **files}
    if token is not None:
        form["csrf_token"] = token
    return client.post(address, data=form, content_type="multipart/form-data")


@pytest.mark.parametrize("kind", TOKENS)
def test_every_form_refuses_a_bad_token_and_saves_nothing(app, make, web_world, kind):
    saving = _saving_forms(web_world)
    stranger = app.test_client()
    login(stranger, make.user("qa_lead"))
    foreign = csrf_token_from(stranger, "/")
    checked = 0
    for endpoint in _post_routes(app):
        role, data = saving.get(endpoint, (_role_for(app, endpoint), {}))
        client = app.test_client()
        if role is not None:
            login(client, web_world.users[role])
        good = csrf_token_from(client, "/" if role else "/login")
        token = _token(kind, good, foreign)
        if endpoint == "auth.login":
            data = {"email": web_world.users["auditor"].email, "password": PASSWORD}
        before = snapshot()
        response = _post(
            client, url(app, endpoint, web_world.values), data, token, _files(endpoint)
        )
        assert response.status_code == 400, endpoint
        if response.is_json:
            assert response.json["csrf"] is True, endpoint
        else:
            assert "The form may have expired" in response.get_data(as_text=True), endpoint
        assert snapshot() == before, f"{endpoint} saved something with a {kind} token"
        checked += 1
    assert checked >= 20


@pytest.mark.parametrize(
    "endpoint",
    [
        "uploads.upload",
        "uploads.new_version",
        "uploads.upload_batch",
        "admin.new_user",
        "audits.show",
        "audits.draft",
        "advice_quality.show",
        "plans.edit",
        "moderation.close",
    ],
)
def test_the_same_forms_with_the_pages_own_token_do_save(app, web_world, endpoint):
    role, data = _saving_forms(web_world)[endpoint]
    client = app.test_client()
    login(client, web_world.users[role])
    before = snapshot()
    token = csrf_token_from(client, "/")
    response = _post(client, url(app, endpoint, web_world.values), data, token, _files(endpoint))
    assert response.status_code in (200, 302), endpoint
    assert snapshot() != before, f"{endpoint} saved nothing even with a good token"


def test_signing_out_with_a_forged_token_keeps_the_session(app, web_world):
    client = app.test_client()
    login(client, web_world.users["auditor"])
    response = client.post("/logout", data={"csrf_token": "forged"})
    assert response.status_code == 400
    assert client.get("/").status_code == 200
