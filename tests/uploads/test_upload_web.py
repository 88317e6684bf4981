import io

import pytest
from sqlalchemy import func, select

from qa_audit.extensions import db
from qa_audit.models import AccessLog, Plan, PlanDocument
from qa_audit.synthetic import generate_plan
from tests.bad_files import bad_files
from tests.factories import csrf_token_from, login, plan_with_front_matter, upload_plan

GOOD = generate_plan(11, "headed", "docx")


def _upload(client, data: bytes, filename: str, reference: str = "EHCP-2025-0101"):
    return upload_plan(client, data, filename, reference, team="North")


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_upload_one_plan_then_a_new_version(client, make):
    login(client, make.user("sen_manager", team="North"))
    response = _upload(client, GOOD.data, "plan one.docx")
    assert response.status_code == 302
    plan = db.session.scalar(select(Plan).where(Plan.reference == "EHCP-2025-0101"))
    assert plan.team == "North"
    page = client.get(f"/plans/{plan.id}").get_data(as_text=True)
    assert "Stored as version 1 of EHCP-2025-0101" in page
    assert f"Outcomes ({len(GOOD.truth.outcomes)})" in page
    second = generate_plan(12, "area_tables", "pdf")
    _upload(client, second.data, "plan one v2.pdf")
    versions = db.session.scalars(select(PlanDocument.version).order_by(PlanDocument.version))
    assert list(versions) == [1, 2]


def test_identical_file_is_recognised_not_stored_twice(client, make):
    login(client, make.user("sen_manager", team="North"))
    _upload(client, GOOD.data, "plan.docx")
    response = _upload(client, GOOD.data, "same plan again.docx")
    assert response.status_code == 302
    assert _count(PlanDocument) == 1
    plan = db.session.scalar(select(Plan))
    assert "Already uploaded as version 1" in client.get(f"/plans/{plan.id}").get_data(as_text=True)


@pytest.mark.parametrize("case", sorted(bad_files()))
def test_bad_file_gets_its_message_and_earlier_data_is_intact(client, make, case):
    data, filename, fragment = bad_files()[case]
    login(client, make.user("sen_manager", team="North"))
    _upload(client, GOOD.data, "good.docx")
    response = _upload(client, data, filename, reference="EHCP-2025-0999")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert fragment in body
    assert "There is a problem" in body
    assert "Traceback" not in body
    assert _count(PlanDocument) == 1 and _count(Plan) == 1
    # What the user typed is kept for the next try.
    assert 'value="EHCP-2025-0999"' in body


def test_download_returns_the_original_and_is_logged(app, client, make):
    login(client, make.user("sen_manager", team="North"))
    _upload(client, GOOD.data, "plan.docx")
    document = db.session.scalar(select(PlanDocument))
    with client.get(f"/documents/{document.id}/download") as response:
        assert response.status_code == 200
        assert response.data == GOOD.data
        disposition = response.headers["Content-Disposition"]
    assert "attachment" in disposition
    assert "EHCP-2025-0101-v1.docx" in disposition
    actions = db.session.scalars(select(AccessLog.action)).all()
    assert "download_document" in actions


def test_stored_file_is_outside_static_and_not_served(app, client, make):
    login(client, make.user("sen_manager", team="North"))
    _upload(client, GOOD.data, "plan.docx")
    document = db.session.scalar(select(PlanDocument))
    assert "static" not in app.config["UPLOAD_FOLDER"]
    assert client.get(f"/static/{document.stored_path}").status_code == 404


def test_other_team_cannot_download_or_add_versions(app, client, make):
    login(client, make.user("sen_manager", team="North"))
    _upload(client, GOOD.data, "plan.docx")
    document = db.session.scalar(select(PlanDocument))
    other = app.test_client()
    login(other, make.user("sen_manager", team="South"))
    assert other.get(f"/documents/{document.id}/download").status_code == 404
    body = _upload(other, generate_plan(5, "headed").data, "x.docx").get_data(as_text=True)
    assert "cannot be used" in body
    assert _count(PlanDocument) == 1


def test_batch_upload_skips_bad_files_and_imports_the_rest(client, make):
    login(client, make.user("sen_manager", team="North"))
    files = [
        (io.BytesIO(generate_plan(21, "headed", "docx").data), "a.docx"),
        (io.BytesIO(bad_files()["jpeg_named_docx"][0]), "photo.docx"),
        (io.BytesIO(generate_plan(22, "aspiration_table", "pdf").data), "b.pdf"),
    ]
    csv = "file,reference,issue_date,kind,team\na.docx,EHCP-2025-0201,2025-10-02,new,North\n"
    data = {
        "csrf_token": csrf_token_from(client, "/plans/upload/batch"),
        "documents": files,
        "metadata": (io.BytesIO(csv.encode()), "meta.csv"),
    }
    body = client.post("/plans/upload/batch", data=data, content_type="multipart/form-data")
    text = body.get_data(as_text=True)
    assert "3 files: 2 imported, 0 already here, 1 not imported." in text
    assert "is a JPEG image" in text
    assert _count(PlanDocument) == 2
    references = set(db.session.scalars(select(Plan.reference)))
    assert "EHCP-2025-0201" in references
    assert any(ref.startswith("UPL-") for ref in references)


def test_batch_with_a_broken_csv_imports_nothing_and_says_which_row(client, make):
    login(client, make.user("sen_manager", team="North"))
    csv = "file,reference,issue_date\na.docx,EHCP-1,31/02/2025\n"
    data = {
        "csrf_token": csrf_token_from(client, "/plans/upload/batch"),
        "documents": [(io.BytesIO(GOOD.data), "a.docx")],
        "metadata": (io.BytesIO(csv.encode()), "meta.csv"),
    }
    text = client.post(
        "/plans/upload/batch", data=data, content_type="multipart/form-data"
    ).get_data(as_text=True)
    assert "row 2" in text and "is not a date" in text
    assert _count(PlanDocument) == 0


def test_batch_results_link_to_analysis_progress(client, make):
    login(client, make.user("sen_manager", team="North"))
    data = {
        "csrf_token": csrf_token_from(client, "/plans/upload/batch"),
        "documents": [(io.BytesIO(generate_plan(41, "term_table").data), "a.docx")],
    }
    text = client.post(
        "/plans/upload/batch", data=data, content_type="multipart/form-data"
    ).get_data(as_text=True)
    document = db.session.scalar(select(PlanDocument))
    assert f"/plans/upload/progress?documents={document.id}" in text
    progress = client.get(f"/plans/upload/progress?documents={document.id}")
    body = progress.get_data(as_text=True)
    assert "1 of 1 documents analysed" in body
    assert 'http-equiv="refresh"' not in body
    other = make.user("sen_manager", team="South")
    client.post("/logout", data={"csrf_token": csrf_token_from(client, "/")})
    login(client, other)
    hidden = client.get(f"/plans/upload/progress?documents={document.id}")
    assert "0 of 0 documents" in hidden.get_data(as_text=True)


def test_uploads_are_logged_with_the_plan_reference(client, make):
    manager = make.user("sen_manager", team="North")
    login(client, manager)
    _upload(client, GOOD.data, "plan.docx")
    entry = db.session.scalar(select(AccessLog).where(AccessLog.action == "upload_document"))
    document = db.session.scalar(select(PlanDocument))
    assert (entry.user_id, entry.object_type, entry.object_id) == (
        manager.id,
        "document",
        document.id,
    )
    assert entry.plan_reference == "EHCP-2025-0101"


def test_another_teams_reference_is_answered_neutrally_and_the_refusal_logged(app, client, make):
    login(client, make.user("sen_manager", team="North"))
    _upload(client, GOOD.data, "plan.docx")
    plan = db.session.scalar(select(Plan))
    south = make.user("sen_manager", team="South")
    other = app.test_client()
    login(other, south)
    taken = _upload(other, generate_plan(5, "headed").data, "x.docx").get_data(as_text=True)
    assert "This plan reference cannot be used. Check it and try again." in taken
    assert "another team" not in taken and "EHCP-2025-0101" not in taken.split("<form")[0]
    csv = "file,reference\ny.docx,EHCP-2025-0101\n"
    data = {
        "csrf_token": csrf_token_from(other, "/plans/upload/batch"),
        "documents": [(io.BytesIO(generate_plan(6, "headed").data), "y.docx")],
        "metadata": (io.BytesIO(csv.encode()), "meta.csv"),
    }
    batch = other.post("/plans/upload/batch", data=data, content_type="multipart/form-data")
    batch_text = batch.get_data(as_text=True)
    assert "cannot be used" in batch_text and "another team" not in batch_text
    refusals = db.session.scalars(select(AccessLog).where(AccessLog.action == "refused")).all()
    assert [(r.user_id, r.object_id, r.plan_reference) for r in refusals] == [
        (south.id, plan.id, "EHCP-2025-0101")
    ] * 2
    assert _count(PlanDocument) == 1


@pytest.mark.parametrize("reference", ["EHCP-1\r\nX", "EHCP-1\x07", "EHCP 1"])
def test_batch_metadata_applies_the_forms_reference_check_row_by_row(client, make, reference):
    login(client, make.user("sen_manager", team="North"))
    rows = f'file,reference\nfine.docx,EHCP-2025-0300\nbad.docx,"{reference}"\n'
    data = {
        "csrf_token": csrf_token_from(client, "/plans/upload/batch"),
        "documents": [(io.BytesIO(GOOD.data), "bad.docx")],
        "metadata": (io.BytesIO(rows.encode()), "meta.csv"),
    }
    response = client.post("/plans/upload/batch", data=data, content_type="multipart/form-data")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "row 3" in body and "A plan reference has" in body and "row 2" not in body
    assert _count(Plan) == 0


def _batch(client, *files: tuple[bytes, str], csv: str | None = None):
    data = {
        "csrf_token": csrf_token_from(client, "/plans/upload/batch"),
        "documents": [(io.BytesIO(content), name) for content, name in files],
    }
    if csv is not None:
        data["metadata"] = (io.BytesIO(csv.encode()), "meta.csv")
    response = client.post("/plans/upload/batch", data=data, content_type="multipart/form-data")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_batch_uses_the_reference_printed_in_each_plan_and_shows_it_for_checking(client, make):
    login(client, make.user("sen_manager", team="North"))
    printed = plan_with_front_matter(("EHCP reference", "EHC-2025-0777"), ("Year group", "5"))
    named = plan_with_front_matter(("Our ref", "Smith"), body="Jo likes music.")
    given = plan_with_front_matter(("Plan reference", "EHC-2025-0888"), body="Al likes maths.")
    text = _batch(
        client,
        (printed, "EHC-2025-9999 Sam Smith.docx"),
        (named, "EHC-2025-5555 Jo Smith.docx"),
        (given, "c.docx"),
        csv="file,reference\nc.docx,EHCP-2025-0300\n",
    )
    assert "3 files: 3 imported" in text
    references = set(db.session.scalars(select(Plan.reference)))
    # Printed in the plan: used. A name where a reference should be, or a file name: never.
    assert "EHC-2025-0777" in references and "EHCP-2025-0300" in references
    assert not references & {"EHC-2025-9999", "EHC-2025-5555", "Smith", "EHC-2025-0888"}
    assert sum(ref.startswith("UPL-") for ref in references) == 1
    assert "1 file had no reference in the metadata" in text
    assert text.count("Read from the document") == 2  # the note and the one row
    plan = db.session.scalar(select(Plan).where(Plan.reference == "EHC-2025-0777"))
    assert f'href="/plans/{plan.id}/edit"' in text
    assert plan.year_group == 5


def test_a_printed_reference_adds_a_version_to_its_plan_and_says_so(client, make):
    login(client, make.user("sen_manager", team="North"))
    first = plan_with_front_matter(("Plan reference", "EHC-2025-0700"))
    second = plan_with_front_matter(("Plan reference", "EHC-2025-0700"), body="Sam runs.")
    _batch(client, (first, "a.docx"))
    text = _batch(client, (second, "b.docx"))
    assert "Stored as version 2 of EHC-2025-0700" in text
    assert "check it is the same plan" in text
    assert db.session.scalar(select(func.count(Plan.id))) == 1


def test_a_printed_reference_to_a_plan_the_user_cannot_see_is_refused_neutrally(app, client, make):
    login(client, make.user("sen_manager", team="North"))
    _upload(client, GOOD.data, "plan.docx", reference="EHC-2025-0701")
    plan = db.session.scalar(select(Plan))
    south = make.user("sen_manager", team="South")
    other = app.test_client()
    login(other, south)
    hostile = plan_with_front_matter(("EHCP reference", "EHC-2025-0701"))
    text = _batch(other, (hostile, "y.docx"))
    assert "This plan reference cannot be used. Check it and try again." in text
    assert "another team" not in text
    refusals = db.session.scalars(select(AccessLog).where(AccessLog.action == "refused")).all()
    assert [(r.user_id, r.object_id) for r in refusals] == [(south.id, plan.id)]
    assert _count(PlanDocument) == 1
