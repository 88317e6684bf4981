"""Annual-review samples: drawn from the caseload extract's amended plans and phase transfers,
stored as review samples and offered on the sampling page."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import Sample
from qa_audit.sampling.operations import SampleRequest, create_sample, draw_sample
from tests.factories import csrf_token_from, login
from tests.timeliness.test_measures import load

TERM_URL = "/sampling/terms/autumn-2025"


def review(ref: str, meeting: str, decision: str) -> str:
    return f"{ref},,,no,2024-11-01,{meeting},{meeting},{decision},no,,"


def transfer(ref: str, deadline: str, amended: str = "") -> str:
    return f"{ref},,,no,,,,,yes,{deadline},{amended}"


@pytest.fixture
def extract_plans(make):
    plans = {ref: make.plan(reference=ref, kind="new") for ref in ("A-1", "B-2", "C-3", "E-5")}
    plans["F-6"] = make.plan(reference="F-6", kind="new")
    load(
        review("A-1", "2025-10-10", "amend"),  # amended after a review in autumn 2025
        review("B-2", "2025-10-10", "maintain"),
        review("C-3", "2026-01-10", "amend"),  # spring
        review("D-4", "2025-11-03", "amend"),  # not a plan in the tool
        transfer("E-5", "2025-12-01", "2025-11-20"),
        transfer("F-6", "2025-12-01"),  # amended plan not issued yet
    )
    return plans


def test_amended_population_is_reviews_in_the_term_that_decided_to_amend(extract_plans, make):
    lead = make.user("qa_lead")
    request = SampleRequest("autumn-2025", percent=100, seed=1, draws_from="amended")
    drawn = draw_sample(request)
    assert drawn.chosen == [extract_plans["A-1"].id]
    assert drawn.method["not_in_tool"] == 1 and drawn.method["kinds"] == ["amended"]
    sample = create_sample(request, lead)
    db.session.commit()
    assert sample.kind == "review" and sample.method["draws_from"] == "amended"
    assert "amended after an annual review held in Autumn 2025" in sample.description
    assert "1 plan in the extract are not in the tool" in sample.description
    with pytest.raises(QaAuditError, match="already has a sample of plans amended"):
        create_sample(request, lead)
    db.session.rollback()
    # the headline random sample of issued plans is still open to draw
    headline = create_sample(SampleRequest("autumn-2025", percent=100, seed=1), lead)
    assert headline.kind == "random" and len(headline.members) == 5


def test_phase_transfer_population_leaves_out_plans_not_yet_issued(extract_plans):
    request = SampleRequest("autumn-2025", percent=100, seed=1, draws_from="phase_transfer")
    drawn = draw_sample(request)
    assert drawn.chosen == [extract_plans["E-5"].id]
    assert drawn.method["not_issued"] == 1
    with pytest.raises(QaAuditError, match="No plans of this population are left"):
        draw_sample(SampleRequest("summer-2025", count=1, seed=1, draws_from="phase_transfer"))
    with pytest.raises(QaAuditError, match="Choose one of the listed populations"):
        draw_sample(SampleRequest("autumn-2025", count=1, draws_from="everything"))


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_sampling_page_offers_the_review_populations(client, make, extract_plans):
    login(client, make.user("qa_lead"))
    page = client.get(TERM_URL).get_data(as_text=True)
    assert "Plans amended after an annual review in the term" in page
    data = {
        "csrf_token": csrf_token_from(client, TERM_URL),
        "draws_from": "amended",
        "size_by": "count",
        "size": "1",
        "action": "create",
    }
    answer = client.post(TERM_URL, data=data)
    assert answer.status_code == 302
    sample = db.session.scalars(select(Sample)).one()
    assert sample.kind == "review" and [m.plan_id for m in sample.members] == [
        extract_plans["A-1"].id
    ]
    html = client.get(TERM_URL).get_data(as_text=True)
    assert "Annual review: reported separately" in html
    shown = client.get(f"/sampling/samples/{sample.id}").get_data(as_text=True)
    assert "each plan counting as amended after an annual review" in shown
    refused = client.post(TERM_URL, data={**data, "draws_from": "issued"})
    assert "Choose at least one kind of plan" in refused.get_data(as_text=True)
