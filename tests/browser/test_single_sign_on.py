"""The single sign-on button in Chromium: the app served on loopback sends the browser to the
OpenID Connect provider process (``tests/oidc_provider.py``), which sends it back signed in."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from tests.browser.conftest import axe_violations
from tests.oidc_provider import oidc_provider
from tests.services import free_port

# The browser reads what the test wrote: one SQLite database is enough here.
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture(scope="module")
def app_port() -> int:
    """Known before the provider starts: it only sends people back to this app's callback."""
    return free_port()


@pytest.fixture(scope="module")
def provider(app_port):
    with oidc_provider(f"http://127.0.0.1:{app_port}/login/sso/callback") as running:
        yield running


@pytest.fixture
def sso_server(app_config, provider, app_port) -> Iterator[str]:
    """Single sign-on on, passwords off, in the settings the ``app`` fixture then builds with."""
    app_config.update(
        OIDC_ISSUER_URL=provider.issuer,
        OIDC_CLIENT_ID=provider.client_id,
        OIDC_CLIENT_SECRET=provider.client_secret,
        OIDC_PROVIDER_NAME="Test Council",
        PASSWORD_SIGN_IN=False,
    )
    yield f"http://127.0.0.1:{app_port}"


@pytest.fixture
def served(sso_server, app, app_port) -> Iterator[str]:
    server = make_server("127.0.0.1", app_port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield sso_server
    server.shutdown()
    thread.join(timeout=5)


def test_the_button_signs_in_through_the_provider(browser, served, make, provider):
    lead = make.user("qa_lead", name="Priya Lead", email="priya.lead@council.example")
    provider.sign_in_as(sub="s-1", email="Priya.Lead@council.example", email_verified=True)
    context = browser.new_context(base_url=served)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto("/plans/")
    expect(page.get_by_label("Password", exact=True)).to_have_count(0)  # passwords are off
    page.get_by_role("button", name="Sign in with Test Council").click()
    page.wait_for_url("**/plans/")
    assert f"{lead.name} (QA lead)" in page.locator(".app-header__user").inner_text()
    assert errors == []
    context.close()


def test_the_sign_in_page_with_only_single_sign_on_passes_axe(browser, served):
    context = browser.new_context(base_url=served, bypass_csp=True)
    page = context.new_page()
    page.goto("/login")
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []
    context.close()
