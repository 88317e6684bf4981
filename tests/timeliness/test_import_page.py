"""Importing the extract on the web: QA leads and SEN managers only, all or nothing, every
problem listed, a personal-details column refused, each import in the access log."""

from __future__ import annotations

import io

from sqlalchemy import func, select

from qa_audit.extensions import db
from qa_audit.models import AccessLog, PlanEvent
from tests.factories import csrf_token_from, login
from tests.timeliness.test_measures import COLUMNS, issued

PAGE = "/caseload/import"


def send(client, text: str, mapping: str | None = None):
    data = {
        "csrf_token": csrf_token_from(client, PAGE),
        "extract": (io.BytesIO(text.encode()), "extract.csv"),
    }
    if mapping is not None:
        data["mapping"] = (io.BytesIO(mapping.encode()), "ours.toml")
    return client.post(PAGE, data=data, content_type="multipart/form-data")


def stored() -> int:
    return db.session.scalar(select(func.count(PlanEvent.id)))


def test_a_sen_manager_imports_an_extract(client, make):
    login(client, make.user("sen_manager"))
    response = send(client, "\n".join([COLUMNS, issued("A", 140), issued("B", 141)]))
    assert response.status_code == 303
    page = client.get(PAGE).get_data(as_text=True)
    assert "Imported 2 rows for 2 plans" in page and "2 rows held" in page
    assert stored() == 2
    entry = db.session.scalar(select(AccessLog).where(AccessLog.action == "import_caseload"))
    assert entry.detail == "2 rows"


def test_a_file_with_problems_imports_nothing_and_lists_each(client, make):
    login(client, make.user("qa_lead"))
    response = send(client, "\n".join([COLUMNS, issued("A", 140), "B,31/02/2025,,,,,,,,,"]))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "The extract was not imported: 1 problem" in html
    assert "line 3, column request_date: &#39;31/02/2025&#39; is not a date" in html
    assert stored() == 0


def test_a_column_of_names_refuses_the_file(client, make):
    login(client, make.user("qa_lead"))
    html = send(client, "reference,Child name\nA,x\n").get_data(as_text=True)
    assert "column Child name: looks like a name" in html
    assert stored() == 0


def test_a_mapping_file_renames_headers_and_a_bad_one_is_explained(client, make):
    login(client, make.user("qa_lead"))
    mapping = '[columns]\n"Case Ref" = "reference"\n"Requested" = "request_date"\n'
    response = send(client, "Case Ref,Requested\nA,2025-09-01\n", mapping)
    assert response.status_code == 303 and stored() == 1
    html = send(client, "Case Ref\nA\n", "[columns]\n'Case Ref' = 'case'\n").get_data(as_text=True)
    assert "names columns that do not exist: case" in html


def test_auditors_cannot_import(client, make):
    login(client, make.user("auditor"))
    assert client.get(PAGE).status_code == 403
