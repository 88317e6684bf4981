"""HTML, script and spreadsheet formulas typed into comments, notes, names and file names are
shown as the text they are everywhere they appear: pages, the report PDF, the CSV and XLSX
exports and the access-log CSV. (Chromium's view of the same pages: tests/browser.)"""

from __future__ import annotations

import csv
import io

import pypdfium2 as pdfium
from markupsafe import escape
from openpyxl import load_workbook
from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.matrix import load_matrix, matrix_from_json
from qa_audit.models import FollowUpAction, PlanDocument, User
from tests.audits.helpers import complete_answers
from tests.factories import csrf_token_from, login
from tests.matrix.conftest import MATRIX_DIR
from tests.reports.factories import ReportWorld, all_grades

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'
FILE_NAME = "<img src=x onerror=alert(1)>.docx"  # no "/": a file name keeps all of it
FORMULA = '=HYPERLINK("http://evil.example","open")'
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def shown_as_text(html: str, text: str) -> bool:
    return text not in html and str(escape(text)) in html


def test_auditor_comments_are_escaped_on_the_scoring_page(app, web_world):
    client = app.test_client()
    login(client, web_world.users["auditor"])
    matrix = load_matrix(MATRIX_DIR / "default.toml")
    first = matrix.criteria[0].id
    form = {
        **complete_answers(matrix),
        f"evidence__{first}": SCRIPT,
        "summary": SCRIPT,
        "csrf_token": csrf_token_from(client, "/"),
        "revision": "1",
        "action": "draft",
    }
    assert client.post(f"/audits/{web_world.audit.id}", data=form).status_code == 302
    for user in (web_world.users["auditor"], web_world.users["qa_lead"]):
        viewer = app.test_client()
        login(viewer, user)
        page = viewer.get(f"/audits/{web_world.audit.id}").get_data(as_text=True)
        assert shown_as_text(page, SCRIPT)
        assert page.count(str(escape(SCRIPT))) == 2


def test_follow_up_notes_and_people_names_are_escaped(app, web_world):
    action = db.session.get_one(FollowUpAction, web_world.values["action_id"])
    action.note = SCRIPT
    owner = web_world.users["sen_manager"]
    owner.name = SCRIPT[:120]
    action.owner_id = owner.id
    db.session.commit()
    client = app.test_client()
    login(client, web_world.users["qa_lead"])
    assert shown_as_text(client.get("/moderation/follow-ups").get_data(as_text=True), SCRIPT)
    login(admin := app.test_client(), web_world.users["admin"])
    assert shown_as_text(admin.get("/admin/users").get_data(as_text=True), SCRIPT[:120])


def test_uploaded_file_names_are_escaped_where_they_are_shown(app, web_world):
    from qa_audit.synthetic import generate_plan

    client = app.test_client()
    login(client, web_world.users["sen_manager"])
    form = {
        "csrf_token": csrf_token_from(client, "/plans/upload/batch"),
        "documents": [(io.BytesIO(generate_plan(31, "headed", "docx").data), FILE_NAME)],
    }
    results = client.post("/plans/upload/batch", data=form, content_type="multipart/form-data")
    assert shown_as_text(results.get_data(as_text=True), FILE_NAME)
    document = db.session.scalar(
        select(PlanDocument).where(PlanDocument.original_name == FILE_NAME)
    )
    assert document is not None
    plan_page = client.get(f"/plans/{document.plan_id}").get_data(as_text=True)
    assert shown_as_text(plan_page, FILE_NAME)


def _term_with_hostile_text(make) -> None:
    world = ReportWorld(make.user("auditor"))
    version = world.version()
    matrix = matrix_from_json(version.content)
    sample = world.sample("autumn-2025")
    for number in range(3):
        plan = world.plan(team=FORMULA if number == 0 else "North", caseworker=SCRIPT[:120])
        grades = all_grades(matrix, "requires-improvement" if number == 0 else "good")
        world.audit(
            plan,
            sample,
            version,
            grades,
            grades[matrix.criteria[0].id],
            evidence={c.id: SCRIPT for c in matrix.criteria} if number == 0 else None,
        )


def _pdf_text(data: bytes) -> str:
    document = pdfium.PdfDocument(data)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_report_page_and_pdf_show_comments_as_text(app, make):
    _term_with_hostile_text(make)
    client = app.test_client()
    login(client, make.user("qa_lead"))
    page = client.get("/reports/?term=autumn-2025").get_data(as_text=True)
    assert "Examples from auditors' comments" in page
    assert shown_as_text(page, SCRIPT)
    pdf = client.get("/reports/download?term=autumn-2025&format=pdf")
    text = "".join(_pdf_text(pdf.data).split())
    assert "".join(SCRIPT.split()) in text  # the markup itself is printed, not obeyed


def test_exports_never_start_a_cell_with_a_formula(app, make):
    _term_with_hostile_text(make)
    client = app.test_client()
    login(client, make.user("qa_lead"))
    exported = client.get("/reports/download?term=autumn-2025&format=csv").data
    cells = [cell for row in csv.reader(io.StringIO(exported.decode("utf-8-sig"))) for cell in row]
    assert f"'{FORMULA}" in cells
    assert not any(cell.startswith(FORMULA_STARTS) for cell in cells)
    workbook = load_workbook(
        io.BytesIO(client.get("/reports/download?term=autumn-2025&format=xlsx").data)
    )
    values = [
        c for sheet in workbook for row in sheet.iter_rows() for c in row if c.value is not None
    ]
    assert any(cell.value == f"'{FORMULA}" for cell in values)
    assert all(cell.data_type != "f" for cell in values)
    assert not any(str(cell.value).startswith(FORMULA_STARTS) for cell in values)


def test_access_log_export_never_starts_a_cell_with_a_formula(app, web_world):
    viewer = web_world.users["qa_lead"]
    viewer.email = "=1+2@example.org"
    db.session.commit()
    client = app.test_client()
    login(client, db.session.get_one(User, viewer.id))
    client.get(f"/plans/{web_world.plan.id}")
    admin = app.test_client()
    login(admin, web_world.users["admin"])
    page = admin.get("/admin/access-log/?action=" + SCRIPT).get_data(as_text=True)
    assert SCRIPT not in page
    exported = admin.get("/admin/access-log/export.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(exported)))
    assert ["'=1+2@example.org", "view_plan"] in [row[1:3] for row in rows]
    assert not any(cell.startswith(FORMULA_STARTS) for row in rows for cell in row)
