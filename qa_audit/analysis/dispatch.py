"""Where analysis jobs run, chosen by configuration, never inside the upload request:

- ``ANALYSIS_QUEUE=thread`` (embedded default): one background thread in this process;
- ``ANALYSIS_QUEUE=rq``: an RQ queue on Redis (``REDIS_URL``), run by ``qa-audit worker``
  processes on any machine that reaches the database;
- ``ANALYSIS_QUEUE=inline``: at once, in the caller (tests and the command line).
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

from flask import Flask, current_app

from qa_audit.analysis.runner import analyse_document, analysis_for
from qa_audit.extensions import db

_executor: ThreadPoolExecutor | None = None


def _thread_pool() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="analysis")
    return _executor


def _run_in_app(app: Flask, document_id: int) -> None:
    with app.app_context():
        try:
            analyse_document(document_id)
        finally:
            db.session.remove()


def run_job(document_id: int) -> None:
    """Entry point for a queue job. ``qa-audit worker`` runs it in a process forked from the
    worker, which keeps the worker's app context, so neither the app nor the spaCy pipeline is
    built again for each job."""
    _run_in_app(current_app._get_current_object(), document_id)


def enqueue_analysis(document_ids: Iterable[int]) -> None:
    """Mark each document ``queued`` (committed, so a restart can resume it) and hand it on."""
    ids = list(document_ids)
    for document_id in ids:
        analysis_for(document_id).status = "queued"
    db.session.commit()
    mode = current_app.config["ANALYSIS_QUEUE"]
    if mode == "inline":
        for document_id in ids:
            analyse_document(document_id)
    elif mode == "rq":
        _enqueue_on_redis(ids)
    else:
        app = current_app._get_current_object()
        for document_id in ids:
            _thread_pool().submit(_run_in_app, app, document_id)


def _enqueue_on_redis(ids: list[int]) -> None:
    """Hand the jobs to RQ. With Redis unreachable the upload still stands: the documents stay
    ``queued`` in the database, which ``qa-audit analyse-pending`` works through."""
    from redis.exceptions import RedisError

    from qa_audit.analysis.queue import rq_queue

    try:
        queue = rq_queue()
        for document_id in ids:
            queue.enqueue(run_job, document_id, job_timeout=600)
    except RedisError:
        current_app.logger.exception(
            "analysis queue unreachable; documents %s stay queued for qa-audit analyse-pending",
            ids,
        )
