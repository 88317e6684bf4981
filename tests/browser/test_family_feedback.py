"""Family feedback end to end in Chromium: a SEN manager makes a link on the plan's page, the
family answers it on a phone in a browser of its own, and the answer shows on the plan. axe-core
finds no WCAG 2.2 AA problem on the form, the thank-you page or the page of a link that does
not work, nor on the staff page showing a new link and its letter, nor on the page a family
sees when they have sent too many requests."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, sign_in
from tests.factories import PASSWORD
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

PHONE = {"width": 375, "height": 740}
STANDARDS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]


def _axe(page) -> list[dict]:
    """Every violation of WCAG 2.2 A and AA rules axe finds (stricter than "no serious or
    critical ones": none at all)."""
    return axe_violations(page, STANDARDS, kind="tag")


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_family_answers_a_link_made_by_their_sen_manager(browser, csp_free_page, make):
    page = csp_free_page
    plan = make.plan(team="North", reference="EHCP-T-FAMILY")
    manager = make.user("sen_manager", team="North")
    sign_in(page, manager, PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"/plans/{plan.id}")
    page.get_by_role("link", name="What the family said about this plan").click()
    page.get_by_label("Parent or carer").check()
    page.get_by_role("button", name="Make a link").click()
    address = page.locator("#new-link-address").inner_text()
    assert "/tell-us/" in address and plan.reference not in address
    assert _axe(page) == []
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the letter to post with the plan (PDF)").click()
    letter = download.value
    assert letter.suggested_filename.endswith(".pdf")
    with open(letter.path(), "rb") as file:
        assert address in pdf_text(file.read()).replace(" ", "")

    family = browser.new_context(bypass_csp=True, viewport=PHONE, is_mobile=True)
    try:
        phone = family.new_page()
        phone.set_default_timeout(10_000)
        phone.goto(address)
        assert _axe(phone) == []
        assert _fits_the_screen(phone)
        questions = {
            "Does the plan describe the child or young person as they are now?": "Yes",
            "Does the plan reflect their hopes and aspirations for the future?": "Partly",
            "Were you involved as much as you wanted in the assessment or review?": "Don't know",
        }
        for question, choice in questions.items():
            phone.get_by_role("group", name=question).get_by_label(choice, exact=True).check()
        phone.get_by_label("What would have made the plan better?").fill("An earlier meeting.")
        phone.get_by_role("button", name="Send answers").click()
        phone.wait_for_url("**/tell-us/thank-you")
        assert "We have your answers" in phone.locator("main").inner_text()
        assert _axe(phone) == []
        assert _fits_the_screen(phone)

        phone.goto(address)
        assert "already been answered" in phone.locator("main").inner_text()
    finally:
        family.close()

    page.reload()
    answers = page.locator("main").inner_text()
    assert "Parent or carer, online form" in answers
    assert "Partly" in answers and "Don't know" in answers
    assert "An earlier meeting." not in answers  # free text: QA leads only
    assert "Answered" in page.locator("#family-links").inner_text()
    assert _axe(page) == []


def test_a_link_that_does_not_work_passes_axe_on_a_phone(browser, live_server):
    family = browser.new_context(
        base_url=live_server, bypass_csp=True, viewport=PHONE, is_mobile=True
    )
    try:
        phone = family.new_page()
        phone.goto("/tell-us/" + "C" * 43)
        assert "This link cannot be used" in phone.locator("h1").inner_text()
        assert _axe(phone) == []
        assert _fits_the_screen(phone)
    finally:
        family.close()


@pytest.fixture
def one_request_a_minute(app_config):
    app_config.update(RATELIMIT_ENABLED=True, FAMILY_RATE_LIMIT="1 per minute")


def test_too_many_requests_passes_axe_on_a_phone(one_request_a_minute, browser, live_server):
    family = browser.new_context(
        base_url=live_server, bypass_csp=True, viewport=PHONE, is_mobile=True
    )
    try:
        phone = family.new_page()
        phone.goto("/tell-us/" + "D" * 43)
        phone.goto("/tell-us/" + "D" * 43)
        assert "Too many attempts" in phone.locator("h1").inner_text()
        assert "dashboard" not in phone.locator("body").inner_text()
        assert _axe(phone) == []
        assert _fits_the_screen(phone)
    finally:
        family.close()
