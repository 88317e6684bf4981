"""``qa-audit caseload import``: load a case-management extract; ``qa-audit kpis``: the
timeliness measures of a term."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click
from flask import current_app

from qa_audit.errors import QaAuditError
from qa_audit.terms import term_by_id
from qa_audit.timeliness.extract import load_mapping, read_extract
from qa_audit.timeliness.importing import store_extract
from qa_audit.timeliness.measures import measures, parse_targets
from qa_audit.unit_of_work import unit_of_work


@click.group("caseload")
def caseload_group() -> None:
    """The case-management extract behind the timeliness measures."""


@caseload_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--mapping",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="TOML file renaming the extract's headers to the canonical columns.",
)
def import_command(file: Path, mapping: Path | None) -> None:
    """Import FILE (CSV or XLSX, one row per plan event): all rows or none."""
    try:
        extract = read_extract(file.read_bytes(), file.name, load_mapping(mapping))
    except QaAuditError as error:
        raise click.ClickException(str(error)) from error
    if extract.problems:
        for problem in extract.problems:
            click.echo(f"  {problem}", err=True)
        raise click.ClickException(
            f"{file.name} was not imported: {len(extract.problems)} problem(s) listed above. "
            "Nothing was changed."
        )
    with unit_of_work():
        result = store_extract(extract)
    click.echo(
        f"Imported {result.rows} rows for {result.references} plans from {file.name}: "
        f"{result.replaced} new or changed, {result.unchanged} unchanged; {result.linked} are "
        f"plans in the tool, {result.details_filled} of which were given missing details."
    )


@click.command("kpis")
@click.option("--term", "term_id", required=True, help="Term id, for example autumn-2025.")
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The date the figures are computed on (default today): decides what is pending.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def kpis_command(term_id: str, as_of, as_json: bool) -> None:
    """Print the timeliness measures of TERM from the imported extract."""
    try:
        span = term_by_id(term_id, current_app.config["TERM_STARTS"])
        targets = parse_targets(current_app.config["TIMELINESS_TARGETS"])
    except QaAuditError as error:
        raise click.ClickException(str(error)) from error
    found = measures(span.starts_on, span.ends_on, as_of.date() if as_of else date.today(), targets)
    if as_json:
        kpis = {m.name: m.to_dict() for m in found}
        click.echo(json.dumps({"term": span.id, "kpis": kpis}, indent=2))
        return
    click.echo(f"Timeliness, {span.label} ({span.starts_on:%d %B %Y} to {span.ends_on:%d %B %Y})")
    for m in found:
        share = "no cases" if m.share is None else f"{m.share:.0%}"
        pending = f", {m.pending} pending" if m.pending else ""
        click.echo(
            f"  {m.name}: {share} ({m.on_time} of {m.counted}{pending}); target {m.target:.0%}"
        )
