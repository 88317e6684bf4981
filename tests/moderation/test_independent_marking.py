"""The scoring page of a double-marked plan: the other auditor's grades stay hidden until both
audits are submitted, for the auditors and for a QA lead who is one of the two markers."""

from datetime import date

import pytest

from qa_audit.extensions import db
from qa_audit.sampling.assignment import assign_sample
from qa_audit.sampling.operations import SampleRequest, create_sample
from tests.factories import login
from tests.moderation.helpers import submit
from tests.sampling.helpers import autumn_plans

HIDDEN = "Their grades are shown here once both audits are submitted"


@pytest.fixture
def pair(make):
    """One plan double-marked by an auditor and by a QA lead."""
    autumn_plans(make, 1)
    auditor = make.user("auditor", agency="education")
    lead = make.user("qa_lead", agency="health")
    sample = create_sample(SampleRequest("autumn-2025", percent=100, seed=3), lead)
    first, second = assign_sample(sample, [auditor, lead], date(2025, 12, 1), double_mark_share=1.0)
    db.session.commit()
    return {"auditor": auditor, "lead": lead, "first": first, "second": second}


def _page(client, audit):
    return client.get(f"/audits/{audit.id}")


def test_other_grades_are_hidden_until_both_are_submitted(client, pair):
    first, second = pair["first"], pair["second"]
    mine, lead_audit = (
        (first, second) if first.auditor_id == pair["auditor"].id else (second, first)
    )
    submit(mine, "good")
    login(client, pair["auditor"])
    page = _page(client, mine).get_data(as_text=True)
    assert "Double-marked plan" in page and HIDDEN in page
    assert 'id="double-marking-table"' not in page

    client = client.application.test_client()
    login(client, pair["lead"])
    assert _page(client, mine).status_code == 404  # the lead marks it too: not yet
    submit(lead_audit, "requires-improvement")
    page = _page(client, mine)
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert 'id="double-marking-table"' in text and "Differs" in text
    assert "Moderate this plan" in text


def test_a_lead_who_is_not_a_marker_sees_the_audit_but_not_the_other_grades(client, pair, make):
    submit(pair["first"], "good")
    login(client, make.user("qa_lead"))
    text = _page(client, pair["first"]).get_data(as_text=True)
    assert HIDDEN in text and 'id="double-marking-table"' not in text
