"""The caseworker feedback sheet: content from the settled result, the PDF, who may see it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from qa_audit.audits.operations import submit_audit
from qa_audit.audits.scoring_form import ScoreSheet
from qa_audit.extensions import db
from qa_audit.models import AccessLog
from qa_audit.moderation.follow_ups import create_follow_up
from qa_audit.moderation.operations import record_moderation
from qa_audit.moderation.pairs import pair_for
from qa_audit.sampling.assignment import assign_sample
from qa_audit.sampling.operations import SampleRequest, create_sample
from tests.factories import login
from tests.moderation.helpers import default_matrix, submit
from tests.pdf_text import pdf_text
from tests.sampling.helpers import autumn_plans

EVIDENCE = "Outcome 3 in section E has no measure and no date."
GOOD_SMART = "Most outcomes are SMART; the few that are not lack only a measure or a date"
RI_SMART = "Many outcomes are broad aims"


@pytest.fixture
def audited(make):
    """An ad hoc audit of a North plan: SMART outcomes below the threshold, the rest good."""
    auditor = make.user("auditor")
    plan = make.plan(team="North", caseworker="R. Ahmed")
    audit = make.audit(plan, auditor)
    matrix = default_matrix()
    grades = {c.id: "good" for c in matrix.criteria}
    grades["smart-outcomes"] = "requires-improvement"
    sheet = ScoreSheet(
        grades=grades,
        evidence={"smart-outcomes": EVIDENCE},
        overall="requires-improvement",
        summary="A clear plan; outcomes need measures.",
        strengths="Section A is in the child's own words.",
        to_improve="Add a measure and a date to every outcome.",
    )
    submit_audit(audit, sheet, audit.revision, submitted_at=datetime(2025, 11, 3, tzinfo=UTC))
    create_follow_up(audit, "amend", make.user("sen_manager", team="North"), date(2026, 1, 9), "")
    db.session.commit()
    return {"audit": audit, "auditor": auditor, "plan": plan}


def test_page_gives_judgement_what_to_fix_and_what_was_good(client, audited):
    login(client, audited["auditor"])
    response = client.get(f"/audits/{audited['audit'].id}/feedback")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert audited["plan"].reference in page and "R. Ahmed" in page
    assert "Requires improvement" in page and "does not meet the quality threshold" in page
    fix = page[page.index('id="to-fix"') : page.index('id="good"')]
    assert "SMART outcomes" in fix and EVIDENCE in fix
    assert RI_SMART in fix and GOOD_SMART in fix  # where it is now, and what good looks like
    good = page[page.index('id="good"') : page.index('id="actions"')]
    assert "Golden thread: Good" in good and "SMART outcomes" not in good
    assert "Add a measure and a date to every outcome." in page
    assert "Amend the plan" in page and "9 January 2026" in page
    logged = db.session.scalars(select(AccessLog.action)).all()
    assert "view_feedback" in logged


def test_pdf_holds_the_same_feedback(client, audited):
    login(client, audited["auditor"])
    response = client.get(f"/audits/{audited['audit'].id}/feedback.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reference = audited["plan"].reference
    assert f'filename="feedback-{reference}.pdf"' in response.headers["Content-Disposition"]
    text = pdf_text(response.data)
    for expected in (reference, "What to fix", EVIDENCE, "What good looks like", "Page 1 of"):
        assert expected in text


def test_who_may_see_the_feedback(client, audited, make):
    url = f"/audits/{audited['audit'].id}/feedback"
    for user, status in (
        (make.user("auditor"), 404),  # another auditor
        (make.user("sen_manager", team="South"), 404),  # another team's manager
        (make.user("sen_manager", team="North"), 200),
        (make.user("qa_lead"), 200),
        (make.user("admin"), 403),
    ):
        other = client.application.test_client()
        login(other, user)
        assert other.get(url).status_code == status, user.role


def test_plan_page_links_feedback_for_managers_not_auditors(client, audited, make):
    plan_url = f"/plans/{audited['plan'].id}"
    login(client, make.user("sen_manager", team="North"))
    assert f"/audits/{audited['audit'].id}/feedback" in client.get(plan_url).get_data(as_text=True)
    auditor = client.application.test_client()
    login(auditor, audited["auditor"])
    assert 'id="plan-audits"' not in auditor.get(plan_url).get_data(as_text=True)


def test_double_marked_feedback_waits_for_moderation_then_uses_it(client, make):
    autumn_plans(make, 1)
    first_auditor = make.user("auditor", agency="education")
    second_auditor = make.user("auditor", agency="health")
    lead = make.user("qa_lead")
    sample = create_sample(SampleRequest("autumn-2025", percent=100, seed=5), lead)
    assign_sample(sample, [first_auditor, second_auditor], None, double_mark_share=1.0)
    db.session.commit()
    pair = pair_for(sample.members[0])
    submit(pair.first, "good")
    login(client, lead)
    url = f"/audits/{pair.first.id}/feedback"
    assert 'id="feedback-not-ready"' in client.get(url).get_data(as_text=True)
    assert client.get(url + ".pdf").status_code == 302
    submit(pair.second, "inadequate")
    assert 'id="feedback-not-ready"' in client.get(url).get_data(as_text=True)
    plan_url = f"/plans/{sample.members[0].plan_id}"
    assert "/feedback" not in client.get(plan_url).get_data(as_text=True)  # no sheet to link yet
    final = {c.id: "requires-improvement" for c in default_matrix().criteria}
    record_moderation(pair_for(sample.members[0]), lead, final | {"overall": "inadequate"}, "x")
    db.session.commit()
    assert url in client.get(plan_url).get_data(as_text=True)
    page = client.get(f"/audits/{pair.second.id}/feedback").get_data(as_text=True)
    assert "the grades are the moderator" in page
    assert "<strong>Inadequate</strong>" in page
    assert "Every criterion meets the quality threshold" not in page


def _marking(audit, grade: str, summary: str, evidence: str, overall: str | None = None) -> None:
    matrix = default_matrix()
    sheet = ScoreSheet(
        grades={c.id: grade for c in matrix.criteria},
        evidence={"smart-outcomes": evidence},
        overall=overall or grade,
        summary=summary,
        strengths="Section A is in the child's own words.",
        to_improve="",
    )
    submit_audit(audit, sheet, audit.revision, submitted_at=datetime(2025, 11, 3, tzinfo=UTC))
    db.session.commit()


@pytest.fixture
def double_marked(make):
    autumn_plans(make, 1)
    first = make.user("auditor", name="Ann Teacher", agency="education")
    second = make.user("auditor", name="Bo Nurse", agency="health")
    lead = make.user("qa_lead")
    sample = create_sample(SampleRequest("autumn-2025", percent=100, seed=5), lead)
    assign_sample(sample, [first, second], None, double_mark_share=1.0)
    db.session.commit()
    return {"pair": pair_for(sample.members[0]), "lead": lead, "member": sample.members[0]}


def _sheet_page(client, make, audit) -> str:
    login(client, make.user("qa_lead"))
    return client.get(f"/audits/{audit.id}/feedback").get_data(as_text=True)


def test_settled_sheet_carries_the_standing_text_once_named_by_agency(client, make, double_marked):
    pair = double_marked["pair"]
    _marking(pair.first, "good", "A sound plan overall.", "Outcomes are mostly SMART.")
    _marking(
        pair.second, "requires-improvement", "Outcomes need measures.", "No outcome has a date."
    )
    final = {c.id: "requires-improvement" for c in default_matrix().criteria}
    final["overall"] = "requires-improvement"
    reason = "Section E outcomes lack measures and dates, as the second marking found."
    record_moderation(pair_for(double_marked["member"]), double_marked["lead"], final, reason)
    db.session.commit()
    page = _sheet_page(client, make, pair.first)
    assert page.count(">Summary</h3>") == 1
    assert "<strong>Health auditor:</strong> Outcomes need measures." in page
    assert "A sound plan overall." not in page and "Outcomes are mostly SMART." not in page
    assert "<strong>Evidence (Health auditor):</strong> No outcome has a date." in page
    assert "Moderator&#39;s decision on the grades" in page and reason in page
    assert "<strong>Health auditor:</strong> Section A is in the child&#39;s" in page
    assert page.count("Section A is in the child&#39;s own words.") == 1
    assert "Ann Teacher" not in page and "Bo Nurse" not in page


def test_agreed_sheet_names_each_auditors_differing_text(client, make, double_marked):
    pair = double_marked["pair"]
    _marking(pair.first, "good", "Clear and specific.", "Most outcomes have dates.")
    _marking(pair.second, "good", "Well co-produced.", "Most outcomes have dates.")
    page = _sheet_page(client, make, pair.second)
    assert page.count(">Summary</h3>") == 1
    assert "<strong>Education auditor:</strong> Clear and specific." in page
    assert "<strong>Health auditor:</strong> Well co-produced." in page
    assert page.count("Most outcomes have dates.") == 1
    # both wrote the same strengths: said once, by both
    assert page.count("Section A is in the child&#39;s own words.") == 1
    assert "<strong>Both auditors:</strong> Section A is in the child&#39;s" in page
    assert "Moderator" not in page
