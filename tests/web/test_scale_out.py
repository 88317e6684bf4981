"""The scale-out configuration end to end: PostgreSQL, two gunicorn servers (as two machines behind
a load balancer; what they share is what several workers of one server share), Redis for the
analysis queue and the sign-in limit, and a ``qa-audit worker``. Every process is real and talks
over loopback."""

from __future__ import annotations

import subprocess

import pytest
import requests

from qa_audit.synthetic import generate_plan
from tests.app_processes import QA_AUDIT, AppServer, app_environment
from tests.factories import PASSWORD, csrf_token_in

pytestmark = pytest.mark.parametrize("database_url", ["postgres"], indirect=True)

PLAN = generate_plan(5, "conversion", "docx")


def _sign_in(browser: requests.Session, base: str, email: str, password: str) -> int:
    token = csrf_token_in(browser.get(f"{base}/login").text)
    response = browser.post(
        f"{base}/login",
        data={"email": email, "password": password, "csrf_token": token},
        allow_redirects=False,
    )
    return response.status_code


def test_servers_share_sessions_queue_and_sign_in_limit(app_config, make, redis_url, tmp_path):
    manager = make.user("sen_manager", team="North")
    environment = app_environment(
        app_config,
        REDIS_URL=redis_url,
        RATELIMIT_STORAGE_URI=redis_url,
        LOGIN_RATE_LIMIT="3 per minute",
    )
    with (
        AppServer(environment, tmp_path / "first.log") as first_server,
        AppServer(environment, tmp_path / "second.log") as second_server,
    ):
        first, second = first_server.wait_until_serving(), second_server.wait_until_serving()
        browser = requests.Session()

        # Signed in on one server, the session is good on the other (one SECRET_KEY).
        assert _sign_in(browser, first, manager.email, PASSWORD) == 302
        token = csrf_token_in(browser.get(f"{second}/plans/upload").text)
        uploaded = browser.post(
            f"{second}/plans/upload",
            data={"csrf_token": token, "reference": "EHCP-2025-0800", "kind": "conversion"},
            files={"document": ("plan.docx", PLAN.data)},
            allow_redirects=False,
        )
        assert uploaded.status_code == 302, uploaded.text
        plan_page = f"{first}{uploaded.headers['Location']}"
        assert "Pre-flags are being computed" in browser.get(plan_page).text

        # Four sign-in attempts from one address, two on each server: only a limit counted in
        # Redis sees all four and refuses the last.
        attempts = [
            _sign_in(requests.Session(), server, manager.email, "wrong-password")
            for server in (second, first, second)
        ]
        assert attempts == [200, 200, 429]

        worker = subprocess.run(
            [*QA_AUDIT, "worker", "--burst"],
            env=environment,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert worker.returncode == 0, worker.stderr
        response = browser.get(plan_page)
        assert "Pre-flags are being computed" not in response.text
        assert "Conversion template" in response.text
        assert response.headers["Server"] == "gunicorn"  # names no version
