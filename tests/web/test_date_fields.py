"""Every date a person types is asked for as GOV.UK day, month and year boxes, never through the
browser's date picker; each page's date is read back from the three boxes."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import FollowUpAction, Plan
from qa_audit.sampling.assignment import assign_sample
from qa_audit.sampling.operations import SampleRequest, create_sample
from tests.factories import csrf_token_from, login
from tests.moderation.helpers import submit
from tests.sampling.helpers import autumn_plans


def _day_month_year(page: str, name: str) -> bool:
    boxes = re.findall(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', page)
    return len(boxes) == 3 and all('type="date"' not in box for box in boxes)


def test_date_fields_are_day_month_year_boxes(client, make):
    autumn_plans(make, 1)
    lead, auditor = make.user("qa_lead"), make.user("auditor")
    plan = db.session.scalars(select(Plan)).first()
    sample = create_sample(SampleRequest("autumn-2025", count=1, seed=5), lead)
    db.session.commit()
    login(client, lead)
    pages = {
        "/plans/upload": "issue_date",
        f"/plans/{plan.id}/edit": "issue_date",
        f"/sampling/samples/{sample.id}": "assign-due_on",
        "/audits/assign": "due_on",
    }
    for url, name in pages.items():
        page = client.get(url).get_data(as_text=True)
        assert 'type="date"' not in page, url
        assert _day_month_year(page, name), url

    (audit,) = assign_sample(sample, [auditor], None)
    submit(audit, "inadequate")
    url = f"/moderation/follow-ups/new/{audit.id}"
    page = client.get(url).get_data(as_text=True)
    assert 'type="date"' not in page and _day_month_year(page, "due_on")
    data = {
        "csrf_token": csrf_token_from(client, url),
        "kind": "amend",
        "owner_id": str(lead.id),
        "due_on": ["31", "3", "2026"],
    }
    assert client.post(url, data=data).status_code == 302
    assert db.session.scalar(select(FollowUpAction.due_on)) == date(2026, 3, 31)
