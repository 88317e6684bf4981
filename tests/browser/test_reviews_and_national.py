"""axe-core in real Chromium on the pages this work added or changed: the national comparison
page (its refusal, its choice of neighbours, its table), the sampling page's choice of
population with a review preview, and the dashboard's monthly and national tables."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, sign_in
from tests.factories import PASSWORD
from tests.national.files import current_file
from tests.timeliness.test_measures import issued, load

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
WCAG = ["wcag2a", "wcag2aa", "wcag22aa"]


def test_national_comparison_page_passes_axe(csp_free_page, make, tmp_path):
    page = csp_free_page
    bad, good = tmp_path / "bad.csv", tmp_path / "ehcp_timeliness.csv"
    bad.write_bytes(current_file(extra_rows=(current_file().decode().split("\n")[1],)))
    good.write_bytes(current_file())
    sign_in(page, make.user("qa_lead"), PASSWORD)
    page.wait_for_url("**/")
    page.goto("/national/")
    page.get_by_label("DfE statistics file").set_input_files(str(bad))
    page.get_by_role("button", name="Upload").click()
    assert "appears twice" in page.get_by_role("alert").inner_text()
    assert axe_violations(page, WCAG, kind="tag") == []
    page.get_by_label("DfE statistics file").set_input_files(str(good))
    page.get_by_role("button", name="Upload").click()
    page.get_by_label("Your council").select_option("E09000001")
    page.get_by_label("Beta").check()
    page.get_by_label("Gamma").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("row", name="Alpha (your council)")).to_be_visible()
    assert axe_violations(page, WCAG, kind="tag") == []


def test_sampling_page_with_a_review_preview_passes_axe(csp_free_page, make):
    page = csp_free_page
    for ref in ("R-1", "R-2", "R-3"):
        make.plan(reference=ref)
    load(*(f"{ref},,,no,2024-11-01,2025-10-10,2025-10-20,amend,no,," for ref in ("R-1", "R-2")))
    sign_in(page, make.user("qa_lead"), PASSWORD)
    page.wait_for_url("**/")
    page.goto("/sampling/terms/autumn-2025")
    page.get_by_label("Plans amended after an annual review in the term").check()
    page.get_by_label("Number of plans").check()
    page.get_by_label("Sample size").fill("1")
    page.get_by_label("Leave out plans with no uploaded document").uncheck()
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("heading", name="Preview: 1 of 2 plans")).to_be_visible()
    assert axe_violations(page, WCAG, kind="tag") == []


def test_dashboard_with_months_and_national_figures_passes_axe(csp_free_page, make, tmp_path):
    page = csp_free_page
    statistics = tmp_path / "ehcp_timeliness.csv"
    statistics.write_bytes(current_file())
    load(issued("A", 40), issued("B", 160))
    sign_in(page, make.user("qa_lead"), PASSWORD)
    page.wait_for_url("**/")
    page.goto("/national/")
    page.get_by_label("DfE statistics file").set_input_files(str(statistics))
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_label("Your council")).to_be_visible()  # stored before leaving the page
    page.goto("/reports/?term=autumn-2025")
    expect(page.get_by_role("heading", name="Timeliness by month, Autumn 2025")).to_be_visible()
    assert page.get_by_role("heading", name="Beside England and statistical neighbours").count()
    assert axe_violations(page, WCAG, kind="tag") == []
