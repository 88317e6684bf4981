"""The app in processes of its own, as production runs it: gunicorn serving it on a free loopback
port, and ``qa-audit`` commands, with the environment they share. The fault tests, the
scale-out test and the load benchmark all start their servers here, so nothing here needs
pytest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import requests

from qa_audit.config import project_root
from tests.gunicorn_hooks import READY
from tests.services import free_port

T = TypeVar("T")
QA_AUDIT = [sys.executable, "-m", "qa_audit"]
STATIC_FILE = "/static/js/init.mjs"  # served without the database or a session
START_SECONDS = 180  # every worker imports the app: several seconds, more on a busy machine
STOP_SECONDS = 30  # for workers to finish their requests and analyses
# A developer's shell may name a Redis server; a test's processes must not send work there.
NOT_INHERITED = ("REDIS_URL", "ANALYSIS_QUEUE")


def wait_for(condition: Callable[[], T], timeout: float, what: str, interval: float = 0.02) -> T:
    """Poll ``condition`` until it returns something true; ``TimeoutError`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := condition():
            return found
        time.sleep(interval)
    raise TimeoutError(f"gave up after {timeout:.0f} s waiting for {what}")


def process_environment(**settings: str) -> dict[str, str]:
    """This process's environment for a process of the app: this checkout importable and
    served, session cookies sent over plain HTTP (loopback has no TLS), analyses run in the
    app's own threads unless ``settings`` name a Redis server, then ``settings``."""
    root = str(project_root())
    inherited = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
    return {
        **inherited,
        "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])),
        "QA_AUDIT_ROOT": root,
        "SESSION_COOKIE_SECURE": "0",
        "MFA_REQUIRED_ROLES": "",  # these tests sign in with a password alone
        **settings,
    }


def app_environment(config: Mapping[str, Any], **settings: str) -> dict[str, str]:
    """Environment for a process of the app (gunicorn, ``qa-audit worker``) that shares a test
    app's database, upload folder and secret key, as processes on other machines would."""
    return process_environment(
        DATABASE_URL=config["SQLALCHEMY_DATABASE_URI"],
        UPLOAD_FOLDER=config["UPLOAD_FOLDER"],
        SECRET_KEY=config["SECRET_KEY"],
        **settings,
    )


class AppServer:
    """``gunicorn "qa_audit:create_app()"`` on a free loopback port, as ``scripts/run.sh`` serves
    it. It starts at once, so it boots while the caller prepares; ``wait_until_serving()`` waits
    for every worker. It runs in a process group of its own, so ``kill()`` cuts off the master
    and its workers together; leaving ``with`` stops it gracefully. Its output and the app's log
    are appended to ``log``, which several servers in turn may share."""

    def __init__(
        self,
        environment: Mapping[str, str],
        log: Path,
        *,
        workers: int = 1,
        worker_class: str = "sync",
        threads: int = 1,
        options: tuple[str, ...] = (),
    ) -> None:
        self.workers, self.log = workers, log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._log_start = log.stat().st_size if log.exists() else 0
        command = [
            *(sys.executable, "-m", "gunicorn", "--config", "python:tests.gunicorn_hooks"),
            *("--workers", str(workers), "--worker-class", worker_class),
            *("--threads", str(threads), "--bind", f"127.0.0.1:{self.port}"),
            *("--graceful-timeout", str(STOP_SECONDS), "--no-control-socket"),
            *options,
            "qa_audit:create_app()",
        ]
        with log.open("ab") as output:
            self.process = subprocess.Popen(
                command,
                env=dict(environment),
                cwd=project_root(),
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def __enter__(self) -> AppServer:
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def wait_until_serving(self) -> str:
        """The base URL, once every worker has loaded the app and a request is answered. A
        server that exits first, or is not serving in time, is killed and reported."""
        try:
            wait_for(self._serving, START_SECONDS, "every gunicorn worker to serve", 0.2)
        except Exception as error:
            self.kill()
            tail = self.log.read_text(errors="replace")[-3000:]
            raise RuntimeError(f"{error}; the end of {self.log}:\n{tail}") from error
        return self.url

    def _serving(self) -> bool:
        if self.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with code {self.process.returncode}")
        if self.lines_logged(READY) < self.workers:
            return False
        try:
            return requests.get(self.url + STATIC_FILE, timeout=5).status_code == 200
        except (requests.ConnectionError, requests.Timeout):  # still binding or busy
            return False

    def lines_logged(self, text: str) -> int:
        """Lines containing ``text`` that the log gained since this server started."""
        wanted = text.encode()
        with self.log.open("rb") as lines:
            lines.seek(self._log_start)
            return sum(wanted in line for line in lines)

    def worker_pids(self) -> list[int]:
        """Processes the master forked to serve requests."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def kill(self) -> None:
        """SIGKILL the master and its workers at once, like a power cut or the OOM killer."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        """Shut down the way an administrator would: workers finish what they are doing, and
        whatever is still running after ``STOP_SECONDS`` is killed."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_SECONDS + 5)
            except subprocess.TimeoutExpired:
                self.kill()
