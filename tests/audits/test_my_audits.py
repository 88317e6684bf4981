"""My audits, and assigning an audit."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from qa_audit.audits.operations import assign_audit
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import Audit
from tests.factories import csrf_token_from, login


def test_my_audits_lists_only_mine_with_status_and_due_date(client, world, make):
    other = make.user("auditor")
    make.audit(make.plan(reference="EHCP-T-OTHER"), other)
    make.audit(make.plan(reference="EHCP-T-DRAFT"), world.auditor, status="draft")
    login(client, world.auditor)
    page = client.get("/audits/").get_data(as_text=True)
    assert "EHCP-T-RAVI" in page and "1 December 2025" in page and "Not started" in page
    assert "EHCP-T-DRAFT" in page and "Continue scoring" in page
    assert "EHCP-T-OTHER" not in page
    assert f'href="/audits/{world.audit.id}"' in page
    assert "Assign an audit" not in page


def test_qa_lead_assigns_an_audit(client, make):
    lead = make.user("qa_lead")
    auditor = make.user("auditor", name="Kim Auditor")
    plan = make.plan(reference="EHCP-T-00777")
    login(client, lead)
    assert "Assign an audit" in client.get("/audits/").get_data(as_text=True)
    token = csrf_token_from(client, "/audits/assign")
    response = client.post(
        "/audits/assign",
        data={
            "csrf_token": token,
            "plan_reference": "EHCP-T-00777",
            "auditor": str(auditor.id),
            "due_on": ["15", "1", "2026"],
        },
    )
    assert response.status_code == 302
    audit = db.session.scalar(select(Audit))
    assert (audit.plan_id, audit.auditor_id, audit.due_on) == (
        plan.id,
        auditor.id,
        date(2026, 1, 15),
    )
    assert audit.status == "assigned"


def test_assigning_an_unknown_plan_shows_an_error(client, make):
    login(client, make.user("qa_lead"))
    auditor = make.user("auditor")
    token = csrf_token_from(client, "/audits/assign")
    response = client.post(
        "/audits/assign",
        data={"csrf_token": token, "plan_reference": "EHCP-NOPE", "auditor": str(auditor.id)},
    )
    page = response.get_data(as_text=True)
    assert "There is no plan with the reference EHCP-NOPE" in page
    assert "govuk-error-summary" in page


def test_only_auditors_and_qa_leads_can_be_assigned(app, make):
    with pytest.raises(QaAuditError, match="active auditor or QA lead"):
        assign_audit(make.plan(), make.user("sen_manager"))


def test_assignment_records_the_latest_document(app, world, make):
    audit = assign_audit(world.plan, make.user("qa_lead"), date(2026, 2, 1))
    assert audit.document_id == world.document.id


def test_audits_to_do_come_before_submitted_ones(client, make):
    auditor = make.user("auditor")
    for number in range(3):
        plan = make.plan(reference=f"EHCP-T-DONE{number}")
        make.audit(plan, auditor, status="submitted", due_on=date(2025, 11, 1 + number))
    make.audit(make.plan(reference="EHCP-T-TODO"), auditor, due_on=date(2025, 12, 20))
    make.audit(make.plan(reference="EHCP-T-UNDATED"), auditor, status="draft")
    login(client, auditor)
    page = client.get("/audits/").get_data(as_text=True)
    order = sorted(("EHCP-T-TODO", "EHCP-T-UNDATED", "EHCP-T-DONE0"), key=page.index)
    assert order == ["EHCP-T-TODO", "EHCP-T-UNDATED", "EHCP-T-DONE0"]
