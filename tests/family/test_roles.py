"""Who may make links, withdraw them, record answers and read what families wrote: SEN
managers for their team's plans and QA leads; not auditors or administrators. Free text is
for QA leads only."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import AccessLog, FamilyLink, FamilyResponse
from tests.factories import csrf_token_from, login
from tests.family.helpers import ANSWERS, COMMENT, answer, make_link

ROUTES = [
    ("GET", "/plans/{plan_id}/family"),
    ("POST", "/plans/{plan_id}/family"),
    ("POST", "/plans/{plan_id}/family/withdraw"),
    ("GET", "/plans/{plan_id}/family/record"),
    ("POST", "/plans/{plan_id}/family/record"),
]


def _send(client, method: str, address: str, data: dict):
    if method == "GET":
        return client.get(address)
    return client.post(address, data={**data, "csrf_token": csrf_token_from(client, "/")})


@pytest.mark.parametrize("role", ["auditor", "admin"])
@pytest.mark.parametrize(("method", "route"), ROUTES)
def test_auditors_and_administrators_are_refused(client, make, role, method, route):
    plan = make.plan(team="North")
    user = make.user(role, team="North")
    if role == "auditor":
        make.audit(plan, user)  # even the plan's own auditor
    login(client, user)
    data = {"respondent": "parent", "how": "phone", "link_id": "1", **ANSWERS}
    assert _send(client, method, route.format(plan_id=plan.id), data).status_code == 403
    assert db.session.scalars(select(FamilyLink)).all() == []
    assert db.session.scalars(select(FamilyResponse)).all() == []
    assert "What the family said" not in client.get(f"/plans/{plan.id}").get_data(as_text=True)


@pytest.mark.parametrize(("method", "route"), ROUTES)
def test_a_sen_manager_only_for_their_teams_plans(client, make, method, route):
    plan = make.plan(team="North")
    login(client, make.user("sen_manager", team="South"))
    data = {"respondent": "parent", "how": "phone", "link_id": "1", **ANSWERS}
    assert _send(client, method, route.format(plan_id=plan.id), data).status_code == 404
    assert db.session.scalars(select(FamilyLink)).all() == []
    assert db.session.scalars(select(FamilyResponse)).all() == []
    refused = db.session.scalars(select(AccessLog).where(AccessLog.action == "refused")).all()
    assert [(e.object_type, e.object_id) for e in refused] == [("plan", plan.id)]


@pytest.mark.parametrize("role", ["sen_manager", "qa_lead"])
def test_sen_managers_and_qa_leads_make_links_from_the_plan_page(client, make, role):
    plan = make.plan(team="North")
    login(client, make.user(role, team="North"))
    page = client.get(f"/plans/{plan.id}").get_data(as_text=True)
    assert f'href="/plans/{plan.id}/family"' in page
    make_link(client, plan.id, "young_person")
    link = db.session.scalars(select(FamilyLink)).one()
    assert (link.plan_id, link.respondent) == (plan.id, "young_person")


def test_a_caseworker_records_an_answer_given_by_phone(client, make):
    plan = make.plan(team="North")
    login(client, make.user("sen_manager", team="North"))
    sent = _send(
        client,
        "POST",
        f"/plans/{plan.id}/family/record",
        {"respondent": "parent", "how": "phone", **ANSWERS, "q_better": ""},
    )
    assert sent.status_code == 302
    response = db.session.scalars(select(FamilyResponse)).one()
    assert (response.plan_id, response.link_id, response.how, response.respondent) == (
        plan.id,
        None,
        "phone",
        "parent",
    )
    assert response.comments == {}
    page = client.get(f"/plans/{plan.id}/family").get_data(as_text=True)
    assert "Parent or carer, by phone" in page


def test_a_recorded_answer_must_say_how_it_was_given(client, make):
    plan = make.plan(team="North")
    login(client, make.user("sen_manager", team="North"))
    sent = _send(
        client, "POST", f"/plans/{plan.id}/family/record", {"respondent": "parent", **ANSWERS}
    )
    assert sent.status_code == 200
    assert "Choose whether the answer was given by phone or on paper" in sent.get_data(as_text=True)
    assert db.session.scalars(select(FamilyResponse)).all() == []


def test_what_families_wrote_is_shown_to_qa_leads_only(app, client, make):
    plan = make.plan(team="North")
    manager = make.user("sen_manager", team="North")
    login(client, manager)
    answer(app.test_client(), make_link(client, plan.id))
    managers_page = client.get(f"/plans/{plan.id}/family").get_data(as_text=True)
    assert "Partly" in managers_page and COMMENT not in managers_page
    lead = app.test_client()
    login(lead, make.user("qa_lead"))
    assert COMMENT in lead.get(f"/plans/{plan.id}/family").get_data(as_text=True)


def test_a_response_keeps_nothing_but_the_plan_who_how_when_and_the_answers():
    columns = {column.name for column in FamilyResponse.__table__.columns}
    assert columns == {
        "id",
        "plan_id",
        "link_id",
        "respondent",
        "how",
        "answers",
        "comments",
        "answered_at",
    }
