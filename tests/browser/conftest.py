"""End-to-end tests in real headless Chromium (Debian's ``chromium``) driven by Playwright,
against the app served on a loopback port, with the SQLite database the test writes to."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator

import pytest
from werkzeug.serving import make_server

from qa_audit.config import project_root

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("QA_AUDIT_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium is required for this run but {CHROMIUM} is missing")
        pytest.skip("Chromium is not installed")
    if not (project_root() / "static" / "build" / "app.css").exists():
        pytest.fail("The stylesheet is not built: run `npm ci && npm run build` (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def live_server(app) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def csp_free_page(browser, live_server):
    """A page that may run axe-core, which is injected as a script the app's CSP would block."""
    context = browser.new_context(base_url=live_server, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def axe_violations(page, values: list[str], kind: str = "rule") -> list[dict]:
    """Run axe-core (from npm, as the stylesheet's build installs it) on the page for the
    rules, or with ``kind="tag"`` the standards (such as "wcag2aa"), named in ``values``; each
    violation with the nodes that break it."""
    script = project_root() / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        pytest.fail("axe-core is not installed: run `npm ci` (make test does)")
    page.add_script_tag(path=str(script))
    options = {"runOnly": {"type": kind, "values": values}}
    result = page.evaluate("options => axe.run(document, options)", options)
    return [
        {"rule": v["id"], "nodes": [n["html"] for n in v["nodes"]]} for v in result["violations"]
    ]


def sign_in(page, user, password: str) -> None:
    page.goto("/login")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
