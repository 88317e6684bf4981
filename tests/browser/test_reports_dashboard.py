"""A QA lead reads the termly report in Chromium: term picker, headline cards, charts, the
agreement table and the PDF download, inline for a small term and built in the background for a
large one."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.factories import PASSWORD
from tests.reports.demo_term import build_demo_term
from tests.reports.factories import ReportWorld

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def lead_on_dashboard(page, make):
    build_demo_term(ReportWorld(make.user("auditor"), make.user("auditor")))
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    sign_in(page, make.user("qa_lead"), PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Reports").click()
    return page, problems


def test_dashboard_shows_the_term_chosen_with_its_figures(lead_on_dashboard):
    page, problems = lead_on_dashboard
    expect(page.get_by_role("heading", name="Termly report")).to_be_visible()
    expect(page.locator("h1")).to_contain_text("Autumn 2025")  # the newest audited term
    page.get_by_label("Term").select_option(label="Spring 2026")
    page.get_by_role("button", name="Show term").click()
    expect(page.locator("h1")).to_contain_text("Spring 2026")
    page.get_by_label("Term").select_option(label="Autumn 2025")
    page.get_by_role("button", name="Show term").click()
    expect(page.locator("h1")).to_contain_text("Autumn 2025")

    headline = page.locator("#headline")
    assert "Newly issued plans meeting the quality threshold" in headline.inner_text()
    expect(page.locator("#trend svg").first).to_be_visible()
    agreement = page.locator("#agreement").inner_text()
    assert "Overall grade for the plan" in agreement
    page.get_by_role("link", name="Methodology").click()
    assert page.url.endswith("#methodology")
    assert problems == []  # no script errors, no content-security-policy refusals


def test_pdf_download_inline_for_a_small_term(lead_on_dashboard):
    page, _ = lead_on_dashboard
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF report").click()
    assert download.value.suggested_filename == "qa-report-autumn-2025.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_large_term_is_prepared_in_the_background(app, lead_on_dashboard):
    page, problems = lead_on_dashboard
    app.config.update(REPORT_BACKGROUND_ABOVE=5, ANALYSIS_QUEUE="thread")
    page.get_by_role("link", name="Download data (XLSX)").click()
    ready = page.get_by_role("heading", name="Your report is ready")
    ready.wait_for(timeout=30_000)  # the waiting page refreshes itself every 5 seconds
    with page.expect_download() as download:
        page.get_by_role("button", name="Download XLSX").click()
    assert download.value.suggested_filename == "qa-data-autumn-2025.xlsx"
    with open(download.value.path(), "rb") as xlsx:
        assert xlsx.read(2) == b"PK"
    assert problems == []
