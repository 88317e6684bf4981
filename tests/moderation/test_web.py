from datetime import date

import pytest
from markupsafe import escape

from qa_audit.extensions import db
from qa_audit.models import FollowUpAction
from qa_audit.moderation.follow_ups import create_follow_up
from qa_audit.moderation.operations import final_result
from qa_audit.moderation.pairs import pair_for
from qa_audit.sampling.assignment import assign_sample
from qa_audit.sampling.operations import SampleRequest, create_sample
from tests.factories import csrf_token_from, login
from tests.moderation.helpers import default_matrix, submit, submit_with_evidence
from tests.sampling.helpers import autumn_plans

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def test_lead_sees_agreement_and_moderates_a_disagreement(client, make):
    autumn_plans(make, 2)
    lead = make.user("qa_lead")
    auditors = [make.user("auditor", agency="education"), make.user("auditor", agency="health")]
    sample = create_sample(SampleRequest("autumn-2025", percent=100, seed=5), lead)
    assign_sample(sample, auditors, date(2025, 12, 1), double_mark_share=1.0)
    db.session.commit()
    agreeing, disagreeing = (pair_for(m) for m in sorted(sample.members, key=lambda m: m.plan_id))
    submit(agreeing.first, "good")
    submit(agreeing.second, "good")
    submit(disagreeing.first, "good")
    submit(disagreeing.second, "requires-improvement", golden_thread="inadequate")

    login(client, lead)
    page = client.get("/moderation/terms/autumn-2025").get_data(as_text=True)
    assert "Weighted kappa" in page and "Disagree: needs moderation" in page
    url = f"/moderation/pairs/{disagreeing.member.id}"
    form_page = client.get(url).get_data(as_text=True)
    assert form_page.count("Differs") == len(default_matrix().criteria) + 1

    data = {f"final__{c.id}": "good" for c in default_matrix().criteria}
    data |= {
        "final__golden-thread": "requires-improvement",
        "csrf_token": csrf_token_from(client, url),
    }
    refused = client.post(url, data=data)  # no overall grade, no reason
    assert "Select the final overall grade" in refused.get_data(as_text=True)
    forbidden = data | {
        "final__golden-thread": "inadequate",
        "final__overall": "good",
        "reason": "Needs in B lack provision.",
    }
    refused = client.post(url, data=forbidden).get_data(as_text=True)
    assert 'href="#final__overall"' in refused
    assert (
        "The overall grade cannot be Good: it can be no better than Requires improvement because "
        "the key criterion Golden thread is graded Inadequate"
    ) in refused
    assert final_result(disagreeing.member) is None
    data |= {"final__overall": "requires-improvement", "reason": "Needs in B lack provision."}
    assert client.post(url, data=data).status_code == 302
    result = final_result(disagreeing.member)
    assert result.source == "moderated" and result.evaluation.meets_threshold is False
    page = client.get("/moderation/terms/autumn-2025").get_data(as_text=True)
    assert "Moderated" in page and "Disagree: needs moderation" not in page


def test_follow_up_created_and_closed_through_the_pages(client, make):
    autumn_plans(make, 1)
    lead, auditor = make.user("qa_lead"), make.user("auditor")
    sample = create_sample(SampleRequest("autumn-2025", count=1, seed=5), lead)
    (audit,) = assign_sample(sample, [auditor], None)
    submit(audit, "inadequate")
    login(client, lead)
    listing = client.get("/moderation/follow-ups").get_data(as_text=True)
    assert f"/moderation/follow-ups/new/{audit.id}" in listing
    new_url = f"/moderation/follow-ups/new/{audit.id}"
    client.post(
        new_url,
        data={
            "csrf_token": csrf_token_from(client, new_url),
            "kind": "re_audit",
            "owner_id": str(lead.id),
            "due_on": ["31", "1", "2020"],
            "note": "Re-audit after amendment",
        },
    )
    listing = client.get("/moderation/follow-ups").get_data(as_text=True)
    assert "Re-audit after amendment" in listing and "Overdue" in listing
    action_id = int(listing.split("/moderation/follow-ups/")[1].split("/close")[0])
    close_url = f"/moderation/follow-ups/{action_id}/close"
    client.post(close_url, data={"csrf_token": csrf_token_from(client, close_url), "note": "Done"})
    assert "There are no open actions." in client.get("/moderation/follow-ups").get_data(
        as_text=True
    )


def test_moderation_shows_each_auditors_evidence_beside_the_plan_once_both_are_in(client, make):
    (plan,) = autumn_plans(make, 1)
    document = make.document(plan, seed=7)
    lead = make.user("qa_lead")
    auditors = [make.user("auditor", agency="education"), make.user("auditor", agency="health")]
    sample = create_sample(SampleRequest("autumn-2025", percent=100, seed=5), lead)
    assign_sample(sample, auditors, date(2025, 12, 1), double_mark_share=1.0)
    db.session.commit()
    (pair,) = (pair_for(m) for m in sample.members)
    by_agency = {a.id: a.agency for a in auditors}
    first_agency = by_agency[pair.first.auditor_id].capitalize()
    submit_with_evidence(pair.first, "good", "Needs in B are specific", "Clear plan", ["vague"])
    url = f"/moderation/pairs/{pair.member.id}"
    login(client, lead)
    waiting = client.get(url).get_data(as_text=True)
    assert "Both auditors must submit" in waiting
    assert "Needs in B are specific" not in waiting and "Clear plan" not in waiting

    submit_with_evidence(pair.second, "requires-improvement", "Outcomes are vague", "Rework E")
    page = client.get(url).get_data(as_text=True)
    smart = page.split('id="marking-smart-outcomes"')[1].split('class="app-criterion"')[0]
    assert "Needs in B are specific (smart-outcomes)" in smart
    assert "Outcomes are vague (smart-outcomes)" in smart
    assert "Confirmed hints:" in smart and "Vague outcome" in smart
    assert f"{first_agency} auditor" in smart and "Grades differ" in smart
    overall = page.split('id="marking-overall"')[1]
    assert "Clear plan" in overall and "Rework E" in overall
    assert not any(auditor.name in page for auditor in auditors)
    section_a = document.parsed["section_text"]["A"].splitlines()[0]
    assert str(escape(section_a)) in page and 'aria-label="Plan sections"' in page


def test_sen_manager_sees_and_closes_the_actions_they_own_only(app, client, make):
    autumn_plans(make, 2)
    lead, auditor = make.user("qa_lead"), make.user("auditor")
    owner, other = make.user("sen_manager", team="North"), make.user("sen_manager", team="South")
    sample = create_sample(SampleRequest("autumn-2025", count=2, seed=5), lead)
    audits = assign_sample(sample, [auditor], None)
    for audit in audits:
        submit(audit, "inadequate")
    owned = create_follow_up(audits[0], "amend", owner, None, "Rewrite section F")
    create_follow_up(audits[1], "training", lead, None, "Training for the team")
    db.session.commit()

    login(client, owner)
    listing = client.get("/moderation/follow-ups")
    assert listing.status_code == 200
    page = listing.get_data(as_text=True)
    assert "Rewrite section F" in page and "Training for the team" not in page
    assert "/moderation/follow-ups/new/" not in page
    close_url = f"/moderation/follow-ups/{owned.id}/close"
    client.post(close_url, data={"csrf_token": csrf_token_from(client, close_url), "note": "Done"})
    assert db.session.get(FollowUpAction, owned.id).status == "closed"

    other_client = app.test_client()
    login(other_client, other)
    listing = other_client.get("/moderation/follow-ups").get_data(as_text=True)
    assert "Rewrite section F" not in listing
    assert other_client.get(close_url).status_code == 404
