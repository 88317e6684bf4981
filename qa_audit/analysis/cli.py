"""Commands: ``analyse`` (the JSON contract), ``analyse-pending`` and ``worker``."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from qa_audit.analysis.stored import documents_needing_analysis

# The commands import the analyser (and so spaCy) when they run, not when the app registers them.


def _line(result: dict) -> str:
    if not result["ok"]:
        return f"{result['file']}: NOT ANALYSED - {result['error']}"
    reading = result["reading"]
    if reading["status"] != "plan":
        return f"{result['file']}: NOT READ AS A PLAN - {reading['message']}"
    summary = result["summary"]
    missing = [key for key, found in result["sections"].items() if not found]
    return (
        f"{result['file']}: {result['template']['kind']} template; "
        f"{summary['weak_outcomes']} of {summary['outcomes']} outcomes weak; "
        f"{summary['vague_provision']} of {summary['provision_items']} provision items vague; "
        f"sections missing: {', '.join(missing) or 'none'}; "
        f"outcomes {reading['outcomes']}; reading confidence {reading['confidence']}"
    )


@click.command("analyse")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract.")
def analyse_command(paths: tuple[Path, ...], as_json: bool) -> None:
    """Parse and pre-flag plan documents without storing them. Exit 1 if any file failed."""
    from qa_audit.analysis.contract import analyse_file

    results = [analyse_file(path) for path in paths]
    if as_json:
        click.echo(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        for result in results:
            click.echo(_line(result))
    if not all(result["ok"] for result in results):
        raise SystemExit(1)


@click.command("analyse-pending")
@with_appcontext
def analyse_pending_command() -> None:
    """Analyse every stored document version that has no result from the current analyser
    (new uploads, runs interrupted by a restart, or results from older rules), then trace the
    advice into each plan's newest version that has none stored (trace jobs lost or failed)."""
    from qa_audit.advice.findings import documents_needing_trace
    from qa_audit.analysis.runner import analyse_document, trace_advice

    pending = documents_needing_analysis()
    with click.progressbar(pending, label=f"Analysing {len(pending)} documents") as bar:
        for document_id in bar:
            analyse_document(document_id)
    click.echo(f"Analysed {len(pending)} document versions.")
    untraced = documents_needing_trace()
    with click.progressbar(untraced, label=f"Tracing advice into {len(untraced)} plans") as bar:
        for document_id in bar:
            trace_advice(document_id)
    click.echo(f"Traced the advice into {len(untraced)} plan versions.")


@click.command("worker")
@click.option(
    "--burst", is_flag=True, help="Stop once the queue is empty instead of waiting for more jobs."
)
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run an RQ worker for background jobs: analyses and report builds (needs REDIS_URL)."""
    from rq import Worker

    from qa_audit.background import QUEUE_KINDS, rq_queue
    from qa_audit.nlp.pipeline import get_nlp
    from qa_audit.nlp.readability import load_syllable_dictionary

    if not current_app.config["REDIS_URL"]:
        raise click.ClickException("Set REDIS_URL to the Redis server the web workers use.")
    queues = [rq_queue(kind) for kind in QUEUE_KINDS]
    get_nlp()  # built once here; each job runs in a fork of this process and inherits it
    load_syllable_dictionary()
    Worker(queues, connection=queues[0].connection).work(burst=burst)
