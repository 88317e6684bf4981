"""``qa-audit report``: write a term's report as PDF, or its data as CSV or XLSX."""

from __future__ import annotations

from pathlib import Path

import click

from qa_audit.errors import QaAuditError
from qa_audit.reports.outputs import FORMATS, report_file
from qa_audit.reports.report import build_report


@click.command("report")
@click.option("--term", "term_id", required=True, help="Term id, for example autumn-2025.")
@click.option(
    "--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="File to write."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="pdf, csv or xlsx (default: from the file name, else pdf).",
)
def report_command(term_id: str, out: Path, fmt: str | None) -> None:
    """Write the termly QA report for TERM to OUT."""
    chosen = fmt or (out.suffix.lstrip(".").lower() if out.suffix[1:].lower() in FORMATS else "pdf")
    try:
        produced = report_file(build_report(term_id), chosen)
    except QaAuditError as error:
        raise click.ClickException(str(error)) from error
    out.write_bytes(produced.data)
    click.echo(
        f"Wrote the {term_id} report ({chosen.upper()}, {len(produced.data):,} bytes) to {out}."
    )
