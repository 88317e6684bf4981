"""A QA lead moderates a double-marked plan in Chromium: the plan's text and what each auditor
wrote are side by side, and the page fits the window."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from qa_audit.extensions import db
from qa_audit.moderation.pairs import pair_for
from qa_audit.sampling.assignment import assign_sample
from qa_audit.sampling.operations import SampleRequest, create_sample
from tests.browser.conftest import sign_in
from tests.factories import PASSWORD
from tests.moderation.helpers import submit_with_evidence
from tests.sampling.helpers import autumn_plans

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def test_plan_text_and_both_markings_are_side_by_side(page, make):
    (plan,) = autumn_plans(make, 1)
    make.document(plan, seed=7)
    lead = make.user("qa_lead")
    auditors = [make.user("auditor", agency="education"), make.user("auditor", agency="health")]
    sample = create_sample(SampleRequest("autumn-2025", percent=100, seed=5), lead)
    assign_sample(sample, auditors, date(2025, 12, 1), double_mark_share=1.0)
    db.session.commit()
    (pair,) = (pair_for(m) for m in sample.members)
    submit_with_evidence(pair.first, "good", "Needs are specific", "Clear plan", ["vague"])
    submit_with_evidence(pair.second, "requires-improvement", "Outcomes are vague", "Rework E")
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, lead, PASSWORD)
    page.goto(f"/moderation/pairs/{pair.member.id}")

    plan_text = page.get_by_role("region", name="Plan text")
    markings = page.locator("#marking-smart-outcomes")
    markings.scroll_into_view_if_needed()
    expect(plan_text).to_be_visible()
    expect(markings).to_contain_text("Outcomes are vague (smart-outcomes)")
    expect(markings).to_contain_text("Vague outcome")
    text_box, marking_box = plan_text.bounding_box(), markings.bounding_box()
    assert text_box["x"] + text_box["width"] <= marking_box["x"]  # beside it, on its left
    assert text_box["y"] < marking_box["y"] + marking_box["height"]  # still in view beside it
    assert marking_box["y"] < text_box["y"] + text_box["height"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("navigation", name="Plan sections").get_by_role("link", name="E").click()
    expect(page.locator("#plan-section-E")).to_be_in_viewport()
    expect(page.get_by_role("button", name="Save final grades")).to_be_visible()
    assert problems == []
