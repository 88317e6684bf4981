"""The database goes away under a running server: sign-in, a plan page and an automatic draft
save answer 503 with "The service cannot reach its database" (JSON for the draft), never a
traceback, and work again as soon as the database is back, without restarting the server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import requests
from flask_migrate import upgrade

from qa_audit.app import create_app
from qa_audit.extensions import db
from tests.app_processes import AppServer, app_environment
from tests.conftest import app_settings
from tests.factories import Factory
from tests.faults.client import sign_in, signed_in
from tests.services import postgres_bin, private_postgres

pytestmark = pytest.mark.slow
UNAVAILABLE = "The service cannot reach its database"


@dataclass
class Seeded:
    """An auditor with one audit, on a database of the test's own (it is taken away)."""

    settings: dict
    email: str
    plan_id: int
    audit_id: int


def seed(database_url: str, folder: Path) -> Seeded:
    settings = app_settings(database_url, folder)
    app = create_app(settings)
    with app.app_context():
        upgrade()
        make = Factory()
        auditor = make.user("auditor")
        plan = make.plan()
        document = make.document(plan, seed=7)
        audit = make.audit(plan, auditor, document_id=document.id, due_on=date(2026, 1, 9))
        seeded = Seeded(settings, auditor.email, plan.id, audit.id)
        db.session.remove()
        db.engine.dispose()
    return seeded


class Visit:
    """The three things checked, by one signed-in user: signing in, a plan page, and an
    automatic draft save (with the CSRF token the scoring page's script holds)."""

    def __init__(self, server: AppServer, seeded: Seeded) -> None:
        self.server, self.seeded = server, seeded
        self.browser = signed_in(server, seeded.email)
        self.token = self.browser.get(self._draft_url(), timeout=30).json()["csrf_token"]

    def _draft_url(self) -> str:
        return f"{self.server.url}/audits/{self.seeded.audit_id}/draft"

    def plan_page(self) -> requests.Response:
        return self.browser.get(f"{self.server.url}/plans/{self.seeded.plan_id}", timeout=30)

    def save_draft(self, text: str) -> requests.Response:
        data = {"csrf_token": self.token, "revision": "1", "summary": text}
        return self.browser.post(self._draft_url(), data=data, timeout=30)

    def assert_unavailable(self) -> None:
        _, sign_in_page = sign_in(self.server, self.seeded.email)
        plan_page = self.plan_page()
        draft = self.save_draft("Typed while it was down")
        for response in (sign_in_page, plan_page, draft):
            assert response.status_code == 503, response.text[-2000:]
            assert response.headers["Retry-After"]
            assert "Traceback" not in response.text
        assert UNAVAILABLE in sign_in_page.text and UNAVAILABLE in plan_page.text
        assert draft.headers["Content-Type"] == "application/json"
        assert UNAVAILABLE in draft.json()["error"]
        assert "nothing you typed" in draft.json()["error"]

    def assert_available(self) -> None:
        signed_in(self.server, self.seeded.email)
        assert self.plan_page().status_code == 200
        saved = self.save_draft("Typed after it came back")
        assert saved.status_code == 200 and saved.json()["revision"] == 2


@pytest.fixture
def stoppable_postgres() -> Iterator:
    if postgres_bin() is None:
        if os.environ.get("QA_AUDIT_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL is required for this run but is not installed")
        pytest.skip("PostgreSQL is not installed")
    with private_postgres() as server:
        yield server


def test_postgres_stopped_under_a_running_server(stoppable_postgres, tmp_path):
    seeded = seed(stoppable_postgres.url, tmp_path)
    log = tmp_path / "server.log"
    with AppServer(app_environment(seeded.settings), log) as server:
        server.wait_until_serving()
        visit = Visit(server, seeded)
        assert visit.plan_page().status_code == 200

        stoppable_postgres.stop()
        stoppable_postgres.start()  # restarted while nobody was using the service
        assert visit.plan_page().status_code == 200

        stoppable_postgres.stop()
        visit.assert_unavailable()
        stoppable_postgres.start()
        visit.assert_available()
    assert "Traceback" not in log.read_text()


def test_sqlite_folder_missing_when_the_server_starts_then_back(tmp_path):
    """SQLite keeps its file open, so a server that has reached it carries on; the case here
    is a server (or a new worker) starting while the database's folder is missing, as with a
    disk not mounted yet, and the folder coming back while it runs."""
    folder = tmp_path / "database"
    folder.mkdir()
    seeded = seed(f"sqlite:///{folder / 'qa_audit.sqlite3'}", tmp_path)
    log = tmp_path / "server.log"
    with AppServer(app_environment(seeded.settings), log) as server:
        server.wait_until_serving()
        visit = Visit(server, seeded)
    away = folder.rename(tmp_path / "database-away")
    with AppServer(app_environment(seeded.settings), log) as server:
        server.wait_until_serving()
        visit.server = server
        visit.assert_unavailable()
        away.rename(folder)
        visit.assert_available()
    assert "Traceback" not in log.read_text()
