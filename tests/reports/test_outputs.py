"""PDF, CSV, XLSX, the CLI command and the report pages."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook
from PIL import Image
from weasyprint import HTML

from qa_audit.extensions import db
from qa_audit.files.pdf import render_pdf
from qa_audit.files.pdf_fetcher import FetchRefused, RefusingFetcher
from qa_audit.reports import build_report
from qa_audit.reports.caseload import CaseloadPlan
from qa_audit.reports.exports import caseload_rows, result_rows
from qa_audit.reports.outputs import report_file
from qa_audit.reports.presenting import RAG_TAGS, SECTIONS, share_cell
from qa_audit.reports.shares import Share
from qa_audit.reports.trend import TrendSeries
from qa_audit.sampling.assignment import assign_sample
from qa_audit.sampling.operations import SampleRequest, create_sample
from tests.factories import login
from tests.pdf_text import pdf_text, text_beyond_right_edge
from tests.reports.demo_term import build_demo_term
from tests.reports.factories import default_matrix
from tests.sampling.helpers import autumn_plans

TODAY = date(2026, 1, 10)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "http://example.org/x.png", "https://a.b/c"])
def test_url_fetcher_refuses_files_and_network(url):
    with pytest.raises(FetchRefused):
        RefusingFetcher()(url)


def test_pdf_has_every_section_and_the_figures(app, world):
    build_demo_term(world)
    report = build_report("autumn-2025", today=TODAY)
    produced = report_file(report, "pdf")
    assert produced.data.startswith(b"%PDF")
    text = pdf_text(produced.data)
    for _, heading in SECTIONS:
        assert heading in text
    quality = next(f for f in report.headline[0].figures if f.measure.id == "quality_threshold")
    assert f"{quality.share.met} of {quality.share.n} plans" in text
    assert RAG_TAGS[quality.rag][0] in text
    assert "Page 3 of" in text
    below = report.calibration.on_plans_below
    assert f"Hints on plans below the threshold: {share_cell(below)} confirmed" in " ".join(
        text.split()
    )
    assert "Mrs" in text or "[name]" in text
    assert "Amira" not in text and "Okafor" not in text


def test_pdf_for_a_term_without_audits_still_renders(app, world):
    produced = report_file(build_report("spring-2026", today=TODAY), "pdf")
    text = pdf_text(produced.data)
    assert "No plans in a random sample were audited" in text
    # spring 2026 is still running on TODAY: the cover and the headline say so
    assert text.count("Provisional") >= 2 and "Spring 2026 runs until" in text


def test_pdf_does_not_load_local_files_named_in_the_html(app, tmp_path, monkeypatch):
    image = tmp_path / "local.png"
    Image.new("RGB", (20, 20), "red").save(image)
    html = f'<p>Probe</p><img src="file://{image}" alt="probe">'
    control = HTML(string=html).write_pdf()
    assert b"/Image" in control  # WeasyPrint on its own would embed the file
    monkeypatch.setattr("qa_audit.files.pdf.render_template", lambda name, **context: html)
    with app.test_request_context():
        data = render_pdf("pdf/report.html")
    assert data.startswith(b"%PDF") and b"/Image" not in data


def test_csv_and_xlsx_rows_escape_formulas(app, world):
    build_demo_term(world)
    report = build_report("autumn-2025", today=TODAY)
    rows = result_rows(report)
    assert len(rows) == 1 + len(report.results) + len(report.targeted)
    parsed = list(csv.reader(io.StringIO(report_file(report, "csv").data.decode("utf-8-sig"))))
    assert parsed[0] == rows[0] and len(parsed) == len(rows)
    references = {row[2] for row in parsed[1:]}
    assert references == {r.plan.reference for r in [*report.results, *report.targeted]}
    workbook = load_workbook(io.BytesIO(report_file(report, "xlsx").data))
    assert workbook.sheetnames == ["Plan results", "Caseload", "Family measures", "Advice quality"]
    assert workbook["Caseload"].max_row == 1 + report.caseload.total.plans
    hostile = caseload_rows([CaseloadPlan("=HYPERLINK(1)", "@team", "current", 1, 0, 0)])
    assert hostile[1][:2] == ["'=HYPERLINK(1)", "'@team"]


def test_cli_writes_the_report(app, runner, world, tmp_path):
    build_demo_term(world)
    out = tmp_path / "report.xlsx"
    result = runner.invoke(args=["report", "--term", "autumn-2025", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"PK")
    bad = runner.invoke(args=["report", "--term", "winter-2025", "--out", str(out)])
    assert bad.exit_code == 1 and "not a term" in bad.output


@pytest.mark.parametrize("role", ["qa_lead", "sen_manager"])
def test_dashboard_and_downloads(client, make, world, role):
    build_demo_term(world)
    login(client, make.user(role))
    page = client.get("/reports/?term=autumn-2025")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    for _, heading in SECTIONS:
        assert heading in html
    assert "<svg" in html and "Autumn 2025" in html
    csv_file = client.get("/reports/download?term=autumn-2025&format=csv")
    assert csv_file.status_code == 200 and csv_file.mimetype == "text/csv"
    assert "attachment" in csv_file.headers["Content-Disposition"]
    assert client.get("/reports/download?term=autumn-2025&format=doc").status_code == 400


def test_auditors_cannot_see_reports(client, make):
    login(client, make.user("auditor"))
    assert client.get("/reports/").status_code == 403
    assert client.get("/reports/download?format=csv").status_code == 403


def test_pdf_text_stays_on_the_page(app, world):
    build_demo_term(world)
    produced = report_file(build_report("autumn-2025", today=TODAY), "pdf")
    assert text_beyond_right_edge(produced.data) == []


def test_methodology_describes_the_sample_in_words(app, make):
    autumn_plans(make, 4)
    lead, auditors = make.user("qa_lead"), [make.user("auditor"), make.user("auditor")]
    sample = create_sample(SampleRequest("autumn-2025", count=4, seed=5), lead)
    assign_sample(sample, auditors, date(2025, 12, 1), double_mark_share=0.5)
    db.session.commit()
    text = pdf_text(report_file(build_report("autumn-2025", today=TODAY), "pdf").data)
    methodology = text[text.rindex("Methodology") :]
    assert "with 50% of plans double-marked" in methodology
    for python_value in ("None", "True", "False", "{'", "count:", "_"):
        assert python_value not in methodology, python_value


def test_pdf_opens_with_the_council_and_a_summary_for_the_board(app, world):
    app.config["COUNCIL_NAME"] = "Northshire County Council"
    build_demo_term(world)
    report = build_report("autumn-2025", today=TODAY)
    text = pdf_text(report_file(report, "pdf").data)
    summary = text[text.index("Summary for the board") : text.index("Contents")]
    assert text.index("Northshire County Council") < text.index("Termly quality assurance report")
    assert "Northshire County Council, Autumn 2025" in summary
    for group in report.headline:
        for figure in group.figures:
            assert figure.measure.title in summary
            assert RAG_TAGS[figure.rag][0] in summary
    assert report.weakest[0].title in summary
    assert "Since earlier terms" in summary and "earlier term with enough plans" in summary


def test_trend_direction_in_words():
    measure = default_matrix().measures[0]
    terms = ("Summer 2025", "Autumn 2025", "Spring 2026")

    def direction(*shares):
        return TrendSeries(measure, "new", terms, tuple(Share(m, n) for m, n in shares)).direction

    assert direction((5, 10), (0, 0), (8, 10)) == "Up 30 points on Summer 2025 (50%)"
    assert direction((5, 10), (9, 10), (8, 10)) == "Down 10 points on Autumn 2025 (90%)"
    assert direction((0, 0), (2, 4), (8, 10)) == "No earlier term with enough plans to compare"
    assert direction((5, 10), (9, 10), (2, 3)) == "Too few plans this term to compare"
    assert direction((5, 10), (9, 10), (9, 10)) == "Level with Autumn 2025 (90%)"
