"""Advice for many plans through the web page: the documents and a metadata CSV, stored all or
nothing through the single-upload path, only for plans the person may see, every problem
listed by its row."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from qa_audit.extensions import db
from qa_audit.models import AccessLog, PlanAdvice
from qa_audit.synthetic.advice_docs import generate_trace_case
from tests.factories import csrf_token_from, login

CASE = generate_trace_case(7, "dev", "docx")
HEADER = "file,plan_reference,source,received_on,requested_on\n"
URL = "/advice/upload"


def _count() -> int:
    return db.session.scalar(select(func.count()).select_from(PlanAdvice))


def _post(client, csv_text: str | bytes, files: list[tuple[str, bytes]]):
    data = csv_text.encode() if isinstance(csv_text, str) else csv_text
    form = {
        "csrf_token": csrf_token_from(client, URL),
        "documents": [(io.BytesIO(content), name) for name, content in files],
        "metadata": (io.BytesIO(data), "advice.csv"),
    }
    return client.post(URL, data=form, content_type="multipart/form-data")


@pytest.fixture
def manager(client, make):
    make.plan(reference="EHCP-W-0001", team="North")
    make.plan(reference="EHCP-W-0002", team="North")
    make.plan(reference="EHCP-W-0003", team="South")
    login(client, make.user("sen_manager", team="North"))


def _files(*indexes: int) -> list[tuple[str, bytes]]:
    return [(CASE.advice[i].filename, CASE.advice[i].data) for i in indexes]


def test_each_document_is_added_to_its_plan_and_listed(client, manager):
    first, second = CASE.advice[0], CASE.advice[1]
    response = _post(
        client,
        HEADER
        + f"{first.filename},EHCP-W-0001,,03/10/2025,2025-09-01\n"
        + f"{second.filename},EHCP-W-0002,CAMHS,2025-10-20,\n",
        _files(0, 1),
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200, page
    assert "2 of 2 documents added" in page
    stored = db.session.scalars(select(PlanAdvice).order_by(PlanAdvice.id)).all()
    assert [(a.plan.reference, a.source) for a in stored] == [
        ("EHCP-W-0001", first.source),
        ("EHCP-W-0002", "CAMHS"),
    ]
    assert f'href="/plans/{stored[0].plan_id}/advice"' in page
    assert db.session.scalars(select(AccessLog.action)).all().count("upload_advice") == 2
    again = _post(client, HEADER + f"{first.filename},EHCP-W-0001,,03/10/2025,\n", _files(0))
    assert "0 of 1 document added" in again.get_data(as_text=True)
    assert _count() == 2


@pytest.mark.parametrize(
    ("csv_text", "files", "problem"),
    [
        pytest.param(
            HEADER + "{0},EHCP-W-0003,,03/10/2025,\n",
            (0,),
            "Row 2: no plan has the reference EHCP-W-0003.",
            id="another team's plan",
        ),
        pytest.param(
            HEADER + "{0},EHCP-W-0001,,03/10/2025,\n{1},EHCP-W-0002,,03/10/2025,\n",
            (0,),
            "Row 3: {1} is not in the files chosen.",
            id="a file not chosen",
        ),
        pytest.param(
            "file,plan_reference\n{0},EHCP-W-0001\n",
            (0,),
            "The metadata CSV has no received_on column",
            id="a column missing",
        ),
        pytest.param(
            HEADER + "{0},EHCP-W-0001,,31/02/2025,\n",
            (0,),
            "Row 2:",
            id="a date that does not exist",
        ),
        pytest.param(
            HEADER + "{0},EHCP-W-0001,,03/10/2025,\n",
            (0, 0),
            "Two files are named {0}",
            id="two files with one name",
        ),
    ],
)
def test_a_problem_stores_nothing_and_is_named(client, manager, csv_text, files, problem):
    names = [advice.filename for advice in CASE.advice]
    response = _post(client, csv_text.format(*names), _files(*files))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "No advice was added" in page
    assert problem.format(*names) in page
    assert _count() == 0


def test_a_metadata_file_that_is_not_text_is_refused_plainly(client, manager):
    page = _post(client, b"\xff\xfe\x00bad", _files(0)).get_data(as_text=True)
    assert "The metadata file is not a CSV saved as text (UTF-8)." in page
    assert _count() == 0


def test_the_form_says_what_is_missing(client, manager):
    response = client.post(URL, data={"csrf_token": csrf_token_from(client, URL)})
    page = response.get_data(as_text=True)
    assert "Choose at least one advice document" in page
    assert "Choose the metadata CSV that names each file&#39;s plan" in page
