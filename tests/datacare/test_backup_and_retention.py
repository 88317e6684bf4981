from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from qa_audit.datacare.backup_record import last_backup, last_successful_backup
from qa_audit.extensions import db
from qa_audit.models import AccessLog, Analysis, BackupRecord, Plan
from qa_audit.models._base import as_utc


def test_purge_removes_old_files_and_text_but_keeps_plans_and_figures(app, make, runner):
    plan = make.plan()
    old = make.document(plan, seed=1)
    new = make.document(plan, seed=2)
    old.uploaded_at = datetime.now(UTC) - timedelta(days=400)
    db.session.commit()
    stored = Path(app.config["UPLOAD_FOLDER"]) / old.stored_path
    assert stored.exists()
    dry = runner.invoke(args=["purge-documents", "--older-than", "365", "--dry-run"])
    assert "Would remove 1 document file(s)" in dry.output and stored.exists()
    result = runner.invoke(args=["purge-documents", "--older-than", "365"])
    assert result.exit_code == 0, result.output
    assert f"Removed {plan.reference} version 1" in result.output
    db.session.expire_all()
    assert not stored.exists()
    assert (old.stored_path, old.parsed) == (None, None)
    analysis = db.session.scalar(select(Analysis).where(Analysis.document_id == old.id))
    assert analysis.result["summary"]["outcomes"] > 0
    assert "outcomes" not in analysis.result  # no plan text is kept
    assert new.stored_path is not None
    assert db.session.scalar(select(func.count(Plan.id))) == 1
    logged = db.session.scalars(select(AccessLog).where(AccessLog.action == "purge_document"))
    assert [entry.object_id for entry in logged] == [old.id]


def test_backup_and_restore_round_trip(app, make, runner, tmp_path, database_url):
    if not database_url.startswith("sqlite"):
        pytest.skip("qa-audit backup is for the embedded SQLite database (PostgreSQL: pg_dump)")
    make.plan(reference="EHCP-KEPT-0001")
    target = tmp_path / "backup.sqlite3"
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code == 0, result.output
    make.plan(reference="EHCP-AFTER-BACKUP")
    db.session.remove()
    restored = runner.invoke(args=["restore", str(target), "--yes"])
    assert restored.exit_code == 0, restored.output
    references = set(db.session.scalars(select(Plan.reference)))
    assert references == {"EHCP-KEPT-0001"}
    again = runner.invoke(args=["backup", str(target)])
    assert again.exit_code == 1 and "already exists" in again.output


def test_restore_refuses_a_file_that_is_not_a_backup(runner, tmp_path, database_url):
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite only")
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a database")
    result = runner.invoke(args=["restore", str(bogus), "--yes"])
    assert result.exit_code == 1
    assert "is not a qa_audit database backup" in result.output
    assert "Traceback" not in result.output


def test_backup_on_postgres_points_to_pg_dump(runner, database_url, tmp_path):
    if database_url.startswith("sqlite"):
        pytest.skip("PostgreSQL only")
    result = runner.invoke(args=["backup", str(tmp_path / "x")])
    assert result.exit_code == 1 and "pg_dump" in result.output


def test_each_backup_and_each_failure_is_recorded(app, runner, tmp_path, database_url):
    target = tmp_path / "nightly.sqlite3"
    result = runner.invoke(args=["backup", str(target)])
    if not database_url.startswith("sqlite"):
        assert result.exit_code == 1 and "pg_dump" in result.output
        assert db.session.scalar(select(func.count(BackupRecord.id))) == 0  # nothing was tried
        return
    assert result.exit_code == 0, result.output
    again = runner.invoke(args=["backup", str(target)])
    assert again.exit_code == 1
    first, second = db.session.scalars(select(BackupRecord).order_by(BackupRecord.id))
    assert (first.succeeded, first.location, first.size_bytes) == (
        True,
        str(target),
        target.stat().st_size,
    )
    assert datetime.now(UTC) - as_utc(first.at) < timedelta(minutes=1)
    assert not second.succeeded and "already exists" in second.problem
    assert last_successful_backup().id == first.id and last_backup().id == second.id


def test_a_backup_made_with_another_tool_is_recorded(runner, tmp_path):
    dump = tmp_path / "qa.dump"
    missing = runner.invoke(args=["record-backup", str(dump)])
    assert missing.exit_code == 1 and "There is no backup file" in missing.output
    dump.write_bytes(b"PGDMP" + bytes(2_000_000))
    result = runner.invoke(args=["record-backup", str(dump)])
    assert result.exit_code == 0 and "(2.0 MB)" in result.output
    record = db.session.scalar(select(BackupRecord))
    assert (record.succeeded, record.location, record.size_bytes) == (True, str(dump), 2_000_005)
