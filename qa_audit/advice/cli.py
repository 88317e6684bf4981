"""``qa-audit advice-import FOLDER --metadata FILE.csv``: advice documents for many plans at
once, all or none."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("advice-import")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--metadata",
    "metadata_csv",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV: file, plan_reference, received_on, and optionally source and requested_on.",
)
def advice_import_command(folder: Path, metadata_csv: Path) -> None:
    """Add the advice documents in FOLDER to their plans, as the CSV names them. Nothing is
    stored unless every document is; exits 1 listing every problem otherwise."""
    from qa_audit.advice.bulk import BulkAdviceError, import_advice_folder, read_advice_csv

    try:
        text = metadata_csv.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise click.ClickException(f"{metadata_csv} is not a CSV saved as text (UTF-8).") from error
    try:
        results = import_advice_folder(folder, read_advice_csv(text))
    except BulkAdviceError as error:
        click.echo("Nothing was imported:", err=True)
        for problem in error.problems:
            click.echo(f"  {problem}", err=True)
        raise SystemExit(1) from error
    for result in results:
        click.echo(result.message)
    stored = sum(result.status == "imported" for result in results)
    click.echo(f"{stored} imported, {len(results) - stored} already held.")
