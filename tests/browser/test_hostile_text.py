"""As Chromium renders them: markup in comments, plan text and file names is shown as text and
never becomes an element, and ``next`` tricks at sign-in never leave the site."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect

from qa_audit.extensions import db
from tests.browser.conftest import sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

SCRIPT = '<script>window.injected=1</script><img src="x" id="injected" onerror="window.injected=1">'
FILE_NAME = '<img src="x" id="injected" onerror="window.injected=1">.docx'


def _injected(page) -> bool:
    found = "document.querySelectorAll('#injected, img[src=\"x\"]').length > 0"
    return page.evaluate(f"Boolean(window.injected) || {found}")


def test_markup_in_comments_plan_text_and_file_names_stays_text(page, make):
    auditor = make.user("auditor")
    plan = make.plan(reference="EHCP-T-HOSTILE")
    document = make.document(plan)
    document.original_name = FILE_NAME
    document.parsed = {**document.parsed, "section_text": {"A": SCRIPT, "E": "She will swim."}}
    db.session.commit()
    audit = make.audit(plan, auditor, document_id=document.id, status="draft", summary=SCRIPT)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    sign_in(page, auditor, PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"/audits/{audit.id}")
    assert page.locator("#summary").input_value() == SCRIPT
    assert SCRIPT in page.locator(".app-plan-text").inner_text()
    assert not _injected(page)
    page.goto(f"/plans/{plan.id}")
    assert FILE_NAME in page.locator("main").inner_text()
    assert not _injected(page)
    assert errors == []


@pytest.mark.parametrize(
    "target", ["//evil.example/", "/\\evil.example", "https:evil.example", "/\t/evil.example"]
)
def test_next_tricks_at_sign_in_stay_on_the_site(page, live_server, make, target):
    user = make.user("qa_lead")
    page.goto(f"/login?next={quote(target, safe='')}")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).netloc == urlsplit(live_server).netloc
    expect(page.get_by_role("heading", name="This term's quality assurance")).to_be_visible()
