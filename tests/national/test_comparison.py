"""The national comparison on the web and in the report: a QA lead uploads the DfE's file
(all or nothing, only the published totals kept), chooses the council and its neighbours,
and the report shows the council's 20-week rate beside England's and theirs."""

from __future__ import annotations

import io
from datetime import date

import pytest
from sqlalchemy import func, select

from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import AccessLog, ComparisonArea, NationalFigure
from qa_audit.national.comparison import national_comparison
from qa_audit.national.statistics_file import read_statistics_file
from qa_audit.national.stored import choose_areas, replace_figures
from qa_audit.reports import build_report
from qa_audit.reports.outputs import report_file
from tests.factories import csrf_token_from, login
from tests.national.files import current_file
from tests.pdf_text import pdf_text

PAGE = "/national/"


def held() -> int:
    return db.session.scalar(select(func.count(NationalFigure.id)))


def upload(client, data: bytes):
    form = {
        "csrf_token": csrf_token_from(client, PAGE),
        "statistics": (io.BytesIO(data), "ehcp_timeliness.csv"),
    }
    return client.post("/national/figures", data=form, content_type="multipart/form-data")


def test_comparison_puts_the_council_beside_england_and_the_neighbours_median(app):
    replace_figures(read_statistics_file(current_file()))
    choose_areas("E09000001", ["E09000002", "E09000003", "E09000004"])
    db.session.commit()
    found = national_comparison()
    assert found.periods == ("2023", "2024")
    shares = {row.label: row.shares for row in found.rows}
    assert [row.role for row in found.rows] == [
        "england",
        "council",
        "neighbour",
        "neighbour",
        "neighbour",
        "median",
    ]
    assert shares["England"] == pytest.approx((0.46, 0.46))
    assert shares["Alpha"] == pytest.approx((0.25, 0.275))
    assert shares["Delta"] == (None, None)  # withheld: left out of the median
    assert shares["Neighbours' median"] == pytest.approx((0.65, (0.633 + 0.75) / 2), abs=1e-3)
    with pytest.raises(QaAuditError, match="cannot be its own neighbour"):
        choose_areas("E09000001", ["E09000001"])
    with pytest.raises(QaAuditError, match="from the local authorities in the file"):
        choose_areas("E09999999", [])


def test_a_qa_lead_uploads_the_file_and_chooses_neighbours(client, make):
    login(client, make.user("qa_lead"))
    assert "No statistics file has been uploaded yet" in client.get(PAGE).get_data(as_text=True)
    assert upload(client, current_file()).status_code == 303
    page = client.get(PAGE).get_data(as_text=True)
    assert (
        "Imported 12 published figures" in page and "Figures held for 4 local authorities" in page
    )
    entry = db.session.scalar(
        select(AccessLog).where(AccessLog.action == "import_national_figures")
    )
    assert entry.detail == "12 rows"
    form = {
        "csrf_token": csrf_token_from(client, PAGE),
        "council": "E09000001",
        "neighbours": ["E09000002", "E09000003"],
    }
    assert client.post("/national/areas", data=form).status_code == 303
    chosen = db.session.scalars(select(ComparisonArea).order_by(ComparisonArea.id)).all()
    assert [(a.area_code, a.role) for a in chosen] == [
        ("E09000001", "council"),
        ("E09000002", "neighbour"),
        ("E09000003", "neighbour"),
    ]
    page = client.get(PAGE).get_data(as_text=True)
    assert "Alpha (your council)" in page and "27.5%" in page
    refused = client.post("/national/areas", data={**form, "neighbours": ["E09000001"]})
    assert "cannot be its own neighbour" in refused.get_data(as_text=True)
    assert len(db.session.scalars(select(ComparisonArea)).all()) == 3  # unchanged


def test_a_bad_file_is_refused_plainly_and_changes_nothing(client, make):
    login(client, make.user("qa_lead"))
    upload(client, current_file())
    bad = current_file(
        years=("2025",),
        extra_rows=(
            "2025,Calendar year,Local authority,E92000001,England,E12000007,London,E09000009,"
            "209,Zeta,All EHC plans,All EHC plans,10,10,5,5,fifty,fifty,20",
        ),
    )
    answer = upload(client, bad).get_data(as_text=True)
    assert "The file was not imported: 1 problem" in answer
    assert "line 14: &#39;fifty&#39; is not a number (percentage)" in answer
    assert held() == 12  # the earlier file's figures are kept whole
    wrong = upload(client, b"name,date_of_birth\nSam,2015-01-01\n").get_data(as_text=True)
    assert "does not look like the DfE&#39;s EHC plan timeliness file" in wrong
    assert "Traceback" not in wrong and held() == 12


@pytest.mark.parametrize("role", ["sen_manager", "auditor"])
def test_only_qa_leads_manage_the_comparison(client, make, role):
    login(client, make.user(role))
    assert client.get(PAGE).status_code == 403
    assert upload(client, current_file()).status_code in (400, 403)
    assert held() == 0


def test_the_report_shows_the_comparison_or_says_there_is_none(app):
    text = report_file(build_report("spring-2026", today=date(2026, 4, 20)), "pdf").data
    assert "No DfE statistics file has been uploaded" in " ".join(pdf_text(text).split())
    replace_figures(read_statistics_file(current_file()))
    choose_areas("E09000001", ["E09000002"])
    db.session.commit()
    report = build_report("spring-2026", today=date(2026, 4, 20))
    assert report.national.council.shares == pytest.approx((0.25, 0.275))
    text = " ".join(pdf_text(report_file(report, "pdf").data).split())
    assert "Beside England and statistical neighbours" in text
    assert "Alpha (your council)" in text and "27.5%" in text and "46.0%" in text
