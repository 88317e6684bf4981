"""Requests an attacker can shape: bodies over the size limit, another auditor's audit id, ids
no database column can hold. Each is refused with a page, and nothing is saved."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from qa_audit.extensions import db
from qa_audit.matrix import load_matrix
from qa_audit.models import AccessLog
from qa_audit.synthetic import generate_plan
from tests.audits.helpers import complete_answers
from tests.factories import csrf_token_from, login
from tests.faults.stored_state import stored_files
from tests.hostile.web import snapshot
from tests.matrix.conftest import MATRIX_DIR

LIMIT = 16 * 1024
PLAN_FILE = generate_plan(22, "headed", "docx").data  # about 38 KB: over LIMIT
ANSWERS = complete_answers(load_matrix(MATRIX_DIR / "default.toml"))


def _oversize_posts(world) -> dict[str, tuple[str, str, dict]]:
    """name -> (role, address, form) for posts whose body is over LIMIT."""
    big_text = "x" * (LIMIT + 1)
    return {
        "upload": (
            "sen_manager",
            "/plans/upload",
            {
                "reference": "EHCP-2025-0778",
                "kind": "new",
                "document": (io.BytesIO(PLAN_FILE), "a.docx"),
            },
        ),
        "new version": (
            "sen_manager",
            f"/plans/{world.plan.id}/documents",
            {"document": (io.BytesIO(PLAN_FILE), "a.docx")},
        ),
        "batch": (
            "sen_manager",
            "/plans/upload/batch",
            {"documents": [(io.BytesIO(PLAN_FILE), "a.docx"), (io.BytesIO(b"PK" * 99), "b.docx")]},
        ),
        "draft autosave": (
            "auditor",
            f"/audits/{world.audit.id}/draft",
            {**ANSWERS, "summary": big_text, "revision": "1"},
        ),
        "audit form": (
            "auditor",
            f"/audits/{world.audit.id}",
            {**ANSWERS, "summary": big_text, "revision": "1", "action": "draft"},
        ),
        "plan details": ("qa_lead", f"/plans/{world.plan.id}/edit", {"team": big_text}),
    }


@pytest.mark.parametrize(
    "name", ["upload", "new version", "batch", "draft autosave", "audit form", "plan details"]
)
def test_oversize_body_gets_the_413_page_and_saves_nothing(app, web_world, name):
    role, address, form = _oversize_posts(web_world)[name]
    client = app.test_client()
    login(client, web_world.users[role])
    form["csrf_token"] = csrf_token_from(client, "/")
    app.config["MAX_CONTENT_LENGTH"] = LIMIT
    files_before, rows_before = stored_files(app.config["UPLOAD_FOLDER"]), snapshot()
    response = client.post(address, data=form, content_type="multipart/form-data")
    assert response.status_code == 413
    assert "The file is too large" in response.get_data(as_text=True)
    assert snapshot() == rows_before
    assert stored_files(app.config["UPLOAD_FOLDER"]) == files_before


def _other_auditors_requests(world) -> list[tuple[str, str, int]]:
    """(method, address, status an auditor must get) for another auditor's audit."""
    audit = world.others_audit.id
    return [
        ("GET", f"/audits/{audit}", 404),
        ("POST", f"/audits/{audit}", 404),
        ("GET", f"/audits/{audit}/draft", 404),
        ("POST", f"/audits/{audit}/draft", 404),
        ("POST", f"/audits/{audit}/reopen", 403),
        ("GET", f"/moderation/follow-ups/new/{audit}", 403),
        ("POST", f"/moderation/follow-ups/new/{audit}", 403),
    ]


def test_another_auditors_audit_is_hidden_and_unchanged(app, web_world):
    client = app.test_client()
    login(client, web_world.users["auditor"])
    token = csrf_token_from(client, "/")
    form = {**ANSWERS, "csrf_token": token, "revision": "1", "action": "submit", "kind": "amend"}
    last_entry = db.session.scalar(select(func.max(AccessLog.id))) or 0
    before = snapshot()
    requests = _other_auditors_requests(web_world)
    for method, address, status in requests:
        response = client.open(address, method=method, data=form if method == "POST" else None)
        assert response.status_code == status, (method, address)
        assert "Kept." not in response.get_data(as_text=True)
    after = snapshot()
    assert after["audits"] == before["audits"] and after["audit_scores"] == before["audit_scores"]
    # Nothing changed but the access log, which records each refusal.
    logged = db.session.scalars(select(AccessLog.action).where(AccessLog.id > last_entry)).all()
    assert logged == ["refused"] * len(requests)
    assert {**after, "access_log": []} == {**before, "access_log": []}


NUMBERS = ["0", "2147483648", str(2**63), "9" * 40]


def test_ids_no_column_can_hold_are_not_found(app, web_world):
    client = app.test_client()
    login(client, web_world.users["qa_lead"])
    for number in NUMBERS:
        for address in (
            f"/audits/{number}",
            f"/plans/{number}",
            f"/documents/{number}/download",
            f"/sampling/samples/{number}",
            f"/moderation/pairs/{number}",
            f"/advice-quality/{number}",
        ):
            response = client.get(address)
            assert response.status_code == 404, address
            assert "Page not found" in response.get_data(as_text=True)


def test_query_string_ids_no_column_can_hold_are_ignored(app, web_world):
    checked = []
    for role, address in [
        ("admin", "/admin/access-log/?user_id={}"),
        ("admin", "/admin/access-log/?page={}"),
        ("admin", "/admin/access-log/export.csv?user_id={}"),
        ("qa_lead", "/plans/?page={}"),
        ("sen_manager", "/plans/upload/progress?documents=1,{},²,-3"),
    ]:
        client = app.test_client()
        login(client, web_world.users[role])
        for number in NUMBERS:
            response = client.get(address.format(number))
            assert response.status_code == 200, address.format(number)
            checked.append(address)
    assert len(checked) == 20


def test_term_ids_no_calendar_holds_are_refused_in_plain_words(app, web_world):
    client = app.test_client()
    login(client, web_world.users["qa_lead"])
    for term in ["autumn-²", "autumn-0", "autumn-99999", "autumn-" + "9" * 5000]:
        for address in [
            "/reports/?term={}",
            "/sampling/terms/{}",
            "/moderation/terms/{}",
            "/advice-quality/terms/{}",
            "/advice-quality/figures?term={}",
        ]:
            response = client.get(address.format(term))
            assert response.status_code == 400, address.format(term)[:40]
            assert "is not a term" in response.get_data(as_text=True)


def test_metadata_values_no_column_can_hold_are_refused_in_plain_words(app, web_world):
    client = app.test_client()
    login(client, web_world.users["sen_manager"])
    rows = [
        ("a.docx", "year_group", "99999999999"),
        ("a.docx", "year_group", "²"),
        ("a.docx", "team", "T" * 81),
        ("a.docx", "caseworker", "C" * 121),
        ("a.docx", "reference", "R" * 41),
    ]
    for name, column, value in rows:
        form = {
            "csrf_token": csrf_token_from(client, "/plans/upload/batch"),
            "documents": [(io.BytesIO(PLAN_FILE), name)],
            "metadata": (io.BytesIO(f"file,{column}\n{name},{value}\n".encode()), "meta.csv"),
        }
        before = snapshot()
        response = client.post("/plans/upload/batch", data=form, content_type="multipart/form-data")
        assert response.status_code == 200, column
        assert f"row 2: {column.replace('_', ' ')}" in response.get_data(as_text=True), column
        assert snapshot() == before, column
