"""A QA lead runs a term's cycle in the browser: stratified sample, assignment, agreement and
moderation. Auditors' marking (another page) is simulated through the submission operation."""

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import Sample
from qa_audit.moderation.pairs import pair_for
from qa_audit.sampling.operations import SampleRequest, draw_sample
from tests.browser.conftest import sign_in
from tests.factories import PASSWORD
from tests.moderation.helpers import submit
from tests.sampling.helpers import autumn_plans

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def test_lead_draws_assigns_and_moderates(page, make):
    autumn_plans(make, 20)
    lead = make.user("qa_lead", name="Priya Lead")
    make.user("auditor", name="Sam Education", agency="education", team="Inclusion")
    make.user("auditor", name="Jo Health", agency="health")
    sign_in(page, lead, PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Sampling").click()
    page.get_by_role("link", name="Autumn 2025", exact=True).click()

    page.get_by_label("Sample size").fill("25")
    page.get_by_role("group", name="Stratify by (optional)").get_by_label("Team").check()
    page.get_by_label("Leave out plans with no uploaded document").uncheck()
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("heading", name="Preview: 5 of 20 plans")).to_be_visible()
    expect(page.get_by_text("20 plans in the population had no uploaded document")).to_be_visible()
    team_table = page.locator("table", has=page.locator("caption", has_text="Team")).first
    assert "12 (60%)" in team_table.inner_text() and "3 (60%)" in team_table.inner_text()
    seed = int(page.get_by_label("Seed (optional)").input_value())

    page.get_by_role("button", name="Create sample").click()
    expect(
        page.get_by_role("heading", name="Make-up of the sample beside the population")
    ).to_be_visible()
    created = db.session.scalar(select(Sample))
    request = SampleRequest("autumn-2025", percent=25, strata=("team",), seed=seed)
    assert created.seed == seed
    assert sorted(m.plan_id for m in created.members) == draw_sample(request).chosen
    db.session.rollback()  # end the read, so later queries see what the pages store
    page.get_by_role("group", name="Auditors").get_by_label("Sam Education").check()
    page.get_by_role("group", name="Auditors").get_by_label("Jo Health").check()
    due = page.get_by_role("group", name="Due date")
    for box, value in (("Day", "12"), ("Month", "12"), ("Year", "2025")):
        due.get_by_label(box).fill(value)
    page.get_by_label("Percentage to double-mark").fill("40")
    page.get_by_role("button", name="Assign 5 plans").click()
    assert "7 audits assigned." in page.locator(".govuk-notification-banner").inner_text()

    sample = db.session.scalar(select(Sample))
    pairs = [p for p in map(pair_for, sample.members) if p is not None]
    assert len(pairs) == 2
    for pair in pairs:
        submit(pair.first, "good")
    submit(pairs[0].second, "good")
    submit(pairs[1].second, "good", overall="requires-improvement", smart_outcomes="inadequate")

    page.goto("/moderation/terms/autumn-2025")
    agreement = page.locator("#agreement").inner_text()
    assert "SMART outcomes\t2\t50%\t0.00" in agreement
    page.get_by_role("link", name=f"Moderate for {pairs[1].plan.reference}").click()
    page.get_by_role("group", name="Final grade: SMART outcomes").get_by_label(
        "Requires improvement"
    ).check()
    page.get_by_role("group", name="Final overall grade for the plan").get_by_label(
        "Requires improvement"
    ).check()
    page.get_by_label("Reason for the final grades").fill("Outcomes in E have no measures.")
    page.get_by_role("button", name="Save final grades").click()
    assert "Final grades recorded" in page.locator(".govuk-notification-banner").inner_text()
    expect(page.get_by_text("Moderated", exact=True)).to_be_visible()
