"""Error pages on the pages families open without an account keep the family's layout and offer
no staff dashboard; a bad questions file is one plain sentence on the page, its details in the
log only."""

from __future__ import annotations

import logging

import pytest

from tests.factories import login
from tests.family.helpers import make_link

DASHBOARD = "Go to your dashboard"


@pytest.fixture
def plan(make):
    return make.plan(team="North")


def test_too_many_requests_on_the_family_form_offers_no_dashboard(extra_app, make):
    app = extra_app(RATELIMIT_ENABLED=True, FAMILY_RATE_LIMIT="1 per minute")
    with app.app_context():
        plan = make.plan(team="North")
        staff = app.test_client()
        login(staff, make.user("qa_lead"))
        token = make_link(staff, plan.id)
        family = app.test_client()
        family.get(f"/tell-us/{token}")
        limited = family.get(f"/tell-us/{token}")
    page = limited.get_data(as_text=True)
    assert limited.status_code == 429
    assert "Too many attempts" in page and "You can close this page" in page
    assert DASHBOARD not in page and "/login" not in page
    assert "Your EHC plan: tell us what you think" in page


def test_staff_error_pages_still_offer_the_dashboard(client, make):
    login(client, make.user("qa_lead"))
    page = client.get("/plans/999999").get_data(as_text=True)
    assert DASHBOARD in page and "You can close this page" not in page


def test_a_bad_questions_file_is_one_plain_sentence_for_families_and_staff(
    app, client, make, plan, app_config, tmp_path, caplog
):
    login(client, make.user("qa_lead"))
    token = make_link(client, plan.id)
    broken = tmp_path / "questions.toml"
    broken.write_text('title = "Questions"\n[[questions]\nid = 1\n', encoding="utf-8")
    app.config["FAMILY_QUESTIONS"] = str(broken)
    with caplog.at_level(logging.ERROR):
        answered = app.test_client().get(f"/tell-us/{token}")
        staff = client.get(f"/plans/{plan.id}/family")
    for response in (answered, staff):
        page = response.get_data(as_text=True)
        assert response.status_code == 400
        assert "The feedback questions cannot be shown at the moment." in page
        assert str(tmp_path) not in page and "questions.toml" not in page
        assert "Traceback" not in page
    assert DASHBOARD not in answered.get_data(as_text=True)
    assert str(broken) in caplog.text
    app.config["FAMILY_QUESTIONS"] = str(tmp_path / "missing.toml")
    missing = client.get(f"/plans/{plan.id}/family").get_data(as_text=True)
    assert "missing.toml" not in missing and "cannot be shown at the moment" in missing
