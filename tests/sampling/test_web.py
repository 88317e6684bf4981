import re

import pytest
from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import Audit, Sample
from qa_audit.sampling.operations import SampleRequest, draw_sample
from tests.factories import csrf_token_from, login
from tests.sampling.helpers import autumn_plans

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
TERM_URL = "/sampling/terms/autumn-2025"


@pytest.fixture
def lead(client, make):
    user = make.user("qa_lead")
    login(client, user)
    return user


def draw_form(client, action, **fields):
    data = {
        "csrf_token": csrf_token_from(client, TERM_URL),
        "size_by": "percent",
        "size": "25",
        "kinds": "new",
        "strata": ["team"],
        "action": action,
        **fields,
    }
    return client.post(TERM_URL, data=data)


def test_preview_then_create_gives_the_previewed_sample(client, make, lead):
    plans = autumn_plans(make, 20)
    preview = draw_form(client, "preview")
    html = preview.get_data(as_text=True)
    assert "Preview: 5 of 20 plans" in html
    assert "Population" in html and "North" in html
    seed = re.search(r"Seed (\d+)\. Nothing is saved", html).group(1)
    assert db.session.scalar(select(Sample)) is None
    created = draw_form(client, "create", seed=seed)
    assert created.status_code == 302
    sample = db.session.scalar(select(Sample))
    assert sample.seed == int(seed) and len(sample.members) == 5
    page = client.get(created.headers["Location"]).get_data(as_text=True)
    assert "Make-up of the sample beside the population" in page
    assert "Random: counts in headline figures" in page
    references = {p.id: p.reference for p in plans}
    assert all(references[m.plan_id] in page for m in sample.members)


def _rendered_value(html: str, name: str) -> str:
    found = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert found, name
    value = re.search(r'value="([^"]*)"', found.group(0))
    return value.group(1) if value else ""


def test_create_after_preview_stores_the_plans_previewed(client, make, lead):
    autumn_plans(make, 20)
    html = draw_form(client, "preview").get_data(as_text=True)  # seed left blank
    seed = re.search(r"Seed (\d+)\. Nothing is saved", html).group(1)
    assert _rendered_value(html, "seed") == seed
    previewed = draw_sample(
        SampleRequest("autumn-2025", percent=25, strata=("team",), seed=int(seed))
    ).chosen
    # "Create sample" posts the form as the preview left it
    fields = {"seed": seed, "previewed": _rendered_value(html, "previewed")}
    assert draw_form(client, "create", **fields).status_code == 302
    sample = db.session.scalar(select(Sample))
    assert sorted(m.plan_id for m in sample.members) == previewed


def test_create_refuses_a_sample_that_changed_since_the_preview(client, make, lead):
    autumn_plans(make, 20)
    html = draw_form(client, "preview").get_data(as_text=True)
    fields = {
        "seed": _rendered_value(html, "seed"),
        "previewed": _rendered_value(html, "previewed"),
    }
    refused = draw_form(client, "create", **(fields | {"size": "50"}))
    page = refused.get_data(as_text=True)
    assert "The sample would differ from the preview" in page
    assert "Preview: 10 of 20 plans" in page  # the new preview, to check and create
    assert db.session.scalar(select(Sample)) is None


def test_term_with_a_headline_sample_refuses_a_second_draw(client, make, lead):
    autumn_plans(make, 4)
    assert draw_form(client, "create").status_code == 302
    page = client.get(TERM_URL).get_data(as_text=True)
    assert "headline random sample of issued plans has been drawn" in page
    assert "Phase transfers due in the term" in page  # review samples can still be drawn
    refused = draw_form(client, "create").get_data(as_text=True)
    assert "already has a headline random sample" in refused
    assert len(db.session.scalars(select(Sample)).all()) == 1


def test_missing_size_shows_the_error_summary(client, make, lead):
    autumn_plans(make, 3)
    response = draw_form(client, "create", size="")
    html = response.get_data(as_text=True)
    assert "govuk-error-summary" in html and "Enter the sample size" in html
    assert db.session.scalar(select(Sample)) is None


def test_targeted_sample_is_labelled_separate(client, make, lead):
    make.plan(kind="conversion")
    response = client.post(
        f"{TERM_URL}/targeted",
        data={"csrf_token": csrf_token_from(client, TERM_URL), "rule": "conversion_template"},
    )
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Targeted: reported separately" in page and "never count in the headline" in page


def test_assign_and_hand_changes_through_the_sample_page(client, make, lead):
    autumn_plans(make, 4)
    make.plan(reference="EHCP-HAND-1", issue_date=None)
    auditors = [make.user("auditor", team="Health"), make.user("auditor", team="Care")]
    draw_form(client, "create", size="100", strata=[])
    sample = db.session.scalar(select(Sample))
    url = f"/sampling/samples/{sample.id}"
    token = csrf_token_from(client, url)
    refused = client.post(
        f"{url}/add", data={"csrf_token": token, "add-reference": "NOPE-1", "add-reason": "x"}
    )
    assert "There is no plan with the reference NOPE-1" in refused.get_data(as_text=True)
    client.post(
        f"{url}/add",
        data={"csrf_token": token, "add-reference": "EHCP-HAND-1", "add-reason": "Complaint"},
    )
    response = client.post(
        f"{url}/assign",
        data={
            "csrf_token": token,
            "assign-auditors": [str(a.id) for a in auditors],
            "assign-due_on": ["12", "12", "2025"],
            "assign-avoid_own_team": "y",
            "assign-double_mark_percent": "40",
        },
    )
    assert response.status_code == 302
    audits = db.session.scalars(select(Audit).where(Audit.sample_id == sample.id)).all()
    assert len(audits) == 5 + 2  # 40% of 5 plans double-marked
    page = client.get(url).get_data(as_text=True)
    assert "Added by hand: Complaint" in page and "Double-marked" in page
    assert "Every plan in this sample is assigned." in page
