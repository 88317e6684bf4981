"""Advice added to a plan through the web, its stored trace shown on its advice page and beside
the matrix's advice criterion on the scoring page; bad files change nothing; other teams'
plans stay hidden; retention and the orphan sweep know advice files."""

import copy
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from docx import Document
from sqlalchemy import func, select

from qa_audit.advice.findings import store_trace
from qa_audit.datacare.orphans import remove_orphan_files
from qa_audit.datacare.retention import purge_documents
from qa_audit.extensions import db
from qa_audit.models import AccessLog, AdviceTrace, Plan, PlanAdvice
from qa_audit.synthetic.advice_docs import generate_trace_case
from tests.bad_files import bad_files
from tests.factories import csrf_token_from, login, upload_plan

CASE = generate_trace_case(4, "dev", "docx")
REFERENCE = "EHCP-2025-0404"
LETTER = "Thank you for your letter. The report you asked for will follow next month."


def _plan_with_advice_page(client, make):
    login(client, make.user("sen_manager", team="North"))
    upload_plan(client, CASE.plan_data, CASE.plan_filename, REFERENCE, team="North")
    return db.session.scalar(select(Plan).where(Plan.reference == REFERENCE))


def _add(client, plan, data, filename, source="", received=("3", "10", "2025"), **extra):
    form = {
        "csrf_token": csrf_token_from(client, f"/plans/{plan.id}/advice"),
        "document": (io.BytesIO(data), filename),
        "source": source,
        "received_on": list(received),  # the day, month and year boxes share its name
        **extra,
    }
    return client.post(f"/plans/{plan.id}/advice", data=form, content_type="multipart/form-data")


def _letter() -> bytes:
    """A covering letter: no adviser named in its first lines, no recommendations."""
    document = Document()
    document.add_paragraph("Dear colleague,")
    document.add_paragraph(LETTER)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _switch_to(client, user) -> None:
    client.post("/logout", data={"csrf_token": csrf_token_from(client, "/")})
    login(client, user)


def _count() -> int:
    return db.session.scalar(select(func.count()).select_from(PlanAdvice))


def test_advice_is_traced_into_the_plan_recommendation_by_recommendation(client, make):
    plan = _plan_with_advice_page(client, make)
    for item in CASE.advice:
        response = _add(client, plan, item.data, item.filename)
        assert response.status_code == 303, response.get_data(as_text=True)
    stored = db.session.scalars(select(PlanAdvice).order_by(PlanAdvice.id)).all()
    # The source is read from each document's title when the form leaves it to the document.
    assert [a.source for a in stored] == [item.source for item in CASE.advice]
    assert [len(a.recommendations) for a in stored] == [
        len(item.recommendations) for item in CASE.advice
    ]
    page = client.get(f"/plans/{plan.id}/advice").get_data(as_text=True)
    truths = [t for item in CASE.advice for t in item.recommendations]
    dropped = [t for t in truths if t.status == "missing"]
    assert dropped, "the case should drop at least one recommendation"
    summary = re.search(
        r"(\d+) recommendations, <strong>(\d+) reflected</strong>, "
        r"<strong>(\d+) watered down</strong>, <strong>(\d+) missing</strong>",
        page,
    )
    assert summary, page
    total, *parts = (int(n) for n in summary.groups())
    assert total == len(truths) == sum(parts)
    assert parts[2] >= 1  # the dropped recommendation is missing
    for extra in CASE.unsupported:
        assert extra in page  # provision nobody advised is listed for the auditor
    plan_page = client.get(f"/plans/{plan.id}").get_data(as_text=True)
    assert "3 advice documents" in plan_page
    actions = db.session.scalars(select(AccessLog.action)).all()
    assert actions.count("upload_advice") == 3 and "view_advice" in actions


def test_the_scoring_page_counts_the_traced_advice_beside_the_advice_criterion(client, make):
    plan = _plan_with_advice_page(client, make)
    _add(client, plan, CASE.advice[0].data, CASE.advice[0].filename)
    auditor = make.user("auditor")
    audit = make.audit(plan, auditor)
    _switch_to(client, auditor)
    page = client.get(f"/audits/{audit.id}").get_data(as_text=True)
    count = len(CASE.advice[0].recommendations)
    assert f"The advice traced into this version: {count} recommendations" in page
    assert f'href="/plans/{plan.id}/advice"' in page
    # The auditor may open it: the plan is assigned to them.
    assert client.get(f"/plans/{plan.id}/advice").status_code == 200

    # A recommendation carried without the person the advice names is counted apart.
    row = db.session.scalar(select(AdviceTrace))
    findings = copy.deepcopy(row.findings)
    items = findings["advice"][0]["recommendations"]
    for item in items:
        item["who_left_out"] = []
    next(item for item in items if item["reflected"])["who_left_out"] = ["an SLT"]
    row.findings = findings
    db.session.commit()
    page = client.get(f"/audits/{audit.id}").get_data(as_text=True)
    assert "missing; 1 carried without the person the advice names." in page


def test_same_file_twice_is_stored_once(client, make):
    plan = _plan_with_advice_page(client, make)
    item = CASE.advice[1]
    _add(client, plan, item.data, item.filename)
    response = _add(client, plan, item.data, "copy.docx")
    assert response.status_code == 303
    assert _count() == 1
    assert "already uploaded" in client.get(response.location).get_data(as_text=True)


@pytest.mark.parametrize("case", sorted(bad_files()))
def test_bad_file_gets_its_message_and_nothing_changes(client, make, case):
    data, filename, fragment = bad_files()[case]
    plan = _plan_with_advice_page(client, make)
    _add(client, plan, CASE.advice[0].data, CASE.advice[0].filename)
    response = _add(client, plan, data, filename, source="CAMHS")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert fragment in body and "There is a problem" in body
    assert "Traceback" not in body
    assert _count() == 1


def test_a_plan_or_a_document_without_source_or_recommendations_is_refused(client, make):
    plan = _plan_with_advice_page(client, make)
    response = _add(client, plan, CASE.plan_data, "plan again.docx", source="CAMHS")
    assert "reads as an EHC plan, not as advice" in response.get_data(as_text=True)
    letter = _letter()
    response = _add(client, plan, letter, "letter.docx")
    assert "Choose who gave this advice" in response.get_data(as_text=True)
    response = _add(client, plan, letter, "letter.docx", source="CAMHS")
    assert "No recommendations were found" in response.get_data(as_text=True)
    assert _count() == 0


def test_half_filled_form_keeps_its_answers_and_says_what_is_missing(client, make):
    plan = _plan_with_advice_page(client, make)
    response = _add(client, plan, CASE.advice[0].data, "a.docx", received=("", "", ""))
    body = response.get_data(as_text=True)
    assert "Enter the date the advice was received" in body
    response = _add(
        client,
        plan,
        CASE.advice[0].data,
        "a.docx",
        requested_on=["5", "10", "2025"],
    )
    assert "cannot be received before it was requested" in response.get_data(as_text=True)
    assert _count() == 0


def test_other_teams_and_roles_cannot_reach_the_advice(client, make):
    plan = _plan_with_advice_page(client, make)
    _add(client, plan, CASE.advice[0].data, CASE.advice[0].filename)
    advice = db.session.scalar(select(PlanAdvice))
    _switch_to(client, make.user("sen_manager", team="South"))
    assert client.get(f"/plans/{plan.id}/advice").status_code == 404
    assert client.get(f"/advice/{advice.id}/download").status_code == 404
    _switch_to(client, make.user("auditor"))  # not assigned this plan
    assert client.get(f"/plans/{plan.id}/advice").status_code == 404
    _switch_to(client, make.user("sen_manager", team="North"))
    with client.get(f"/advice/{advice.id}/download") as response:
        assert response.status_code == 200
        assert response.data == CASE.advice[0].data
        assert REFERENCE in response.headers["Content-Disposition"]


def test_retention_removes_advice_files_and_the_orphan_sweep_keeps_them(app, client, make):
    plan = _plan_with_advice_page(client, make)
    _add(client, plan, CASE.advice[0].data, CASE.advice[0].filename)
    advice = db.session.scalar(select(PlanAdvice))
    assert remove_orphan_files(timedelta(0)) == []  # recorded: kept
    purged = purge_documents(datetime.now(UTC) + timedelta(days=1))
    assert {p.what for p in purged} == {"version 1", f"advice from {advice.source}"}
    db.session.refresh(advice)
    assert advice.stored_path is None and advice.recommendations is None
    page = client.get(f"/plans/{plan.id}/advice").get_data(as_text=True)
    assert "no longer held" in page


def test_a_missing_recommendation_shows_the_nearest_plan_statement_to_check(
    client, make, monkeypatch
):
    from qa_audit.nlp import trace

    plan = _plan_with_advice_page(client, make)
    for item in CASE.advice:
        _add(client, plan, item.data, item.filename)
    page = client.get(f"/plans/{plan.id}/advice").get_data(as_text=True)
    # Each dropped recommendation of this case shares almost no words with any plan statement.
    assert "Nearest in the plan" not in page
    monkeypatch.setattr(trace, "NEAREST_FLOOR", 0.0)
    store_trace(plan.latest_document.id)  # the page shows the stored trace: trace again
    db.session.commit()
    page = client.get(f"/plans/{plan.id}/advice").get_data(as_text=True)
    dropped = sum(t.status == "missing" for item in CASE.advice for t in item.recommendations)
    assert page.count('class="govuk-body-s govuk-!-margin-bottom-0 app-nearest"') == dropped
