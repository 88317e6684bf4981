import pytest
from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.factories import PASSWORD

# The browser reads what the test wrote: one SQLite database is enough here.
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def test_sign_in_and_see_the_dashboard(page, make):
    lead = make.user("qa_lead", name="Priya Lead")
    make.plan()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    sign_in(page, lead, PASSWORD)
    page.wait_for_url("**/")
    expect(page.get_by_role("heading", name="This term's quality assurance")).to_be_visible()
    assert "Priya Lead (QA lead)" in page.locator(".app-header__user").inner_text()
    navigation = page.get_by_role("navigation", name="Menu")
    expect(navigation.get_by_role("link", name="Plans", exact=True)).to_be_visible()
    assert navigation.get_by_role("link", name="Users").count() == 0
    # Strict CSP, yet GOV.UK Frontend's scripts ran: nothing was blocked.
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
    assert errors == []


def test_wrong_password_shows_the_error_summary_and_focuses_it(page, make):
    user = make.user("auditor")
    sign_in(page, user, "not-the-password")
    summary = page.locator(".govuk-error-summary")
    summary.wait_for(state="visible")
    assert "Email address or password is not right" in summary.inner_text()
    assert page.title().startswith("Error: ")


def test_sign_in_with_the_keyboard_only(page, make):
    user = make.user("sen_manager", team="North")
    page.goto("/login")
    page.keyboard.press("Tab")  # skip link
    for _ in range(10):
        if page.evaluate("document.activeElement.id") == "email":
            break
        page.keyboard.press("Tab")
    page.keyboard.type(user.email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/")
    expect(page.get_by_role("heading", name="Your team's plans")).to_be_visible()
