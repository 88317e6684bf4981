"""Command-line entry points of the pre-flagging package (registered on the ``qa-audit`` group).

* ``check-outcomes``: one outcome statement per line on stdin, one JSON object per line out.
* ``eval``: precision, recall and F1 of the pre-flags on a labelled split.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
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
@click.option(
    "--corpus",
    "corpus",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="PATH",
    help=(
        "Measure on the published statements in PATH (default: ../shared/corpus beside the "
        "project) instead of a labelled split."
    ),
)
@click.option(
    "--cross-validate",
    is_flag=True,
    help=(
        "With the corpus: leave one dev publisher out at a time and report each fold, without "
        "reading the held-out publishers."
    ),
)
@click.option(
    "--show-blind-misses",
    is_flag=True,
    help=(
        "With the corpus: list the misses on held-out and new publishers too. Reading them "
        "spends those publishers as a blind test; record that in the split file."
    ),
)
@click.option(
    "--trace",
    "trace_cases",
    type=click.IntRange(1, 500),
    is_flag=False,
    flag_value=12,
    default=None,
    metavar="[CASES]",
    help=(
        "Measure advice tracing instead: missing, watered-down and unsupported findings on "
        "CASES generated plans (12 by default) per split of paraphrase pairs."
    ),
)
def eval_command(
    split: str,
    corpus: str | None,
    cross_validate: bool,
    show_blind_misses: bool,
    trace_cases: int | None,
) -> None:
    """Print precision, recall and F1 of the pre-flags on a labelled split or on the corpus."""
    if trace_cases is not None:
        from qa_audit.nlp.trace_cli import report_trace_eval

        report_trace_eval(trace_cases)
        return
    if corpus is not None or cross_validate:
        _eval_corpus(corpus or "", cross_validate, show_blind_misses)
        return
    from qa_audit.nlp.evaluation import evaluate, good_outcomes_flagged

    scores = evaluate(split)
    click.echo(f"Pre-flag accuracy on the '{split}' split")
    click.echo(HEADER)
    for s in scores:
        click.echo(_row(s.label, s))
    wrongly = good_outcomes_flagged(split, PROVISION_NOT_OUTCOME)
    click.echo(f"Good outcomes flagged {PROVISION_NOT_OUTCOME}: {len(wrongly)}")


HEADER = f"{'label':<26}{'n':>5}{'tp':>5}{'fp':>5}{'fn':>5}{'prec':>8}{'recall':>8}{'F1':>8}"


def _row(name: str, s) -> str:
    return (
        f"{name:<26}{s.support:>5}{s.tp:>5}{s.fp:>5}{s.fn:>5}"
        f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
    )


def _eval_corpus(path: str, cross_validate: bool, show_blind_misses: bool) -> None:
    from qa_audit.nlp import corpus as c

    folder = Path(path) if path else c.default_corpus_dir()
    try:
        records = c.load_corpus(folder)
        split = c.load_split()
        if cross_validate:
            records = [r for r in records if split.part(r["publisher"]) == "dev"]
            checked = c.check_corpus(records, split)
            _report_cross_validation(c.cross_validate(checked))
            _report_misses(checked)
            return
    except c.CorpusError as err:
        raise click.ClickException(str(err)) from err
    checked = c.check_corpus(records, split)
    for part in c.PARTS:
        rows = [r for r in checked if r.part == part]
        publishers = len({r.record["publisher"] for r in rows})
        click.echo(f"== {part}: {len(rows)} statements from {publishers} publishers")
        if part == "heldout" and split.heldout_read:
            click.echo(f"(not blind: {split.heldout_read})")
        if not rows:
            continue
        click.echo(f"{HEADER}{'fp on good':>12}")
        for s in c.scores(rows):
            click.echo(f"{_row(s.label, s)}{c.raised_on_good(rows, s.label):>12}")
        click.echo(
            "(fp on good: raised on statements the source judged good; a flag the source does "
            "not name on a weak statement counts as fp too)"
        )
        click.echo("weak by subset (rules | baseline: weak unless it contains the word 'by')")
        click.echo(f"{'subset':<26}{'n':>5}{'prec':>8}{'recall':>8}{'F1':>8}   |{'F1':>8}")
        for name, subset in c.slices(rows):
            ours, base = c.weak_score(subset, c.rules), c.weak_score(subset, c.baseline)
            click.echo(
                f"{name:<26}{len(subset):>5}{ours.precision:>8.3f}{ours.recall:>8.3f}"
                f"{ours.f1:>8.3f}   |{base.f1:>8.3f}"
            )
        flagged, good = c.good_flagged(r for r in rows if r.record["kind"] in c.OUTCOME_KINDS)
        click.echo(f"good outcomes called weak: {flagged} of {good}")
        _report_publishers(c.by_publisher(rows))
        if part in c.BLIND_PARTS and not show_blind_misses:
            click.echo(f"misses on {part} publishers not listed (--show-blind-misses lists them)")
        else:
            _report_misses(rows)


PUBLISHER_HEADER = (
    f"{'publisher':<34}{'n':>4} |{'prec':>6}{'rec':>6}{'F1':>6}{'good→weak':>10} |"
    f"{'prec':>6}{'rec':>6}{'F1':>6}{'good→weak':>10}"
)


def _report_publishers(table) -> None:
    click.echo("weak per publisher (rules | baseline); good→weak counts outcome statements")
    click.echo(PUBLISHER_HEADER)
    for p in table:
        cells = []
        for s, (flagged, good) in (
            (p.rules, p.good_called_weak),
            (p.baseline, p.good_called_weak_baseline),
        ):
            cells.append(
                f"{s.precision:>6.2f}{s.recall:>6.2f}{s.f1:>6.2f}{f'{flagged}/{good}':>10}"
            )
        click.echo(f"{p.publisher[:33]:<34}{p.statements:>4} |{cells[0]} |{cells[1]}")


def _report_cross_validation(cv) -> None:
    click.echo(f"== leave-one-publisher-out over {len(cv.folds)} dev publishers")
    click.echo("(the rules are fitted on no corpus statement: each fold is its left-out publisher)")
    _report_publishers(cv.folds)
    for name, score_ in zip(("rules", "baseline"), cv.pooled, strict=True):
        worst = cv.worst(name)
        flagged = sum(getattr(f, _GOOD[name])[0] for f in cv.folds)
        good = sum(getattr(f, _GOOD[name])[1] for f in cv.folds)
        click.echo(
            f"{name}: pooled weak P {score_.precision:.3f} R {score_.recall:.3f} "
            f"F1 {score_.f1:.3f}; mean F1 over publishers {cv.mean_f1(name):.3f}; worst "
            f"{worst.publisher[:40]} ({getattr(worst, name).f1:.3f}); good outcomes called weak "
            f"{flagged} of {good}"
        )


_GOOD = {"rules": "good_called_weak", "baseline": "good_called_weak_baseline"}


def _report_misses(rows) -> None:
    from qa_audit.nlp import corpus as c

    click.echo("misses (source | rules):")
    for r in c.misses(rows):
        expected = ",".join(sorted(r.prediction.expected)) or "good"
        predicted = ",".join(sorted(r.prediction.predicted)) or "good"
        note = " (borderline)" if r.record.get("borderline") else ""
        click.echo(
            f"  {r.record['id']} {r.record['group']}/{r.record['kind']}{note}: "
            f"{expected} | {predicted}"
        )
        click.echo(f"    {r.record['text']}")
        for line in r.evidence:
            click.echo(f"      {line}")
