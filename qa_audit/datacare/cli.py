"""Commands: ``backup``, ``record-backup``, ``restore``, ``purge-documents`` and
``remove-orphan-files``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from qa_audit.datacare.backup import backup_sqlite, is_sqlite, restore_sqlite
from qa_audit.datacare.backup_record import record_backup
from qa_audit.datacare.orphans import remove_orphan_files
from qa_audit.datacare.retention import purge_documents
from qa_audit.errors import QaAuditError


@click.command("backup")
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup_command(target: Path) -> None:
    """Copy the embedded SQLite database to TARGET while the app keeps running, and record
    the backup (or its failure) for the administrator's home."""
    database_url = current_app.config["SQLALCHEMY_DATABASE_URI"]
    try:
        size = backup_sqlite(database_url, target)
    except QaAuditError as error:
        if is_sqlite(database_url):  # PostgreSQL: pg_dump, then record-backup
            record_backup(target.absolute(), None, problem=str(error))
        raise click.ClickException(str(error)) from error
    record_backup(target.absolute(), size)
    click.echo(f"Backed up the database to {target} ({size / 1e6:.1f} MB).")
    click.echo("Uploaded documents are in the upload folder; back it up with the same schedule.")


@click.command("record-backup")
@click.argument("made", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def record_backup_command(made: Path) -> None:
    """Record a backup file MADE by another tool (pg_dump), so the administrator's home shows
    it. Run it after the tool succeeds."""
    if not made.is_file() or made.stat().st_size == 0:
        raise click.ClickException(f"There is no backup file at {made} (or it is empty).")
    size = made.stat().st_size
    record_backup(made.absolute(), size)
    click.echo(f"Recorded the backup {made} ({size / 1e6:.1f} MB).")


@click.command("restore")
@click.argument("backup", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@with_appcontext
def restore_command(backup: Path, yes: bool) -> None:
    """Replace the embedded SQLite database with BACKUP. Stop the app first."""
    if not yes:
        click.confirm(
            "This replaces everything in the database with the backup. Go on?", abort=True
        )
    try:
        restore_sqlite(current_app.config["SQLALCHEMY_DATABASE_URI"], backup)
    except QaAuditError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Restored the database from {backup}.")


@click.command("purge-documents")
@click.option(
    "--older-than",
    "days",
    type=click.IntRange(min=1),
    required=True,
    help="Age in days of the uploads whose files are removed.",
)
@click.option("--dry-run", is_flag=True, help="List what would be removed, remove nothing.")
@with_appcontext
def purge_documents_command(days: int, dry_run: bool) -> None:
    """Remove stored plan and advice files (and their text) uploaded more than N days ago. Plan
    references, audits and scores are kept; each removal is written to the access log."""
    cutoff = datetime.now(UTC) - timedelta(days=days)
    purged = purge_documents(cutoff, dry_run=dry_run)
    verb = "Would remove" if dry_run else "Removed"
    for item in purged:
        click.echo(f"{verb} {item.plan_reference} {item.what}")
    click.echo(f"{verb} {len(purged)} document file(s) uploaded before {cutoff:%Y-%m-%d}.")


@click.command("remove-orphan-files")
@click.option(
    "--older-than-minutes",
    "minutes",
    type=click.IntRange(min=0),
    default=60,
    show_default=True,
    help="Keep newer files: they may belong to uploads in progress. Use 0 only while no "
    "server is running.",
)
@with_appcontext
def remove_orphan_files_command(minutes: int) -> None:
    """Remove files in the upload folder that no document version records (left when a server
    stopped between storing a file and recording it)."""
    removed = remove_orphan_files(timedelta(minutes=minutes))
    click.echo(f"Removed {len(removed)} stored file(s) that no document version records.")
