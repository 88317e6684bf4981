"""In Chromium: a SEN manager adds a piece of advice to a plan and reads each recommendation
traced into it; the page passes axe-core's WCAG 2.2 AA rules."""

from __future__ import annotations

import pytest

from qa_audit.extensions import db
from qa_audit.synthetic.advice_docs import generate_trace_case
from qa_audit.uploads.importing import import_document
from tests.browser.conftest import axe_violations, sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def test_advice_added_in_the_browser_is_traced_and_accessible(csp_free_page, make, tmp_path):
    page = csp_free_page
    case = generate_trace_case(5, "dev", "docx")
    plan = make.plan(reference="EHCP-T-ADVICE", team="North")
    assert import_document(case.plan_data, case.plan_filename, user=None, plan=plan).status == (
        "imported"
    )
    db.session.commit()
    advice = case.advice[0]
    path = tmp_path / advice.filename
    path.write_bytes(advice.data)

    sign_in(page, make.user("sen_manager", team="North"), PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"/plans/{plan.id}")
    page.get_by_role("link", name="Add advice").click()
    page.get_by_label("Advice document").set_input_files(str(path))
    received = page.get_by_role("group", name="Date the advice was received")
    received.get_by_label("Day").fill("3")
    received.get_by_label("Month").fill("10")
    received.get_by_label("Year").fill("2025")
    page.get_by_role("button", name="Add advice").click()
    page.wait_for_selector("#advice-summary")
    assert f"{advice.source} advice stored" in page.content()
    summary = page.locator("#advice-summary").inner_text()
    assert f"{len(advice.recommendations)} recommendations" in summary
    assert page.get_by_role("heading", name=f"{advice.source}, received 3 October 2025")
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []


def test_advice_for_many_plans_is_added_from_the_plans_list(csp_free_page, make, tmp_path):
    page = csp_free_page
    case = generate_trace_case(6, "dev", "docx")
    make.plan(reference="EHCP-T-BATCH1", team="North")
    make.plan(reference="EHCP-T-BATCH2", team="North")
    db.session.commit()
    paths = []
    for advice in case.advice[:2]:
        path = tmp_path / advice.filename
        path.write_bytes(advice.data)
        paths.append(str(path))
    metadata = tmp_path / "advice.csv"
    metadata.write_text(
        "file,plan_reference,received_on\n"
        f"{case.advice[0].filename},EHCP-T-BATCH1,03/10/2025\n"
        f"{case.advice[1].filename},EHCP-T-NONE,03/10/2025\n",
        encoding="utf-8",
    )

    sign_in(page, make.user("sen_manager", team="North"), PASSWORD)
    page.wait_for_url("**/")
    page.goto("/plans/")
    page.get_by_role("button", name="Add advice for many plans").click()
    page.get_by_label("Advice documents").set_input_files(paths)
    page.get_by_label("Metadata CSV").set_input_files(str(metadata))
    page.get_by_role("button", name="Add the advice").click()
    page.wait_for_selector("#batch-problems")
    assert "Row 3: no plan has the reference EHCP-T-NONE." in page.content()
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []

    metadata.write_text(
        "file,plan_reference,received_on\n"
        f"{case.advice[0].filename},EHCP-T-BATCH1,03/10/2025\n"
        f"{case.advice[1].filename},EHCP-T-BATCH2,03/10/2025\n",
        encoding="utf-8",
    )
    page.get_by_label("Advice documents").set_input_files(paths)
    page.get_by_label("Metadata CSV").set_input_files(str(metadata))
    page.get_by_role("button", name="Add the advice").click()
    page.wait_for_selector("#batch-summary")
    assert "2 of 2 documents added" in page.locator("#batch-summary").inner_text()
    assert axe_violations(page, ["wcag2a", "wcag2aa", "wcag22aa"], kind="tag") == []
