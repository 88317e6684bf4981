"""The report's timeliness section: the four measures of the term beside the terms before,
with targets and status, from the imported extract; a plain sentence when none was imported."""

from __future__ import annotations

from datetime import date

from qa_audit.reports import build_report
from qa_audit.reports.outputs import report_file
from tests.factories import login
from tests.pdf_text import pdf_text
from tests.timeliness.test_measures import issued, load

TODAY = date(2026, 4, 20)


def test_the_section_shows_each_measure_by_term_with_its_target(app):
    # spring 2026: 2 of 3 plans within 20 weeks (days 140, 120 on time; 141 late)
    # autumn 2025: 1 of 1
    load(issued("A", 140), issued("B", 141), issued("C", 130), issued("D", 60))
    load("E,,,no,2025-03-01,2026-03-30,,,no,,")  # a review decision not yet due on 20 April
    report = build_report("spring-2026", today=TODAY)
    row = next(r for r in report.timeliness.rows if r.now.name == "within_20_weeks")
    assert (row.now.on_time, row.now.counted, row.now.rag) == (2, 3, "green")
    assert [(span.id, m.counted) for span, m in row.earlier] == [
        ("spring-2025", 0),
        ("summer-2025", 0),
        ("autumn-2025", 1),
    ]
    text = " ".join(pdf_text(report_file(report, "pdf").data).split())
    assert "New plans issued within 20 weeks (exceptions left out)" in text
    assert "2 of 3" in text and "50%" in text
    assert "1 review decision or phase transfer still within its time limit" in text


def test_without_an_extract_the_section_says_how_to_import_one(app, client, make):
    login(client, make.user("qa_lead"))
    html = client.get("/reports/?term=spring-2026").get_data(as_text=True)
    assert "No case-management extract has been imported" in html
    assert "qa-audit caseload import" in html
