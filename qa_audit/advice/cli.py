"""``qa-audit advice-import FOLDER|ARCHIVE.zip --metadata FILE.csv``: advice documents for many
plans at once, all or none."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("advice-import")
@click.argument("folder", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--metadata",
    "metadata_csv",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV: file, plan_reference, received_on, and optionally source and requested_on.",
)
def advice_import_command(folder: Path, metadata_csv: Path) -> None:
    """Add the advice documents in FOLDER (or a .zip archive) to their plans, as the CSV names
    them. Nothing is stored unless every document is; exits 1 listing every problem otherwise."""
    from qa_audit.advice.bulk import (
        BulkAdviceError,
        import_advice_archive,
        import_advice_folder,
        read_advice_csv,
    )

    if folder.is_dir():
        import_from = import_advice_folder
    elif folder.suffix.lower() == ".zip":
        import_from = import_advice_archive
    else:
        raise click.ClickException(f"{folder} is neither a folder nor a .zip archive.")

    try:
        text = metadata_csv.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise click.ClickException(f"{metadata_csv} is not a CSV saved as text (UTF-8).") from error
    try:
        results = import_from(folder, read_advice_csv(text))
    except BulkAdviceError as error:
        click.echo("Nothing was imported:", err=True)
        for problem in error.problems:
            click.echo(f"  {problem}", err=True)
        raise SystemExit(1) from error
    for result in results:
        click.echo(result.message)
    stored = sum(result.status == "imported" for result in results)
    click.echo(f"{stored} imported, {len(results) - stored} already held.")
