"""``qa-audit trace PLAN --advice FILE...``: where the plan reflects each recommendation of the
professional advice, and the provision no advice supports; and the tracer's accuracy for
``qa-audit eval --trace``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from qa_audit.errors import BadDocument

T = TypeVar("T")
# The commands import the readers' callers and spaCy when they run, not when registered.


@click.command("trace")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--advice",
    "advice_paths",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="FILE...",
    help="Advice documents (.docx or PDF); more may follow the first.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract.")
def trace_command(paths: tuple[Path, ...], advice_paths: tuple[Path, ...], as_json: bool) -> None:
    """Trace every recommendation of the advice documents into the plan PLAN."""
    if not paths:
        raise click.UsageError("Give the plan document, then --advice and the advice documents.")
    plan_path, advice_files = paths[0], [*advice_paths, *paths[1:]]
    if not advice_files:
        raise click.UsageError("Give at least one advice document after --advice.")
    from qa_audit.documents.advice_document import read_advice
    from qa_audit.documents.reader import read_plan
    from qa_audit.nlp.trace import trace

    plan = _read(plan_path, read_plan)
    if plan.reading.status != "plan":
        raise click.ClickException(
            f"{plan_path} was not read as an EHC plan: {plan.reading.message}"
        )
    advice = [(str(path), _read(path, read_advice)) for path in advice_files]
    result = trace(str(plan_path), plan, advice)
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        for line in _summary(result.to_dict()):
            click.echo(line)


def _read(path: Path, reader: Callable[[bytes, str], T]) -> T:
    """``reader`` on the file's bytes; any failure is one sentence naming the file."""
    try:
        data = path.read_bytes()
    except OSError as err:
        reason = err.strerror or "it cannot be opened"
        raise click.ClickException(f"{path} cannot be read: {reason}.") from err
    try:
        return reader(data, path.name)
    except BadDocument as err:
        raise click.ClickException(f"{path}: {err}") from err


def _summary(result: dict) -> list[str]:
    lines = [f"Plan: {result['plan']}"]
    for advice in result["advice"]:
        recs = advice["recommendations"]
        watered = sum(r["watered_down"] for r in recs)
        missing = sum(not r["reflected"] for r in recs)
        unnamed = sum(bool(r["who_left_out"]) for r in recs)
        lines.append(
            f"{advice['file']} ({advice['source']}): {len(recs)} recommendations, "
            f"{len(recs) - watered - missing} reflected, {watered} watered down, "
            f"{missing} missing; {unnamed} carried without the person the advice names"
        )
        for r in recs:
            if not r["reflected"]:
                lines.append(f"  MISSING       {r['text']}")
                continue
            label = "WATERED DOWN" if r["watered_down"] else "REFLECTED"
            lines.append(f"  {label:<13} {r['text']}")
            lines.append(f"                in {r['where']['section']}: {r['where']['text']}")
            if r["lost"]:
                lines.append(f"                lost: {', '.join(r['lost'])}")
            if r["who_left_out"]:
                named = ", ".join(r["who_left_out"])
                lines.append(f"                person not named: {named}")
    unsupported = result["unsupported"]
    lines.append(f"Provision no advice supports (for an auditor to check): {len(unsupported)}")
    lines += [f"  {s['section']}: {s['text']}" for s in unsupported]
    return lines


def report_trace_eval(cases: int) -> None:
    """Print recall and precision of missing, watered-down and unsupported findings on each
    split of the paraphrase pairs, beside the precision of flagging everything."""
    from qa_audit.nlp.trace_eval import SEED_BASE, SPLIT_NOTES, evaluate_trace

    click.echo("Advice tracing on generated plans that reword the advice (.docx and PDF)")
    click.echo(
        f"{'split':<9}{'label':<15}{'n':>5}{'tp':>5}{'fp':>5}{'fn':>5}{'prec':>8}{'recall':>8}"
        f"{'base P':>8}"
    )
    for split in SEED_BASE:
        result = evaluate_trace(split, cases)
        for s in result.scores:
            click.echo(
                f"{split:<9}{s.label:<15}{s.support:>5}{s.tp:>5}{s.fp:>5}{s.fn:>5}"
                f"{s.precision:>8.3f}{s.recall:>8.3f}{result.baseline[s.label]:>8.3f}"
            )
        click.echo(
            f"({split}: {result.cases} plans, {result.recommendations} recommendations; "
            f"{SPLIT_NOTES[split]}; person not named on {result.unnamed} of {result.carried} "
            "carried)"
        )
    click.echo("base P: the precision of flagging every candidate (its recall is 1).")
    click.echo(
        "(person not named: counted on recommendations the plan carries; the blind sets were "
        "written so that every plan names the person the advice named: there each is a false "
        "alarm.)"
    )
