"""Background jobs, run where ``ANALYSIS_QUEUE`` says, never inside the request that asks:

- ``thread`` (embedded default): a single background thread per job kind in this process;
- ``rq``: an RQ queue on Redis (``REDIS_URL``), run by ``qa-audit worker``;
- ``inline``: at once, in the caller (tests and the command line).

A job is named by its dotted path (``"package.module.function"``) and takes one id; it runs in
an application context with its own database session.
"""

from __future__ import annotations

import importlib
from concurrent.futures import ThreadPoolExecutor

from flask import Flask, current_app

from qa_audit.extensions import db

_pools: dict[str, ThreadPoolExecutor] = {}


def _job(path: str):
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _run_in_app(app: Flask, path: str, object_id: int) -> None:
    with app.app_context():
        try:
            _job(path)(object_id)
        finally:
            db.session.remove()


def run_queued_job(path: str, object_id: int) -> None:
    """What an RQ worker runs: builds the app, then the job inside it."""
    from qa_audit.app import create_app

    _run_in_app(create_app(), path, object_id)


def run_in_background(path: str, object_id: int, kind: str) -> None:
    """Run the job ``path`` on ``object_id``; ``kind`` names its thread and RQ queue."""
    mode = current_app.config["ANALYSIS_QUEUE"]
    if mode == "inline":
        _job(path)(object_id)
    elif mode == "rq":
        from qa_audit.analysis.queue import rq_queue

        rq_queue(kind).enqueue(run_queued_job, path, object_id, job_timeout=600)
    else:
        if kind not in _pools:
            _pools[kind] = ThreadPoolExecutor(max_workers=1, thread_name_prefix=kind)
        _pools[kind].submit(_run_in_app, current_app._get_current_object(), path, object_id)
