"""Single-use feedback links: made by SEN managers (their team's plans) and QA leads, answered
once without an account; used, expired, withdrawn, unknown and another plan's links refused
with a plain page and an access-log entry; guessing bounded by a limit on failed links."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.family.links import answer_through_link
from qa_audit.models import AccessLog, FamilyLink, FamilyResponse
from qa_audit.models._base import utcnow
from tests.factories import csrf_token_from, login
from tests.family.helpers import COMMENT, answer, make_link

NOT_WORKING = "This link cannot be used"


@pytest.fixture
def sen_manager(make):
    return make.user("sen_manager", team="North")


@pytest.fixture
def plan(make):
    return make.plan(team="North", reference="EHCP-T-FAM01")


def _refusals() -> list[tuple]:
    rows = db.session.scalars(
        select(AccessLog).where(AccessLog.action == "family_link_refused").order_by(AccessLog.id)
    )
    return [(e.object_type, e.object_id, e.detail) for e in rows]


def _only_link() -> FamilyLink:
    db.session.expire_all()
    return db.session.scalars(select(FamilyLink)).one()


def test_a_link_is_answered_once_without_an_account(app, client, sen_manager, plan):
    login(client, sen_manager)
    token = make_link(client, plan.id, "parent")
    link = _only_link()
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in repr([(c.name, getattr(link, c.name)) for c in link.__table__.c])

    family = app.test_client()
    form = family.get(f"/tell-us/{token}")
    page = form.get_data(as_text=True)
    assert form.status_code == 200
    assert "Does the plan describe the child or young person as they are now?" in page
    assert "Don&#39;t know" in page and plan.reference not in page
    sent = answer(family, token)
    assert sent.status_code == 302 and sent.headers["Location"] == "/tell-us/thank-you"
    assert "We have your answers" in family.get("/tell-us/thank-you").get_data(as_text=True)

    response = db.session.scalars(select(FamilyResponse)).one()
    assert (response.plan_id, response.link_id, response.respondent, response.how) == (
        plan.id,
        link.id,
        "parent",
        "online",
    )
    assert response.answers == {
        "describes_now": "yes",
        "aspirations": "partly",
        "involved": "dont_know",
    }
    assert response.comments == {"better": COMMENT}

    again = family.get(f"/tell-us/{token}")
    assert again.status_code == 200
    assert "already been answered" in again.get_data(as_text=True)
    resent = answer(app.test_client(), token, q_describes_now="no")
    assert resent.status_code == 200 and "already been answered" in resent.get_data(as_text=True)
    assert db.session.scalars(select(FamilyResponse)).all() == [response]
    assert response.answers["describes_now"] == "yes"
    assert _refusals() == [("family_link", link.id, "answered")] * 2


def test_an_answer_missing_a_question_is_asked_again(app, client, sen_manager, plan):
    login(client, sen_manager)
    token = make_link(client, plan.id)
    family = app.test_client()
    sent = answer(family, token, q_involved="")
    assert sent.status_code == 200
    assert "Choose an answer to this question" in sent.get_data(as_text=True)
    assert db.session.scalars(select(FamilyResponse)).all() == []
    assert _only_link().used_at is None


def test_an_expired_link_gets_the_plain_page(app, client, sen_manager, plan):
    login(client, sen_manager)
    token = make_link(client, plan.id)
    link = _only_link()
    link.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    family = app.test_client()
    page = family.get(f"/tell-us/{token}")
    assert page.status_code == 404
    text = page.get_data(as_text=True)
    assert NOT_WORKING in text and plan.reference not in text and "expired" not in text
    assert _refusals() == [("family_link", link.id, "expired")]


def test_links_expire_after_the_configured_weeks(app, client, sen_manager, plan):
    app.config["FAMILY_LINK_WEEKS"] = 8
    login(client, sen_manager)
    make_link(client, plan.id)
    link = _only_link()
    assert link.expires_at - link.created_at == timedelta(weeks=8)


def test_a_withdrawn_link_stops_working(app, client, sen_manager, plan):
    login(client, sen_manager)
    token = make_link(client, plan.id)
    link = _only_link()
    csrf = csrf_token_from(client, f"/plans/{plan.id}/family")
    withdrawn = client.post(
        f"/plans/{plan.id}/family/withdraw",
        data={"link_id": link.id, "csrf_token": csrf},
        follow_redirects=True,
    )
    assert "The link is withdrawn" in withdrawn.get_data(as_text=True)
    assert "Withdrawn" in withdrawn.get_data(as_text=True)
    family = app.test_client()
    assert family.get(f"/tell-us/{token}").status_code == 404
    assert answer(app.test_client(), token).status_code == 404
    assert db.session.scalars(select(FamilyResponse)).all() == []
    assert _refusals() == [("family_link", link.id, "withdrawn")] * 2


def test_an_unknown_token_gets_the_same_plain_page(app, client):
    for guess in ("A" * 43, "not-a-token", "x" * 500):
        page = client.get(f"/tell-us/{guess}")
        assert page.status_code == 404 and NOT_WORKING in page.get_data(as_text=True)
    assert _refusals() == [("family_link", None, "not known")] * 3


def test_another_plans_link_cannot_be_withdrawn_through_this_plan(client, make, sen_manager):
    mine, other = make.plan(team="North"), make.plan(team="North")
    login(client, sen_manager)
    make_link(client, other.id)
    link = _only_link()
    csrf = csrf_token_from(client, f"/plans/{mine.id}/family")
    refused = client.post(
        f"/plans/{mine.id}/family/withdraw", data={"link_id": link.id, "csrf_token": csrf}
    )
    assert refused.status_code == 404
    assert _only_link().withdrawn_at is None
    logged = db.session.scalars(select(AccessLog).where(AccessLog.action == "refused")).all()
    assert [(e.object_type, e.object_id) for e in logged] == [("plan", mine.id)]


def test_guessing_is_bounded_by_the_failed_link_limit(extra_app, make):
    app = extra_app(RATELIMIT_ENABLED=True, FAMILY_FAILED_LINK_LIMIT="3 per hour")
    with app.app_context():
        plan = make.plan(team="North")
        manager = make.user("sen_manager", team="North")
        staff = app.test_client()
        login(staff, manager)
        token = make_link(staff, plan.id)
        family = app.test_client()
        working = [family.get(f"/tell-us/{token}").status_code for _ in range(5)]
        guesses = [family.get(f"/tell-us/{'B' * 42}{n}").status_code for n in range(4)]
        after = family.get(f"/tell-us/{token}").status_code
        limited = db.session.scalars(
            select(AccessLog).where(AccessLog.action == "rate_limited")
        ).all()
    assert working == [200] * 5  # answering is not guessing: only failed links count
    assert guesses == [404, 404, 404, 429]
    assert after == 429  # past the limit, even a good link waits
    assert len(limited) == 2


def test_every_request_to_the_form_is_limited(extra_app, make):
    app = extra_app(RATELIMIT_ENABLED=True, FAMILY_RATE_LIMIT="4 per minute")
    with app.app_context():
        plan = make.plan(team="North")
        staff = app.test_client()
        login(staff, make.user("qa_lead"))
        token = make_link(staff, plan.id)
        family = app.test_client()
        codes = [family.get(f"/tell-us/{token}").status_code for _ in range(5)]
    assert codes == [200, 200, 200, 200, 429]


def test_children_and_young_people_are_asked_in_plain_words(app, client, sen_manager, plan):
    login(client, sen_manager)
    for respondent in ("child", "young_person"):
        token = make_link(client, plan.id, respondent)
        page = app.test_client().get(f"/tell-us/{token}").get_data(as_text=True)
        assert "Does the plan say what you are like now?" in page
        assert "I don&#39;t know" in page and "A bit" in page
        assert "describe the child or young person" not in page
    sent = answer(app.test_client(), token)
    assert sent.status_code == 302
    stored = db.session.scalars(select(FamilyResponse)).one()
    assert stored.respondent == "young_person" and stored.answers["aspirations"] == "partly"


def test_two_windows_answering_at_once_keep_one_answer(client, sen_manager, plan):
    """The second answer finds the link taken by the first (committed by another request after
    this one read it): it keeps nothing."""
    login(client, sen_manager)
    make_link(client, plan.id)
    link = _only_link()
    first = answer_through_link(link, {"involved": "yes"}, {})
    db.session.commit()
    stale = db.session.get(FamilyLink, link.id)
    stale.used_at = None  # as this request read it, before the other answered
    db.session.expunge(stale)
    assert answer_through_link(stale, {"involved": "no"}, {}) is None
    db.session.commit()
    db.session.expire_all()
    assert [r.id for r in db.session.scalars(select(FamilyResponse))] == [first.id]


def test_a_token_has_no_character_a_printed_line_could_break_at_or_a_reader_could_misread():
    from qa_audit.family.links import new_token

    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200
    assert all(re.fullmatch(r"[a-z2-7]{32}", token) for token in tokens)
