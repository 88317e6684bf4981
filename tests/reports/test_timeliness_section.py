"""The report's timeliness section: the four measures of the term beside the terms before,
with targets and status, from the imported extract; a plain sentence when none was imported."""

from __future__ import annotations

from datetime import date

from qa_audit.reports import build_report
from qa_audit.reports.outputs import report_file
from qa_audit.reports.shares import Share
from qa_audit.reports.timeliness import Comparison, monthly
from qa_audit.terms import term_by_id
from qa_audit.timeliness.extract import read_extract
from qa_audit.timeliness.importing import store_extract
from tests.factories import login
from tests.pdf_text import pdf_text
from tests.reports.demo_term import build_demo_term
from tests.timeliness.test_measures import issued, load

TODAY = date(2026, 4, 20)
TERM_STARTS = "autumn=09-01,spring=01-01,summer=04-01"


def test_the_section_shows_each_measure_by_term_with_its_target(app):
    # spring 2026: 2 of 3 plans within 20 weeks (days 140, 120 on time; 141 late)
    # autumn 2025: 1 of 1
    load(issued("A", 140), issued("B", 141), issued("C", 130), issued("D", 60))
    load("E,,,no,2025-03-01,2026-03-30,,,no,,")  # a review decision not yet due on 20 April
    store_extract(
        read_extract(
            b"reference,request_date,issue_date,team\nF,2025-09-01,2026-01-10,South\n", "x.csv", {}
        )
    )
    report = build_report("spring-2026", today=TODAY)
    [(team, figures)] = report.timeliness.teams
    assert (team, figures[0].on_time, figures[0].counted) == ("South", 1, 1)
    row = next(r for r in report.timeliness.rows if r.now.name == "within_20_weeks")
    assert (row.now.on_time, row.now.counted, row.now.rag) == (3, 4, "green")
    assert [(span.id, m.counted) for span, m in row.earlier] == [
        ("spring-2025", 0),
        ("summer-2025", 0),
        ("autumn-2025", 1),
    ]
    text = " ".join(pdf_text(report_file(report, "pdf").data).split())
    assert "New plans issued within 20 weeks (exceptions left out)" in text
    assert "3 of 4" in text and "50%" in text and "By team, Spring 2026" in text
    assert "1 review decision or phase transfer still within its time limit" in text


def test_without_an_extract_the_section_says_how_to_import_one(app, client, make):
    login(client, make.user("qa_lead"))
    html = client.get("/reports/?term=spring-2026").get_data(as_text=True)
    assert "No case-management extract has been imported" in html
    assert "qa-audit caseload import" in html


def test_quality_of_audited_plans_by_whether_they_were_issued_in_20_weeks(world):
    build_demo_term(world)
    results = build_report("autumn-2025", today=TODAY).results
    new = sorted((r for r in results if r.plan.kind == "new"), key=lambda r: r.plan.id)
    late = {r.plan.reference for r in new[::2]}
    load(*(issued(r.plan.reference, 160 if r.plan.reference in late else 100) for r in new))
    [on_new, on_amended] = build_report("autumn-2025", today=TODAY).timeliness.quality
    expected_late = sum(bool(r.meets_threshold) for r in new if r.plan.reference in late)
    assert (on_new.late.met, on_new.late.n) == (expected_late, len(late))
    assert on_new.on_time.n == len(new) - len(late)
    assert on_amended.on_time.n == on_amended.late.n == 0  # no review rows imported
    assert on_amended.reading.startswith("Too few audited plans to tell (0 review held on time")


def test_the_comparison_says_what_the_intervals_show():
    def compared(a: tuple[int, int], b: tuple[int, int]) -> str:
        return Comparison("New plans", "Within", "After", Share(*a), Share(*b)).reading

    assert compared((4, 4), (40, 40)).startswith("Too few audited plans to tell")
    assert compared((38, 40), (10, 40)) == "Within met the quality threshold more often."
    assert compared((10, 40), (38, 40)) == "After met the quality threshold more often."
    assert compared((20, 40), (22, 40)).startswith("No clear difference")


def test_monthly_figures_cover_each_month_of_the_term_begun_so_far(app):
    # REQUEST + 140 is 19 January 2026 (on time), + 141 the 20th (late), + 155 3 February
    # (late), + 200 20 March: a month not begun on 15 February
    load(issued("A", 140), issued("B", 141), issued("C", 155), issued("D", 200))
    months = monthly(term_by_id("spring-2026", TERM_STARTS), date(2026, 2, 15))
    assert [m.label for m in months] == ["January 2026", "February 2026"]
    within = [next(x for x in m.measures if x.name == "within_20_weeks") for m in months]
    assert [(m.on_time, m.counted) for m in within] == [(1, 2), (0, 1)]


def test_the_dashboard_shows_the_months_of_the_term(client, make):
    load(issued("A", 40), issued("B", 60))  # 11 October and 31 October 2025
    login(client, make.user("qa_lead"))
    html = client.get("/reports/?term=autumn-2025").get_data(as_text=True)
    assert "Timeliness by month, Autumn 2025" in html
    assert (
        '<th class="govuk-table__header govuk-table__header--numeric" scope="col">'
        "October 2025</th>" in html
    )
    assert "2 of 2" in html
