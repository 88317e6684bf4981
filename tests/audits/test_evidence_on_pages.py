"""The words each pre-flag points at are marked in the statement on the plan and scoring pages."""

from __future__ import annotations

from qa_audit.extensions import db
from tests.factories import login

MARKED = '<mark class="app-evidence">improve his communication</mark>'


def test_scoring_page_marks_the_evidence_in_the_flagged_statement(client, world):
    login(client, world.auditor)
    page = client.get(f"/audits/{world.audit.id}").get_data(as_text=True)
    assert f'<q class="app-flag">Ravi will {MARKED}.</q>' in page
    provision = '<mark class="app-evidence">as required</mark>.</q>'
    assert f"Access to speech and language therapy {provision}" in page


def test_plan_page_marks_the_evidence_in_the_outcome_and_provision(client, make, world):
    world.document.parsed = {
        "section_text": {"E": "Ravi will improve his communication."},
        "sections": {"E": True},
        "outcomes": [{"text": "Ravi will improve his communication.", "need": "", "provision": ""}],
        "template": {"kind": "current", "evidence": []},
    }
    db.session.commit()
    login(client, make.user("qa_lead"))
    page = client.get(f"/plans/{world.plan.id}").get_data(as_text=True)
    assert f"Ravi will {MARKED}." in page
    assert 'Access to speech and language therapy <mark class="app-evidence">as required' in page
