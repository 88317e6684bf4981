"""The "You said, we did" list: kept by QA leads on its page, printed in the termly report."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import AccessLog, YouSaidWeDid
from qa_audit.reports import build_report
from qa_audit.reports.outputs import report_file
from qa_audit.terms import term_for
from tests.factories import csrf_token_from, login
from tests.pdf_text import pdf_text

PAGE = "/family/you-said-we-did"
SAID = "Meetings were held when parents were at work."
DID = "Review meetings are now offered after school."


def test_a_qa_lead_adds_a_line_and_the_report_prints_it(app, client, make):
    login(client, make.user("qa_lead"))
    token = csrf_token_from(client, PAGE)
    page = client.post(PAGE, data={"you_said": SAID, "we_did": DID, "csrf_token": token})
    assert page.status_code == 302
    shown = client.get(PAGE).get_data(as_text=True)
    assert SAID in shown and DID in shown
    entry = db.session.scalar(select(YouSaidWeDid))
    assert (entry.you_said, entry.we_did) == (SAID, DID)
    assert db.session.scalar(select(AccessLog).where(AccessLog.action == "you_said_we_did_added"))
    term = term_for(date.today(), app.config["TERM_STARTS"])
    report = build_report(term.id, today=date.today())
    assert report.family.you_said == ((SAID, DID),)
    text = " ".join(pdf_text(report_file(report, "pdf").data).split())
    assert "You said, we did" in text and SAID in text and DID in text


def test_an_empty_line_is_refused_with_a_message(client, make):
    login(client, make.user("qa_lead"))
    token = csrf_token_from(client, PAGE)
    page = client.post(PAGE, data={"you_said": "", "we_did": DID, "csrf_token": token})
    assert page.status_code == 200
    assert "Write what families told us" in page.get_data(as_text=True)
    assert db.session.scalar(select(YouSaidWeDid)) is None


def test_only_qa_leads_keep_the_list(client, make):
    for role in ("sen_manager", "auditor", "admin"):
        other = client.application.test_client()
        login(other, make.user(role))
        assert other.get(PAGE).status_code in (403, 404), role
