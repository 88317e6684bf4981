"""The printable letter for a family link, and the page that shows a new link once: reloading
it never makes a second link; the letter holds the link as text and as a QR code that decodes
to it, names no one, and its printing is logged."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest
import zxingcpp
from sqlalchemy import func, select

from qa_audit.extensions import db
from qa_audit.family.links import answer_through_link
from qa_audit.models import AccessLog, FamilyLink
from tests.factories import csrf_token_from, login
from tests.pdf_text import pdf_text

ADDRESS = re.compile(r'<code id="new-link-address">(http://[^<]+/tell-us/([a-z2-7]{32}))<')


@pytest.fixture
def sen_manager(make):
    return make.user("sen_manager", team="North")


@pytest.fixture
def plan(make):
    return make.plan(team="North", reference="EHCP-T-LET01", caseworker="Alex Caseworker")


def _make_link(client, plan_id: int, respondent: str = "parent"):
    """Make a link as the signed-in user: (the page shown after the redirect, address, token)."""
    address = f"/plans/{plan_id}/family"
    csrf = csrf_token_from(client, address)
    made = client.post(address, data={"respondent": respondent, "csrf_token": csrf})
    assert made.status_code == 302 and made.headers["Location"] == address
    page = client.get(address).get_data(as_text=True)
    found = ADDRESS.search(page)
    assert found, "the page shows no new link"
    return page, found.group(1), found.group(2)


def _letter(client, plan_id: int, link_id: int, token: str):
    csrf = csrf_token_from(client, "/")
    data = {"csrf_token": csrf, "link_id": link_id, "token": token}
    return client.post(f"/plans/{plan_id}/family/letter", data=data)


def _links() -> int:
    return db.session.scalar(select(func.count()).select_from(FamilyLink))


def _qr_codes(data: bytes) -> list[str]:
    document = pdfium.PdfDocument(data)
    try:
        image = document[0].render(scale=3).to_pil()
    finally:
        document.close()
    return [found.text for found in zxingcpp.read_barcodes(image)]


def test_reloading_the_page_after_making_a_link_makes_no_second_one(client, sen_manager, plan):
    login(client, sen_manager)
    page, address, _ = _make_link(client, plan.id)
    assert _links() == 1
    again = client.get(f"/plans/{plan.id}/family").get_data(as_text=True)
    assert address not in again and "new-link-address" not in again
    assert _links() == 1
    assert "Download the letter to post with the plan (PDF)" in page


def test_the_letter_holds_the_link_and_a_qr_code_of_it_and_names_no_one(client, sen_manager, plan):
    login(client, sen_manager)
    _, address, token = _make_link(client, plan.id)
    link = db.session.scalars(select(FamilyLink)).one()
    response = _letter(client, plan.id, link.id, token)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
    text = pdf_text(response.data)
    assert address in text.replace(" ", "")
    assert "Dear parent or carer" in text and "There are 4 short questions" in text
    assert "Plan reference: EHCP-T-LET01" in text
    assert "Alex Caseworker" not in text and sen_manager.name not in text
    assert _qr_codes(response.data) == [address]
    logged = db.session.scalars(
        select(AccessLog).where(AccessLog.action == "family_letter_printed")
    ).one()
    assert (logged.object_type, logged.object_id) == ("plan", plan.id)
    assert token not in (logged.detail or "")


def test_a_child_gets_the_letter_in_plain_words(client, sen_manager, plan):
    login(client, sen_manager)
    _, _, token = _make_link(client, plan.id, "child")
    link = db.session.scalars(select(FamilyLink)).one()
    text = pdf_text(_letter(client, plan.id, link.id, token).data)
    assert "Tell us what you think about your plan" in text
    assert "You can ask someone to help you" in text
    assert "Dear parent or carer" not in text


def test_the_letter_needs_the_links_own_token_and_plan(client, make, sen_manager, plan):
    login(client, sen_manager)
    _, _, token = _make_link(client, plan.id)
    link = db.session.scalars(select(FamilyLink)).one()
    assert _letter(client, plan.id, link.id, "A" * 43).status_code == 404
    assert _letter(client, plan.id, link.id + 1, token).status_code == 404
    other = make.plan(team="North")
    assert _letter(client, other.id, link.id, token).status_code == 404
    refused = db.session.scalars(select(AccessLog).where(AccessLog.action == "refused")).all()
    assert len(refused) == 1  # another plan's link through this plan: logged as a refusal
    answer_through_link(link, {"describes_now": "yes"}, {})
    db.session.commit()
    used = _letter(client, plan.id, link.id, token)
    assert used.status_code == 302
    assert "already answered" in client.get(used.headers["Location"]).get_data(as_text=True)
    printed = select(AccessLog).where(AccessLog.action == "family_letter_printed")
    assert db.session.scalars(printed).all() == []


def test_an_auditor_cannot_print_a_letter(app, client, make, sen_manager, plan):
    login(client, sen_manager)
    _, _, token = _make_link(client, plan.id)
    link = db.session.scalars(select(FamilyLink)).one()
    auditor = app.test_client()
    login(auditor, make.user("auditor"))
    assert _letter(auditor, plan.id, link.id, token).status_code == 403
