"""Gunicorn settings for the app's servers in tests and the load test
(``--config python:tests.gunicorn_hooks``): each worker says in the log when it has loaded the
app, so a caller can wait for every worker rather than for the first that answers."""

from __future__ import annotations

READY = "Worker ready"


def post_worker_init(worker) -> None:
    worker.log.info("%s (pid: %s)", READY, worker.pid)
