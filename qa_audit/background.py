"""Background jobs, run where ``ANALYSIS_QUEUE`` says, never inside the request that asks:

- ``thread`` (embedded default): one background thread per kind of job in this process;
- ``rq``: an RQ queue per kind on Redis (``REDIS_URL``), run by ``qa-audit worker`` processes
  on any machine that reaches the database;
- ``inline``: at once, in the caller (tests and the command line).

A job is named by its dotted path (``"package.module.function"``) and takes one id; it runs in
an application context with its own database session. The database records what each job is
for (an analysis ``queued``, a report build ``queued``), so a job lost with its thread, worker
or Redis can be found and run again.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from flask import Flask, current_app

from qa_audit.extensions import db

if TYPE_CHECKING:
    from rq import Queue

QUEUE_KINDS = ("analysis", "reports")  # what ``qa-audit worker`` listens to

_pools: dict[str, ThreadPoolExecutor] = {}
_pools_lock = threading.Lock()  # threaded web workers may ask at the same moment


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
    """What an RQ job runs. ``qa-audit worker`` runs it in a process forked from the worker,
    which keeps the worker's app context, so neither the app nor the spaCy pipeline is built
    again for each job."""
    _run_in_app(current_app._get_current_object(), path, object_id)


def run_in_background(path: str, object_ids: Iterable[int], kind: str) -> bool:
    """Run the job ``path`` on each id; ``kind`` names its thread and RQ queue.

    False when Redis cannot be reached (logged): the jobs did not start, and what the database
    records about them is left for the caller to keep or change.
    """
    ids = list(object_ids)
    mode = current_app.config["ANALYSIS_QUEUE"]
    if mode == "inline":
        for object_id in ids:
            _job(path)(object_id)
    elif mode == "rq":
        return _enqueue_on_redis(path, ids, kind)
    else:
        with _pools_lock:
            if kind not in _pools:
                _pools[kind] = ThreadPoolExecutor(max_workers=1, thread_name_prefix=kind)
            pool = _pools[kind]
        app = current_app._get_current_object()
        for object_id in ids:
            pool.submit(_run_in_app, app, path, object_id)
    return True


def rq_queue(kind: str = "analysis") -> Queue:
    """The RQ queue on Redis for jobs of ``kind`` (``rq`` mode: several web workers or machines)."""
    from redis import Redis
    from rq import Queue

    return Queue(f"qa_audit_{kind}", connection=Redis.from_url(current_app.config["REDIS_URL"]))


def _enqueue_on_redis(path: str, ids: list[int], kind: str) -> bool:
    from redis.exceptions import RedisError

    try:
        queue = rq_queue(kind)
        for object_id in ids:
            queue.enqueue(run_queued_job, path, object_id, job_timeout=600)
    except RedisError:
        current_app.logger.exception(
            "%s queue unreachable; %s jobs %s not started", kind, path, ids
        )
        return False
    return True
