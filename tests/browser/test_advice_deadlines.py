"""In Chromium: a SEN manager records a request for advice, sees it overdue on the plan's
advice page and on the advice deadlines page; both pages, and the request refused for a
missing date, pass axe-core's WCAG 2.2 AA rules."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
RULES = ["wcag2a", "wcag2aa", "wcag22aa"]


def test_a_request_recorded_in_the_browser_shows_overdue_and_accessible(csp_free_page, make):
    page = csp_free_page
    plan = make.plan(reference="EHCP-T-DEADLINE", team="North")
    sign_in(page, make.user("sen_manager", team="North"), PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"/plans/{plan.id}/advice")
    page.get_by_label("Who the advice was asked of").select_option("Speech and Language Therapist")
    page.get_by_role("button", name="Record the request").click()
    page.wait_for_selector(".govuk-error-summary")
    assert "Enter the date the advice was requested" in page.content()
    assert axe_violations(page, RULES, kind="tag") == []

    requested = page.get_by_role("group", name="Date the advice was requested", exact=True)
    requested.get_by_label("Day").fill("1")
    requested.get_by_label("Month").fill("9")
    requested.get_by_label("Year").fill("2025")
    page.get_by_role("button", name="Record the request").click()
    page.wait_for_selector("#awaited")
    assert "the advice is due by 13 October 2025" in page.content()
    assert "overdue" in page.locator("#awaited").inner_text()
    assert axe_violations(page, RULES, kind="tag") == []

    page.get_by_role("link", name="Overdue advice for all plans").click()
    page.wait_for_selector("table#overdue")
    row = page.locator("table#overdue tbody tr").first.inner_text()
    assert "EHCP-T-DEADLINE" in row and "Speech and Language Therapist" in row
    assert axe_violations(page, RULES, kind="tag") == []
