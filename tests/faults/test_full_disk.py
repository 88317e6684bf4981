"""The upload folder, or a backup's folder, on a filesystem with no space left: a plain message
on the form, the batch results, or the command line; what was saved before stays whole; no
partial file is left; and once space is freed the same action works."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from qa_audit.synthetic import generate_plan
from tests.factories import csrf_token_from, login, upload_plan
from tests.faults.disk import fill
from tests.faults.stored_state import assert_storage_matches_records, stored_files

DISK_FULL = "The document could not be saved: the server&#39;s disk may be full."


@pytest.fixture
def uploads_on_small_disk(small_disk, app_config, request) -> Path:
    """The test app's upload folder on the small filesystem."""
    folder = small_disk / "uploads"
    app_config["UPLOAD_FOLDER"] = str(folder)
    assert request.getfixturevalue("app").config["UPLOAD_FOLDER"] == str(folder)
    return folder


def test_uploads_to_a_full_disk_are_refused_plainly(uploads_on_small_disk, client, make):
    folder = uploads_on_small_disk
    manager = make.user("sen_manager")
    make.document(make.plan(), seed=1)
    before = assert_storage_matches_records(folder)
    filler = fill(folder.parent)
    login(client, manager)
    generated = generate_plan(31, "headed", "docx")

    single = upload_plan(client, generated.data, generated.filename, "EHCP-FULL-0001")
    assert single.status_code == 200
    assert DISK_FULL in single.get_data(as_text=True)
    batch = client.post(
        "/plans/upload/batch",
        data={
            "csrf_token": csrf_token_from(client, "/plans/upload/batch"),
            "documents": [
                (io.BytesIO(generate_plan(seed, "headed", "docx").data), f"plan{seed}.docx")
                for seed in (32, 33)
            ],
        },
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "2 files: 0 imported, 0 already here, 2 not imported." in batch
    assert batch.count(DISK_FULL) == 2
    assert assert_storage_matches_records(folder) == before

    filler.unlink()
    assert (
        upload_plan(client, generated.data, generated.filename, "EHCP-FULL-0001").status_code == 302
    )
    assert len(assert_storage_matches_records(folder)) == len(before) + 1


def test_import_command_on_a_full_disk_reports_each_file(
    uploads_on_small_disk, runner, make, tmp_path
):
    folder = uploads_on_small_disk
    make.document(make.plan(), seed=1)
    before = assert_storage_matches_records(folder)
    source = tmp_path / "incoming"
    source.mkdir()
    generated = generate_plan(34, "headed", "docx")
    (source / generated.filename).write_bytes(generated.data)
    fill(folder.parent)

    result = runner.invoke(args=["import", str(source)])
    assert result.exit_code == 1
    assert "disk may be full" in result.output and "0 imported, 0 duplicate, 1 failed" in (
        result.output
    )
    assert "Traceback" not in result.output
    assert assert_storage_matches_records(folder) == before


def test_backup_to_a_full_disk_is_refused_and_leaves_no_file(
    small_disk, runner, make, database_url
):
    if not database_url.startswith("sqlite"):
        pytest.skip("qa-audit backup is for the embedded SQLite database (PostgreSQL: pg_dump)")
    make.plan(reference="EHCP-KEPT-0001")
    filler = fill(small_disk)
    target = small_disk / "backups" / "qa_audit.sqlite3"

    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code == 1
    assert f"The backup could not be written to {target}" in result.output
    assert "Check that its disk has space" in result.output
    assert "Traceback" not in result.output
    assert stored_files(small_disk) == {"filler"}

    filler.unlink()
    again = runner.invoke(args=["backup", str(target)])
    assert again.exit_code == 0, again.output
    assert stored_files(small_disk) == {"backups/qa_audit.sqlite3"}
