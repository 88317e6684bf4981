"""Security events in the access log (ASVS 7.1.3, 7.2.1, 7.2.2): sign-ins that worked and
failed, sign-outs, refused access and rate limits. By account and object id only: never a typed
e-mail address, a password or a child's name."""

from __future__ import annotations

import logging

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import AccessLog, ReportBuild
from tests.factories import PASSWORD, csrf_token_from, login


def _entries() -> list[tuple]:
    rows = db.session.scalars(select(AccessLog).order_by(AccessLog.id))
    return [(e.user_id, e.action, e.object_type, e.object_id) for e in rows]


def test_sign_ins_failures_and_sign_outs_are_logged_by_account_id(app, client, make, caplog):
    caplog.set_level(logging.INFO)
    user = make.user("auditor")
    login(app.test_client(), user, password="a-wrong-password")
    unknown_email = "nobody-here@example.org"
    page = app.test_client()
    page.post(
        "/login",
        data={
            "email": unknown_email,
            "password": "whatever-it-is",
            "csrf_token": csrf_token_from(page, "/login"),
        },
    )
    login(client, user)
    client.post("/logout", data={"csrf_token": csrf_token_from(client, "/")})
    assert _entries() == [
        (None, "sign_in_failed", "account", user.id),
        (None, "sign_in_failed", "account", None),
        (user.id, "sign_in", "account", user.id),
        (user.id, "sign_out", "account", user.id),
    ]
    for secret in (user.email, unknown_email, PASSWORD, "a-wrong-password", "whatever-it-is"):
        assert secret not in caplog.text


def test_a_plan_of_another_team_is_refused_and_logged_but_a_missing_one_is_not(client, make):
    plan = make.plan(team="South")
    manager = make.user("sen_manager", team="North")
    login(client, manager)
    assert client.get(f"/plans/{plan.id}").status_code == 404
    assert client.get(f"/plans/{plan.id + 1000}").status_code == 404
    assert _entries()[1:] == [(manager.id, "refused", "plan", plan.id)]


def test_another_auditors_audit_is_refused_and_logged(client, make):
    owner, other = make.user("auditor"), make.user("auditor")
    audit = make.audit(make.plan(), owner)
    login(client, other)
    assert client.get(f"/audits/{audit.id}").status_code == 404
    assert _entries()[1:] == [(other.id, "refused", "audit", audit.id)]


def test_other_teams_feedback_documents_and_report_files_are_refused_and_logged(client, make):
    """Each visibility rule answers "not found", logs the refusal, and logs nothing for an
    object that does not exist."""
    plan = make.plan(team="South")
    audit = make.audit(plan, make.user("auditor"))
    document = make.document(plan)
    lead = make.user("qa_lead")
    build = ReportBuild(term_id="autumn-2025", fmt="csv", status="failed", requested_by=lead.id)
    db.session.add(build)
    db.session.commit()
    manager = make.user("sen_manager", team="North")
    login(client, manager)
    for url in (
        f"/audits/{audit.id}/feedback",
        f"/audits/{audit.id}/feedback.pdf",
        f"/documents/{document.id}/download",
        f"/reports/builds/{build.id}",
        f"/reports/builds/{build.id}/file",
        f"/audits/{audit.id + 1000}/feedback",
        f"/documents/{document.id + 1000}/download",
        f"/reports/builds/{build.id + 1000}",
    ):
        assert client.get(url).status_code == 404, url
    assert [entry for entry in _entries() if entry[1] == "refused"] == [
        (manager.id, "refused", "audit", audit.id),
        (manager.id, "refused", "audit", audit.id),
        (manager.id, "refused", "document", document.id),
        (manager.id, "refused", "build", build.id),
        (manager.id, "refused", "build", build.id),
    ]


def test_a_page_outside_the_role_is_refused_with_403_and_logged(client, make):
    auditor = make.user("auditor")
    login(client, auditor)
    assert client.get("/admin/users").status_code == 403
    assert _entries()[1:] == [(auditor.id, "refused", "admin", None)]


def test_reaching_the_sign_in_limit_is_logged(extra_app, make, monkeypatch):
    monkeypatch.delenv("LOGIN_RATE_LIMIT", raising=False)
    limited = extra_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="2 per minute")
    with limited.app_context():
        client = limited.test_client()
        user = make.user("auditor")
        codes = [login(client, user, password="wrong-password").status_code for _ in range(3)]
        assert codes == [200, 200, 429]
        assert _entries() == [
            (None, "sign_in_failed", "account", user.id),
            (None, "sign_in_failed", "account", user.id),
            (None, "rate_limited", "auth", None),
        ]
