"""In Chromium: an auditor opens the advice assigned to them, sees its recommendations and
hints beside the form, submits it half-filled (told what is missing), saves a draft and then
submits it; every state of the page passes axe-core's WCAG 2.2 AA rules."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from qa_audit.extensions import db
from qa_audit.models import AdviceAudit
from tests.advice_quality.conftest import VAGUE, add_advice, advice_matrix, draw
from tests.browser.conftest import axe_violations, sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
RULES = ["wcag2a", "wcag2aa", "wcag22aa"]


def test_scoring_advice_in_the_browser_is_accessible(csp_free_page, make):
    page = csp_free_page
    auditor = make.user("auditor", agency="health")
    plan = make.plan(reference="EHCP-T-BROWSER")
    add_advice(plan.id)
    [audit] = draw({"Speech and Language Therapist": auditor}).audits
    sign_in(page, auditor, PASSWORD)
    page.wait_for_url("**/")
    page.get_by_role("link", name="Advice audits", exact=True).click()
    page.wait_for_selector("table#advice-audits")
    assert axe_violations(page, RULES, kind="tag") == []

    page.get_by_role("link", name="Score Speech and Language Therapist advice").click()
    page.wait_for_url(f"**/advice-quality/{audit.id}")
    expect(page.locator("#recommendations")).to_contain_text(VAGUE)
    expect(page.locator("#hints-quantified")).to_contain_text("Recommendation not quantified")
    assert axe_violations(page, RULES, kind="tag") == []

    specific = page.get_by_role("group", name="Needs described specifically")
    specific.get_by_label("Met", exact=True).check()
    page.get_by_role("button", name="Submit audit").click()
    page.wait_for_selector(".govuk-error-summary")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select a grade for On time")
    expect(specific.get_by_label("Met", exact=True)).to_be_checked()
    assert axe_violations(page, RULES, kind="tag") == []

    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft saved at")).to_be_visible()
    for criterion in advice_matrix().criteria:
        page.get_by_role("group", name=criterion.title).get_by_label("Met", exact=True).check()
    page.get_by_label("Summary for the service that gave the advice").fill("Clear and specific.")
    page.get_by_role("button", name="Submit audit").click()
    expect(page.locator("#judgement")).to_contain_text("Meets the quality threshold")
    assert axe_violations(page, RULES, kind="tag") == []
    db.session.expire_all()
    saved = db.session.get_one(AdviceAudit, audit.id)
    assert (saved.status, saved.meets_threshold) == ("submitted", True)
