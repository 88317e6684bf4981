"""``qa-audit import PATH... [--metadata FILE.csv]``: bulk import with a progress bar; and
``qa-audit reread``: read the stored documents again with the current parser."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from qa_audit.analysis.dispatch import enqueue_analysis
from qa_audit.errors import QaAuditError
from qa_audit.uploads.batch import import_batch
from qa_audit.uploads.metadata import read_metadata_csv
from qa_audit.uploads.reread import reread_documents

DOCUMENT_SUFFIXES = {".docx", ".pdf", ".docm", ".doc"}


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    files = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES)
            )
        else:
            files.append(path)
    return files


def _summary(results) -> Table:
    table = Table(title="Import summary")
    for column in ("File", "Result", "Plan", "Details"):
        table.add_column(column)
    for result in results:
        plan = result.plan.reference if result.plan else result.printed_reference or ""
        table.add_row(result.filename, result.status, plan, result.message)
    return table


def _analyse(document_ids: list[int], console: Console) -> None:
    """Pre-flag what was imported: here and now, or on the queue when one is configured."""
    if current_app.config["ANALYSIS_QUEUE"] == "rq":
        enqueue_analysis(document_ids)
        click.echo(f"Queued {len(document_ids)} documents for analysis.")
        return
    from qa_audit.analysis.runner import analyse_document  # imports spaCy: only when it runs

    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("Analysing", total=len(document_ids))
        for document_id in document_ids:
            analyse_document(document_id)
            progress.advance(task)
    click.echo(f"Analysed {len(document_ids)} documents.")


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--metadata",
    "metadata_csv",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV of plan details, one row per file.",
)
def import_command(paths: tuple[Path, ...], metadata_csv: Path | None) -> None:
    """Import plan documents (.docx, PDF; folders are searched). Exits 1 if any file failed."""
    try:
        metadata = (
            read_metadata_csv(metadata_csv.read_text(encoding="utf-8-sig"), str(metadata_csv))
            if metadata_csv
            else {}
        )
    except (QaAuditError, UnicodeDecodeError) as error:
        raise click.ClickException(str(error)) from error
    files = _expand(paths)
    console = Console(stderr=True)
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("Importing", total=len(files))
        results = import_batch(
            ((path.name, path.read_bytes()) for path in files),
            metadata,
            user=None,
            progress=lambda _result: progress.advance(task),
        )
    Console().print(_summary(results))
    if printed := [r.printed_reference for r in results if r.printed_reference]:
        click.echo(
            "Plan references read from the documents, as no metadata gave them (check them; "
            f"correct any on the plan's page): {', '.join(printed)}"
        )
    _analyse([r.document.id for r in results if r.status == "imported"], console)
    counts = {
        status: sum(r.status == status for r in results)
        for status in ("imported", "duplicate", "failed")
    }
    click.echo(", ".join(f"{n} {status}" for status, n in counts.items()))
    if counts["failed"]:
        raise SystemExit(1)


@click.command("reread")
def reread_command() -> None:
    """Read every stored plan document again with the current parser (after an upgrade that
    reads documents better) and pre-flag again those whose reading changed."""
    rereading = reread_documents()
    click.echo(f"Read the stored documents again: {rereading.summary()}.")
    for document_id, reason in rereading.refused.items():
        click.echo(f"  document {document_id}: {reason}")
    if rereading.changed:
        _analyse(rereading.changed, Console(stderr=True))
