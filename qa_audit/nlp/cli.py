"""Command-line entry points of the pre-flagging package (registered on the ``qa-audit`` group).

* ``check-outcomes``: one outcome statement per line on stdin, one JSON object per line out.
* ``eval``: precision, recall and F1 of the pre-flags on a labelled split.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TextIO

import click

from qa_audit.nlp.flags import PROVISION_NOT_OUTCOME
from qa_audit.nlp.labelled import SPLITS

# The commands import spaCy's modules when they run, not when the app registers them.


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError as err:
        raise click.BadParameter("use the form YYYY-MM-DD, for example 2026-09-01") from err


@click.command("check-outcomes")
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option(
    "--reference-date",
    callback=_parse_date,
    metavar="YYYY-MM-DD",
    help="Date against which target dates count as passed (default: today).",
)
def check_outcomes(source: TextIO, reference_date: date | None) -> None:
    """Check outcome statements read one per line from SOURCE (default: standard input).

    Writes one JSON object per line: {"text", "weak", "flags": [{"code", "message",
    "evidence"}]}. Blank lines are skipped.
    """
    from qa_audit.nlp.outcomes import check_outcomes as run_checks

    texts = [line.strip() for line in source if line.strip()]
    for result in run_checks(texts, reference_date=reference_date):
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False))


@click.command("eval")
@click.option("--split", type=click.Choice(SPLITS), default="heldout", show_default=True)
def eval_command(split: str) -> None:
    """Print precision, recall and F1 of the pre-flags on a labelled split."""
    from qa_audit.nlp.evaluation import evaluate, good_outcomes_flagged

    click.echo(f"Pre-flag accuracy on the '{split}' split")
    click.echo(f"{'label':<26}{'n':>5}{'tp':>5}{'fp':>5}{'fn':>5}{'prec':>8}{'recall':>8}{'F1':>8}")
    for s in evaluate(split):
        click.echo(
            f"{s.label:<26}{s.support:>5}{s.tp:>5}{s.fp:>5}{s.fn:>5}"
            f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
        )
    wrongly = good_outcomes_flagged(split, PROVISION_NOT_OUTCOME)
    click.echo(f"Good outcomes flagged {PROVISION_NOT_OUTCOME}: {len(wrongly)}")
