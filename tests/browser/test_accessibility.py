"""axe-core checks of pages in real Chromium, for rules a finding showed broken."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta

import pyotp
import pytest

from qa_audit.extensions import db
from qa_audit.models import Alert, BackupRecord, PlanDocument
from qa_audit.plan_sections import SECTION_KEYS
from tests.advice_quality.conftest import add_advice, draw, submit_advice
from tests.browser.conftest import axe_violations, sign_in
from tests.factories import PASSWORD
from tests.home import world as home_world

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def test_plan_section_links_on_the_scoring_page_are_large_enough(csp_free_page, make):
    page = csp_free_page
    auditor = make.user("auditor")
    plan = make.plan(reference="EHCP-T-AXE")
    text = {key: f"Section {key} of the plan." for key in SECTION_KEYS}
    document = PlanDocument(
        plan_id=plan.id,
        version=1,
        sha256="c" * 64,
        size=10,
        original_name="plan.docx",
        file_type="docx",
        parsed={"section_text": text},
    )
    db.session.add(document)
    db.session.commit()
    audit = make.audit(plan, auditor, document_id=document.id)

    sign_in(page, auditor, PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"/audits/{audit.id}")
    nav = page.get_by_role("navigation", name="Plan sections")
    for key in SECTION_KEYS:
        box = nav.get_by_role("link", name=key, exact=True).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, (key, box)
    assert axe_violations(page, ["target-size"]) == []


def test_plain_english_hints_on_the_plan_and_scoring_pages_pass_axe(csp_free_page, make):
    from datetime import date

    from qa_audit.analysis.runner import analyse_document
    from tests.audits.test_plain_english_hints import PARSED

    page = csp_free_page
    plan = make.plan(reference="EHCP-T-PLAIN")
    document = PlanDocument(
        plan_id=plan.id,
        version=1,
        sha256="d" * 64,
        size=10,
        original_name="plan.docx",
        file_type="docx",
        parsed=PARSED,
    )
    db.session.add(document)
    db.session.commit()
    analyse_document(document.id, today=date(2026, 1, 10))
    auditor = make.user("auditor")
    audit = make.audit(plan, auditor, document_id=document.id)

    sign_in(page, make.user("sen_manager"), PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"/plans/{plan.id}")
    assert "SALT" in page.locator("#plain-english-A").inner_text()
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []
    page.context.clear_cookies()
    sign_in(page, auditor, PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"/audits/{audit.id}")
    assert "SALT" in page.locator("#criterion-plain-language").inner_text()
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []


def test_plans_list_search_and_filters_pass_axe(csp_free_page, make):
    page = csp_free_page
    lead = make.user("qa_lead")
    for team in ("North", "South"):
        make.plan(team=team)
    sign_in(page, lead, PASSWORD)
    page.wait_for_url("**/")
    page.goto("/plans/")
    search = page.get_by_role("search", name="Plans")
    search.get_by_label("Team").select_option("South")
    search.get_by_role("button", name="Search").click()
    page.wait_for_url("**/plans/?*team=South*")
    assert "1 plan found" in page.locator("caption").inner_text()
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []


def test_caseload_import_lists_problems_accessibly(csp_free_page, make, tmp_path):
    page = csp_free_page
    extract = tmp_path / "extract.csv"
    extract.write_text("reference,request_date\nEHC-1,31/02/2025\n", encoding="utf-8")
    sign_in(page, make.user("qa_lead"), PASSWORD)
    page.wait_for_url("**/")
    page.goto("/caseload/import")
    page.get_by_label("Caseload extract").set_input_files(str(extract))
    page.get_by_role("button", name="Import").click()
    alert = page.get_by_role("alert")
    assert "line 2, column request_date" in alert.inner_text()
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []


def _home_passes_axe(page, user, heading: str) -> None:
    sign_in(page, user, PASSWORD)
    page.wait_for_url("**/")
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []


def test_qa_lead_home_with_progress_bars_passes_axe(csp_free_page, make):
    lead = make.user("qa_lead")
    auditor = make.user("auditor", name="Ann Auditor")
    drawn = home_world.sample()
    for index in range(3):
        plan = make.plan()
        home_world.member(drawn, plan)
        audit = make.audit(plan, auditor, sample_id=drawn.id, due_on=home_world.YESTERDAY)
        if index:
            home_world.submit(audit)
    source = "Speech and Language Therapist"
    for _ in range(2):
        add_advice(make.plan().id, source, received_on=home_world.TODAY)
    advice = draw({source: auditor}, term=home_world.this_term().id).audits
    submit_advice(advice[0])
    _home_passes_axe(csp_free_page, lead, "This term's quality assurance")
    progress = csp_free_page.get_by_role("progressbar", name="Ann Auditor: 2 of 3 audits submitted")
    assert progress.count() == 1
    by_source = csp_free_page.get_by_role("progressbar", name=f"{source}: 1 of 2 advice audits")
    assert by_source.count() == 1


def test_auditor_home_passes_axe(csp_free_page, make):
    auditor = make.user("auditor")
    make.audit(make.plan(), auditor, status="draft", due_on=home_world.YESTERDAY)
    make.audit(make.plan(), auditor)
    add_advice(make.plan().id, "CAMHS", received_on=home_world.TODAY)
    draw({"CAMHS": auditor}, term=home_world.this_term().id)
    _home_passes_axe(csp_free_page, auditor, "Your audits")
    link = csp_free_page.get_by_role("link", name="Score CAMHS advice for plan")
    assert link.count() == 1


def test_sen_manager_home_passes_axe(csp_free_page, make):
    manager = make.user("sen_manager", team="North")
    auditor = make.user("auditor")
    home_world.upload(make.plan(team="North"), "failed")
    audited = make.audit(make.plan(team="North"), auditor)
    home_world.submit(audited)
    home_world.follow_up(audited, home_world.TODAY)
    _home_passes_axe(csp_free_page, manager, "Your team's plans")


def test_admin_home_passes_axe(csp_free_page, make):
    _home_passes_axe(csp_free_page, make.user("admin"), "Administration")


def test_alerts_list_alert_page_and_acknowledgement_pass_axe(csp_free_page, make):
    page = csp_free_page
    admin, reader = make.user("admin"), make.user("qa_lead")
    now = datetime.now(UTC)
    db.session.add_all(
        [
            Alert(
                rule="many_plans_viewed",
                user_id=reader.id,
                first_at=now - timedelta(minutes=9),
                last_at=now,
                count=31,
                summary="31 different plans opened",
            ),
            BackupRecord(at=now - timedelta(days=2), location="/b/x", succeeded=True),
        ]
    )
    db.session.commit()
    _home_passes_axe(page, admin, "Administration")  # with an open alert and an old backup
    page.get_by_role("link", name="See alerts").click()
    page.wait_for_url("**/admin/alerts/")
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []
    page.get_by_role("link", name="Many plans opened by one person").click()
    assert "31 different plans opened" in page.locator("#alert-details").inner_text()
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []
    page.get_by_role("button", name="Acknowledge").click()
    page.wait_for_url("**/admin/alerts/")
    assert "Alert acknowledged." in page.get_by_role("alert").inner_text()
    assert "Open alerts (0)" in page.locator("#open-alerts").inner_text()
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []


def test_change_password_page_and_its_errors_pass_axe(csp_free_page, make):
    page = csp_free_page
    sign_in(page, make.user("auditor"), PASSWORD)
    page.wait_for_url("**/")
    page.get_by_role("link", name="Change password").click()
    page.wait_for_url("**/account/password")
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []
    page.get_by_label("Current password", exact=True).fill(PASSWORD)
    page.get_by_label("New password", exact=True).fill("qwerty123456")
    page.get_by_label("Type the new password again").fill("qwerty123456")
    page.get_by_role("button", name="Change password").click()
    assert "most common passwords" in page.get_by_role("alert").inner_text()
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []


def test_two_factor_set_up_code_and_new_recovery_codes_pages_pass_axe(csp_free_page, make):
    page = csp_free_page
    lead = make.user("qa_lead")
    sign_in(page, lead, PASSWORD)
    page.wait_for_url("**/")
    page.get_by_role("link", name="Two-factor sign-in").click()
    page.wait_for_url("**/account/two-factor")
    assert page.get_by_role("img", name="QR code to scan").is_visible()
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []
    page.get_by_text("I cannot scan the QR code").click()
    secret = page.locator("#totp-key").inner_text()
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)
    page.get_by_label("Code from your app").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    assert page.locator("#recovery-codes li").count() == 10
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, lead, PASSWORD)
    page.wait_for_url("**/login/code")
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Continue").click()
    assert "The code is not right" in page.get_by_role("alert").inner_text()
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []
    page.get_by_label("Code").fill(pyotp.TOTP(secret).at(time.time() + 30))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/")
    page.get_by_role("link", name="Two-factor sign-in").click()
    page.get_by_role("link", name="Get new recovery codes").click()
    page.wait_for_url("**/account/two-factor/recovery-codes")
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []
    page.get_by_label("Your password, or a code from your authenticator app").fill("wrong")
    page.get_by_role("button", name="Get new codes").click()
    assert "That is not your password" in page.get_by_role("alert").inner_text()
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []
    page.get_by_label("Your password, or a code from your authenticator app").fill(PASSWORD)
    page.get_by_role("button", name="Get new codes").click()
    assert page.locator("#recovery-codes li").count() == 10
