"""Real gunicorn serving the app factory on a loopback port, as ``scripts/run.sh`` serves it."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from benchmarks.load.gunicorn_hooks import READY
from qa_audit.config import project_root
from tests.services import free_port

READY_PATH = "/static/js/init.mjs"  # served without the database or a session
START_SECONDS = 120
STOP_SECONDS = 30


class Gunicorn:
    """``with Gunicorn(...) as server:`` starts the master and its workers at once (so they can
    boot while the caller prepares), ``server.wait_until_serving()`` gives the base URL once
    every worker has loaded the app, and leaving stops the master gracefully, so workers finish
    their requests and analyses. Its output and the app's log go to ``log``."""

    def __init__(
        self, settings: dict[str, str], *, workers: int, worker_class: str, threads: int, log: Path
    ) -> None:
        self.settings, self.workers, self.log = settings, workers, log
        self.worker_class, self.threads = worker_class, threads
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Gunicorn:
        root = project_root()
        env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
        env.update(self.settings)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
        command = [
            *(
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                "python:" + __package__ + ".gunicorn_hooks",
            ),
            *("--workers", str(self.workers), "--worker-class", self.worker_class),
            *("--threads", str(self.threads), "--bind", f"127.0.0.1:{self.port}"),
            *("--graceful-timeout", str(STOP_SECONDS), "--no-control-socket"),
            "qa_audit:create_app()",
        ]
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
                command, cwd=root, env=env, stdout=output, stderr=subprocess.STDOUT
            )
        return self

    def wait_until_serving(self) -> str:
        base_url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with code {self.process.returncode}")
            if count_in_log(self.log, READY) >= self.workers:
                with contextlib.suppress(httpx.TransportError):
                    if httpx.get(base_url + READY_PATH, timeout=5).status_code == 200:
                        return base_url
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn's workers were not all serving after {START_SECONDS} s")

    def __exit__(self, *exc_info) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=STOP_SECONDS + 5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def count_in_log(log: Path, text: str) -> int:
    """Lines of the server log containing ``text``."""
    with log.open(encoding="utf-8", errors="replace") as lines:
        return sum(text in line for line in lines)
