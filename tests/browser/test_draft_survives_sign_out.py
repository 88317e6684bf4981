"""Typing survives the session ending: the page says so, and the text comes back after signing
in again, from the copy kept in the browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def test_typed_text_survives_a_session_expiry(page, make):
    auditor = make.user("auditor")
    audit = make.audit(make.plan(), auditor)
    sign_in(page, auditor, PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"/audits/{audit.id}")
    page.locator("#summary").fill("Typed before the session ended.")

    page.context.clear_cookies()  # the session expires
    page.evaluate("window.dispatchEvent(new Event('pagehide'))")
    status = page.locator("#draft-status")
    status.get_by_text("Sign in again in another tab").wait_for()

    sign_in(page, auditor, PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"/audits/{audit.id}")
    expect(page.locator("#draft-restored")).to_be_visible()
    assert page.locator("#summary").input_value() == "Typed before the session ended."
