"""The 6-week advice deadline: requests recorded before the advice arrives, answered by the
advice document, overdue after 42 days (not on the 42nd), the share on time per source for a
term, each reader seeing only the plans they may see."""

import io
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from qa_audit.advice.deadlines import (
    is_overdue,
    on_time,
    overdue_requests,
    timeliness_by_source,
)
from qa_audit.extensions import db
from qa_audit.models import AccessLog, AdviceRequest, Plan, PlanAdvice
from qa_audit.reports import build_report
from qa_audit.reports.outputs import report_file
from qa_audit.synthetic.advice_docs import generate_trace_case
from qa_audit.terms import TermSpan
from tests.factories import csrf_token_from, login, upload_plan
from tests.pdf_text import pdf_text

EP = "Educational Psychologist"
AUTUMN = TermSpan("autumn-2025", "Autumn 2025", date(2025, 9, 1), date(2025, 12, 31))


@pytest.mark.parametrize(("days", "overdue"), [(41, False), (42, False), (43, True)])
def test_a_request_is_overdue_only_after_42_days(days, overdue):
    requested = date(2025, 9, 1)
    assert is_overdue(requested, requested + timedelta(days=days)) is overdue


@pytest.mark.parametrize(("days", "in_time"), [(0, True), (42, True), (43, False)])
def test_advice_is_on_time_up_to_the_42nd_day(days, in_time):
    requested = date(2025, 9, 1)
    assert on_time(requested, requested + timedelta(days=days)) is in_time


def _request(plan, days_ago=None, source=EP, requested_on=None):
    requested_on = requested_on or date.today() - timedelta(days=days_ago)
    request = AdviceRequest(plan_id=plan.id, source=source, requested_on=requested_on)
    db.session.add(request)
    db.session.commit()
    return request


def _received(plan, requested_on, days, source=EP):
    advice = PlanAdvice(
        plan_id=plan.id,
        source=source,
        requested_on=requested_on,
        received_on=requested_on + timedelta(days=days),
        sha256=f"{plan.id:08d}{days:056d}",
        size=1,
        original_name="advice.docx",
        file_type="docx",
    )
    db.session.add(advice)
    db.session.commit()
    return advice


def test_the_page_lists_requests_unanswered_after_42_days_not_on_the_42nd(client, make):
    plan = make.plan(reference="EHCP-D-0042")
    late = make.plan(reference="EHCP-D-0043")
    _request(plan, days_ago=42)
    _request(late, days_ago=43, source="CAMHS")
    login(client, make.user("qa_lead"))
    page = client.get("/advice/deadlines").get_data(as_text=True)
    assert "EHCP-D-0043" in page and "CAMHS" in page
    assert "EHCP-D-0042" not in page
    assert "1 request unanswered after 42 days" in page
    assert db.session.scalar(select(AccessLog).where(AccessLog.action == "view_advice_deadlines"))


def test_sen_managers_see_their_own_teams_overdue_advice_only(client, make):
    north = make.plan(reference="EHCP-N-0001", team="North")
    south = make.plan(reference="EHCP-S-0001", team="South")
    _request(north, days_ago=60)
    _request(south, days_ago=60)
    manager = make.user("sen_manager", team="North")
    assert [o.plan.reference for o in overdue_requests(manager, date.today())] == ["EHCP-N-0001"]
    login(client, manager)
    page = client.get("/advice/deadlines").get_data(as_text=True)
    assert "EHCP-N-0001" in page and "EHCP-S-0001" not in page


def test_share_on_time_counts_advice_due_in_the_term_late_and_awaited_alike(make):
    plan = make.plan(team="North")
    other = make.plan(team="South")
    start = date(2025, 9, 10)  # due 22 October, in the autumn term
    _received(plan, start, 42)  # on time
    _received(plan, start, 43)  # late
    _request(plan, requested_on=start)  # awaited, overdue by the end of the term
    _received(plan, start, 10, source="CAMHS")
    _received(plan, date(2025, 12, 1), 5)  # due in January: another term
    _received(other, start, 1)  # another team's plan
    manager = make.user("sen_manager", team="North")
    rows = timeliness_by_source(AUTUMN, date(2026, 1, 5), manager)
    assert [(r.source, r.on_time, r.due) for r in rows] == [("CAMHS", 1, 1), (EP, 1, 3)]
    # A request not yet 42 days old is not yet due, so it does not count against the share.
    _request(plan, requested_on=date(2025, 11, 15))
    rows = timeliness_by_source(AUTUMN, date(2025, 12, 20), manager)
    assert (EP, 1, 3) in [(r.source, r.on_time, r.due) for r in rows]
    rows = timeliness_by_source(AUTUMN, date(2025, 12, 20))  # every plan: the report's counts
    assert (EP, 2, 4) in [(r.source, r.on_time, r.due) for r in rows]


def test_the_page_shows_the_share_on_time_for_the_chosen_term(client, make):
    plan = make.plan()
    start = date(2025, 9, 10)
    _received(plan, start, 42)
    _received(plan, start, 50)
    login(client, make.user("qa_lead"))
    page = client.get("/advice/deadlines?term=autumn-2025").get_data(as_text=True)
    assert "Advice on time in Autumn 2025" in page
    assert "50%" in page
    # A term that is no term shows today's instead of failing.
    assert client.get("/advice/deadlines?term=never-9").status_code == 200


def _record(client, plan, source=EP, requested=("1", "9", "2025")):
    form = {
        "csrf_token": csrf_token_from(client, f"/plans/{plan.id}/advice"),
        "request-source": source,
        "request-requested_on": list(requested),
    }
    return client.post(f"/plans/{plan.id}/advice/requests", data=form)


def test_a_request_recorded_on_the_advice_page_is_answered_by_the_advice(client, make):
    case = generate_trace_case(4, "dev", "docx")
    login(client, make.user("sen_manager", team="North"))
    upload_plan(client, case.plan_data, case.plan_filename, "EHCP-2025-0777", team="North")
    plan = db.session.scalar(select(Plan).where(Plan.reference == "EHCP-2025-0777"))
    response = _record(client, plan, source=case.advice[0].source)
    assert response.status_code == 303
    page = client.get(response.location).get_data(as_text=True)
    assert "the advice is due by 13 October 2025" in page
    assert "overdue</strong> since 13 October 2025" in page
    request = db.session.scalar(select(AdviceRequest))
    assert request.advice_id is None
    form = {
        "csrf_token": csrf_token_from(client, f"/plans/{plan.id}/advice"),
        "document": (io.BytesIO(case.advice[0].data), case.advice[0].filename),
        "source": "",
        "received_on": ["3", "10", "2025"],
    }
    response = client.post(
        f"/plans/{plan.id}/advice", data=form, content_type="multipart/form-data"
    )
    assert response.status_code == 303
    db.session.expire_all()
    advice = db.session.scalar(select(PlanAdvice))
    assert db.session.get(AdviceRequest, request.id).advice_id == advice.id
    assert advice.requested_on == date(2025, 9, 1)  # taken from the request
    page = client.get(f"/plans/{plan.id}/advice").get_data(as_text=True)
    assert "No request is waiting for its advice." in page
    assert db.session.scalar(select(AccessLog).where(AccessLog.action == "request_advice"))


@pytest.mark.parametrize(
    ("source", "requested", "message"),
    [
        ("", ("1", "9", "2025"), "Choose who the advice was asked of"),
        (EP, ("", "", ""), "Enter the date the advice was requested"),
        (EP, ("1", "1", str(date.today().year + 1)), "cannot be in the future"),
    ],
)
def test_a_bad_request_says_why_and_records_nothing(client, make, source, requested, message):
    plan = make.plan(team="North")
    login(client, make.user("sen_manager", team="North"))
    response = _record(client, plan, source=source, requested=requested)
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in body and "There is a problem" in body
    assert db.session.scalar(select(AdviceRequest)) is None


def test_another_teams_plan_takes_no_request(client, make):
    plan = make.plan(team="South")
    login(client, make.user("sen_manager", team="North"))
    assert _record(client, plan).status_code == 404
    assert db.session.scalar(select(AdviceRequest)) is None


def test_the_termly_report_gives_the_share_on_time_per_source(client, make):
    plan = make.plan(team="South")
    start = date(2025, 9, 10)
    _received(plan, start, 42)
    _received(plan, start, 43)
    _request(plan, requested_on=start, source="CAMHS")  # still awaited when the term ended
    report = build_report("autumn-2025", today=date(2026, 2, 1))
    assert [(r.source, r.on_time, r.due) for r in report.advice_on_time] == [
        ("CAMHS", 0, 1),
        (EP, 1, 2),
    ]
    text = " ".join(pdf_text(report_file(report, "pdf").data).split())
    assert "Advice within 6 weeks" in text and "1 of 2" in text
    login(client, make.user("qa_lead"))
    html = client.get("/reports/?term=autumn-2025").get_data(as_text=True)
    assert 'id="advice-deadlines"' in html and "Educational Psychologist" in html
    assert 'href="/advice/deadlines?term=autumn-2025"' in html
