"""Controls that SECURITY.md lists against the OWASP ASVS and that no other test checks yet."""

from __future__ import annotations

import hashlib
import re

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import PlanDocument
from qa_audit.synthetic import generate_plan
from tests.factories import login, upload_plan

PLAN = generate_plan(21, "headed", "docx")


def test_a_new_session_cookie_is_issued_at_sign_in(app, client, make):
    client.get("/login")
    before = client.get_cookie("qa_audit_session").value
    login(client, make.user("auditor"))
    assert client.get_cookie("qa_audit_session").value != before
    planted = app.test_client()
    planted.set_cookie("qa_audit_session", before)
    assert planted.get("/").status_code == 302


def test_stored_file_is_named_by_its_content_not_its_upload_name(app, client, make):
    login(client, make.user("sen_manager", team="North"))
    response = upload_plan(client, PLAN.data, "../../../../etc/cron.d/plan.docx", "EHCP-2025-0900")
    assert response.status_code == 302
    stored = db.session.scalar(select(PlanDocument.stored_path))
    digest = hashlib.sha256(PLAN.data).hexdigest()
    assert stored == f"{digest[:2]}/{digest}.docx"


def test_markup_in_a_file_name_is_shown_as_text(client, make):
    login(client, make.user("sen_manager", team="North"))
    response = upload_plan(client, PLAN.data, "<b onmouseover=alert(1)>plan.docx", "EHCP-2025-0900")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<b onmouseover" not in page
    assert "&lt;b onmouseover=alert(1)&gt;plan.docx" in page


def test_password_field_suits_password_managers_and_can_be_shown(client):
    page = client.get("/login").get_data(as_text=True)
    field = re.search(r"<input[^>]*name=\"password\"[^>]*>", page).group(0)
    assert 'autocomplete="current-password"' in field
    assert "onpaste" not in field
    assert 'aria-label="Show password"' in page
