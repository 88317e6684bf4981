"""Gunicorn settings for the app's servers in tests and the load test
(``--config python:tests.gunicorn_hooks``): each worker says in the log when it has loaded the
app, so a caller can wait for every worker rather than for the first that answers. The app's
own settings (``qa_audit.gunicorn_conf``) come first."""

from __future__ import annotations

from qa_audit.gunicorn_conf import max_requests, max_requests_jitter  # noqa: F401

READY = "Worker ready"


def post_worker_init(worker) -> None:
    worker.log.info("%s (pid: %s)", READY, worker.pid)
