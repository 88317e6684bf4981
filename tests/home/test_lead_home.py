"""A QA lead's home: the term in hand, progress per auditor, moderation, follow-ups, the
headline measures so far and the next thing to do."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from tests.factories import login
from tests.home.world import (
    TODAY,
    YESTERDAY,
    count_statements,
    follow_up,
    member,
    sample,
    submit,
    this_term,
)

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def text(response) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.get_data(as_text=True))


def next_action(page: str) -> str:
    found = re.search(r'id="next-action"[^>]*>\s*([^<]+?)\s*<', page)
    return found.group(1) if found else ""


def test_no_sample_yet_says_so_and_offers_to_draw_it(client, make):
    lead = make.user("qa_lead")
    for _ in range(3):
        make.plan()
    login(client, lead)
    page = text(client.get("/"))
    assert this_term().label in page
    assert f"The sample for {this_term().label} has not been drawn yet." in page
    assert next_action(page) == "Draw the sample"
    assert f'href="/sampling/terms/{this_term().id}"' in page
    assert "too early to tell" in page


def test_sampled_plans_without_an_auditor_ask_for_assignment(client, make):
    lead = make.user("qa_lead")
    drawn = sample()
    for _ in range(2):
        member(drawn, make.plan())
    login(client, lead)
    page = text(client.get("/"))
    assert "The sample is drawn" in page
    assert "2 sampled plans have no auditor yet." in page
    assert next_action(page) == "Assign audits"


def build_term(make):
    """Four sampled plans: one submitted, one overdue draft, one not started, and one
    double-marked where the auditors disagree."""
    lead = make.user("qa_lead")
    first = make.user("auditor", name="Ann Auditor")
    second = make.user("auditor", name="Bob Auditor")
    drawn = sample()
    plans = [make.plan() for _ in range(4)]
    for plan in plans[:3]:
        member(drawn, plan)
    member(drawn, plans[3], double_marked=True)
    due = TODAY + timedelta(days=14)
    done = make.audit(plans[0], first, sample_id=drawn.id, due_on=due)
    submit(done)
    make.audit(plans[1], first, sample_id=drawn.id, due_on=YESTERDAY, status="draft")
    make.audit(plans[2], second, sample_id=drawn.id, due_on=due)
    submit(make.audit(plans[3], first, sample_id=drawn.id, due_on=due))
    submit(make.audit(plans[3], second, sample_id=drawn.id, due_on=due), grade="outstanding")
    follow_up(done, YESTERDAY)
    follow_up(done, TODAY + timedelta(days=30), kind="training")
    return lead


def test_term_in_hand_with_progress_moderation_follow_ups_and_measures(client, make):
    lead = build_term(make)
    login(client, lead)
    page = text(client.get("/"))
    assert "3 of 5 audits submitted, <strong>1 overdue</strong>" in page
    assert 'Ann Auditor</th> <td class="govuk-table__cell">2 of 3</td>' in page
    assert 'Bob Auditor</th> <td class="govuk-table__cell">1 of 2</td>' in page
    # the progress bar has a text equivalent
    assert 'aria-label="Ann Auditor: 2 of 3 audits submitted"' in page
    assert "1 plan awaiting moderation" in page
    assert "2 open follow-up actions, 1 past the due date" in page
    assert next_action(page) == "Moderate 1 plan"
    assert f'href="/moderation/terms/{this_term().id}"' in page
    # two plans count so far: the measures show counts only, and cannot tell yet
    assert "plans meeting the quality threshold" in page
    assert "plans that accurately reflect professional advice" in page
    assert "2 of 2 newly issued" in page
    assert "Too early to tell" in page
    assert "85%" in page and "90%" in page


def test_every_audit_in_and_settled_offers_the_report(client, make):
    lead = make.user("qa_lead")
    auditor = make.user("auditor")
    drawn = sample()
    for _ in range(2):
        plan = make.plan()
        member(drawn, plan)
        submit(make.audit(plan, auditor, sample_id=drawn.id))
    login(client, lead)
    page = text(client.get("/"))
    assert "2 of 2 audits submitted." in page
    assert next_action(page) == "Download the report"
    assert f'href="/reports/?term={this_term().id}"' in page


def test_a_bigger_term_takes_no_more_queries(client, make):
    """The home runs a fixed handful of queries, however many plans and audits there are."""
    lead = make.user("qa_lead")
    auditors = [make.user("auditor") for _ in range(3)]
    drawn = sample()

    def add_plans(count: int) -> None:
        for index in range(count):
            plan = make.plan()
            member(drawn, plan)
            audit = make.audit(plan, auditors[index % 3], sample_id=drawn.id, due_on=YESTERDAY)
            if index % 2:
                submit(audit)
            follow_up(audit, YESTERDAY) if index % 2 else None

    add_plans(4)
    login(client, lead)
    client.get("/")  # warm caches (matrix parsing) before counting
    small = count_statements(client)
    add_plans(40)
    for _ in range(456):
        make.plan()  # 500 plans in all, most not sampled
    large = count_statements(client)
    assert large == small
    assert large <= 25, large


def test_overdue_audits_to_chase_and_the_leads_own_audits(client, make):
    lead = make.user("qa_lead")
    auditor = make.user("auditor")
    drawn = sample()
    late, mine = make.plan(), make.plan()
    member(drawn, late)
    member(drawn, mine)
    make.audit(late, auditor, sample_id=drawn.id, due_on=YESTERDAY)
    make.audit(mine, lead, sample_id=drawn.id, due_on=TODAY + timedelta(days=5))
    login(client, lead)
    page = text(client.get("/"))
    assert "0 of 2 audits submitted, <strong>1 overdue</strong>" in page
    assert next_action(page) == "Chase 1 overdue audit"
    assert "1 audit assigned to you to do." in page
