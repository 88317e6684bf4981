"""The demo data, loaded as ``qa-audit demo`` loads it (today's term under way), shows every
role a working home."""

from __future__ import annotations

from datetime import date

import pytest

from qa_audit.demo.caseload import DEMO_ACCOUNTS, DEMO_PASSWORD, load_demo
from qa_audit.extensions import db
from qa_audit.models import User
from tests.factories import login

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

HEADINGS = {
    "qa_lead": "This term's quality assurance",
    "auditor": "Your audits",
    "sen_manager": "Your team's plans",
    "admin": "Administration",
}


def test_every_demo_account_has_a_working_home(app):
    load_demo(today=date.today())
    seen = set()
    for role, email, *_ in DEMO_ACCOUNTS:
        user = db.session.query(User).filter_by(email=email).one()
        client = app.test_client()
        login(client, user, DEMO_PASSWORD)
        response = client.get("/")
        assert response.status_code == 200, (role, email)
        page = response.get_data(as_text=True)
        assert HEADINGS[role] in page, role
        assert "Traceback" not in page
        seen.add(role)
    assert seen == set(HEADINGS)
