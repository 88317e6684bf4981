"""Termly advice quality figures per source, checked against a small example worked out by
hand, and the "Advice quality" section of the termly report (page, PDF and XLSX)."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import load_workbook

from qa_audit.advice_quality.operations import submit_advice_audit
from qa_audit.audits.scoring_form import ScoreSheet
from qa_audit.extensions import db
from qa_audit.models import AdviceAudit
from qa_audit.reports.advice_quality import advice_quality
from qa_audit.reports.outputs import report_file
from qa_audit.reports.report import build_report
from qa_audit.terms import term_span
from tests.advice_quality.conftest import add_advice, advice_matrix, draw
from tests.factories import login
from tests.pdf_text import pdf_text

EP = "Educational Psychologist"
SLT = "Speech and Language Therapist"


def submit(audit: AdviceAudit, **changed: str) -> None:
    grades = {c.id: "met" for c in advice_matrix().criteria} | changed
    sheet = ScoreSheet(
        grades=grades,
        evidence={c: "Seen in the advice." for c, g in grades.items() if g != "met"},
        overall=None,
        summary="Summary.",
        strengths="",
        to_improve="",
    )
    submit_advice_audit(audit, sheet, audit.revision)
    db.session.commit()


def autumn_audits(make) -> None:
    """EP: met on time; met, request date unknown; a key criterion partly met and late.
    SLT: met on time; and a draft, which does not count.
    By hand: EP 3 audited, threshold 2 of 3, on time 1 of 2 (one not applicable);
    SLT 1 audited, 1 of 1 and 1 of 1; all sources 4 audited, 3 of 4, 2 of 3."""
    auditor = make.user("auditor")
    plan = make.plan(reference="EHCP-T-FIGURES")
    for day in (1, 2, 3):
        add_advice(plan.id, EP, received_on=date(2025, 10, day))
    for day in (4, 5):
        add_advice(plan.id, SLT, received_on=date(2025, 10, day))
    sample = draw({EP: auditor, SLT: auditor}, count=3)
    ep = sorted((a for a in sample.audits if a.advice.source == EP), key=lambda a: a.id)
    slt = sorted((a for a in sample.audits if a.advice.source == SLT), key=lambda a: a.id)
    submit(ep[0])
    submit(ep[1], **{"on-time": "n/a"})
    submit(ep[2], specific="partly-met", **{"on-time": "not-met"})
    submit(slt[0])
    slt[1].status = "draft"
    db.session.commit()


def test_figures_per_source_match_the_hand_worked_example(app, make) -> None:
    autumn_audits(make)
    quality = advice_quality(term_span("autumn-2025"))
    assert quality.sampled == 5 and quality.audited == 4
    assert [m.id for m in quality.measures] == ["quality_threshold", "on_time"]
    figures = {
        row.source: (
            row.audited,
            (row.shares["quality_threshold"].met, row.shares["quality_threshold"].n),
            (row.shares["on_time"].met, row.shares["on_time"].n),
        )
        for row in [*quality.rows, quality.total]
    }
    assert figures == {
        EP: (3, (2, 3), (1, 2)),
        SLT: (1, (1, 1), (1, 1)),
        "All sources": (4, (3, 4), (2, 3)),
    }
    # 3 of 4 cannot tell whether 80% is reached; 2 of 3 on time is surely below 100%
    assert [quality.status(m) for m in quality.measures] == ["insufficient", "red"]
    assert advice_quality(term_span("spring-2026")).audited == 0


def test_plan_figures_never_count_advice_audits(app, make) -> None:
    autumn_audits(make)
    report = build_report("autumn-2025", today=date(2026, 1, 10))
    assert report.results == [] and report.methodology.ad_hoc == 0
    assert report.advice_quality.audited == 4


def test_the_figures_page_and_the_report_show_the_section(app, client, make) -> None:
    autumn_audits(make)
    login(client, make.user("qa_lead"))
    page = client.get("/advice-quality/figures?term=autumn-2025").get_data(as_text=True)
    table = page.split('id="advice-quality-table"')[1].split("</table>")[0]
    assert "Advice meeting the quality threshold (target 80%)" in table
    assert "2 of 3" in table and "3 of 4" in table  # fewer than 5: counts, not percentages
    assert "Not enough evidence" in table and ">RED<" in table
    dashboard = client.get("/reports/?term=autumn-2025").get_data(as_text=True)
    assert 'id="advice-quality"' in dashboard and 'href="#advice-quality"' in dashboard
    assert "Advice received within 6 weeks (target 100%)" in dashboard


def test_the_pdf_and_xlsx_carry_the_advice_quality_figures(app, make) -> None:
    autumn_audits(make)
    report = build_report("autumn-2025", today=date(2026, 1, 10))
    text = pdf_text(report_file(report, "pdf").data)
    assert "Advice quality" in text
    assert "Educational Psychologist 3 2 of 3 1 of 2" in text
    workbook = load_workbook(io.BytesIO(report_file(report, "xlsx").data))
    rows = [list(r) for r in workbook["Advice quality"].iter_rows(values_only=True)]
    assert rows[0][:7] == [
        "term",
        "source",
        "audited",
        "Advice meeting the quality threshold: target",
        "Advice meeting the quality threshold: met",
        "Advice meeting the quality threshold: counted",
        "Advice meeting the quality threshold: share",
    ]
    assert rows[1] == ["Autumn 2025", EP, 3, 0.8, 2, 3, 0.6667, 1, 1, 2, 0.5]
    assert rows[3] == ["Autumn 2025", "All sources", 4, 0.8, 3, 4, 0.75, 1, 2, 3, 0.6667]


def test_the_report_says_when_no_advice_sample_was_drawn(app, make) -> None:
    report = build_report("autumn-2025", today=date(2026, 1, 10))
    text = pdf_text(report_file(report, "pdf").data)
    assert "No advice sample has been drawn for Autumn 2025." in text
    workbook = load_workbook(io.BytesIO(report_file(report, "xlsx").data))
    assert len(list(workbook["Advice quality"].iter_rows())) == 1  # the header alone
