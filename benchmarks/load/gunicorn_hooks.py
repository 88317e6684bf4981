"""Gunicorn settings for the load test (``--config python:benchmarks.load.gunicorn_hooks``):
each worker says in the log when it has loaded the app, so the load starts only once every
worker can answer rather than while some are still importing."""

from __future__ import annotations

READY = "Worker ready"


def post_worker_init(worker) -> None:
    worker.log.info("%s (pid: %s)", READY, worker.pid)
