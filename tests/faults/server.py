"""The app under real gunicorn in a subprocess on a free loopback port, the way it is served in
production, so a test can kill it with a real signal and start it again on the same database and
upload folder."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import requests
from urllib3.filepost import encode_multipart_formdata

from tests.factories import PASSWORD, csrf_token_in
from tests.services import free_port

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[2]
READY_SECONDS = 180  # importing the app takes several seconds, more on a busy machine


def app_env(config: dict) -> dict[str, str]:
    """Environment for a server or command on the test app's database, folder and key."""
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QA_AUDIT_ROOT": str(ROOT),
        "DATABASE_URL": config["SQLALCHEMY_DATABASE_URI"],
        "UPLOAD_FOLDER": config["UPLOAD_FOLDER"],
        "SECRET_KEY": config["SECRET_KEY"],
        "SESSION_COOKIE_SECURE": "0",
        "ANALYSIS_QUEUE": "thread",
        "REDIS_URL": "",
    }


def qa_audit_command(*arguments: str) -> list[str]:
    """The ``qa-audit`` entry point, run by this interpreter."""
    return [sys.executable, "-c", "from qa_audit.cli import main; main()", *arguments]


def wait_for(condition: Callable[[], T], timeout: float, what: str, interval: float = 0.02) -> T:
    """Poll ``condition`` until it returns something true; fail the test after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := condition():
            return found
        time.sleep(interval)
    raise AssertionError(f"gave up after {timeout:.0f} s waiting for {what}")


class Server:
    """``gunicorn "qa_audit:create_app()"`` in its own process group, logging to ``log``."""

    def __init__(self, env: dict[str, str], log: Path, workers: int = 1) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{self.port}",
            "qa_audit:create_app()",
        ]
        with log.open("ab") as output:
            self.process = subprocess.Popen(
                command,
                env=env,
                cwd=ROOT,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def __enter__(self) -> Server:
        """Wait until the server answers (killing it if it never does)."""
        try:
            wait_for(self._ready, READY_SECONDS, f"the server to answer (log: {self.log})", 0.2)
        except BaseException:
            self.kill()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _ready(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"the server exited: {self.log.read_text()[-3000:]}")
        try:
            return requests.get(f"{self.url}/login", timeout=5).status_code == 200
        except (requests.ConnectionError, requests.Timeout):  # workers still starting
            return False

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
        """Shut down the way an administrator would (workers finish what they are doing)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


def sign_in(server: Server, email: str) -> tuple[requests.Session, requests.Response]:
    """Sign in through the real form in a new browser-like session; returns the answer too."""
    browser = requests.Session()
    page = browser.get(f"{server.url}/login", timeout=30)
    response = browser.post(
        f"{server.url}/login",
        data={"email": email, "password": PASSWORD, "csrf_token": csrf_token_in(page.text)},
        timeout=30,
    )
    return browser, response


def signed_in(server: Server, email: str) -> requests.Session:
    browser, response = sign_in(server, email)
    assert response.ok and "Sign out" in response.text, response.text[-2000:]
    return browser


def form_token(browser: requests.Session, url: str) -> str:
    return csrf_token_in(browser.get(url, timeout=30).text)


def send_form(
    server: Server, browser: requests.Session, path: str, fields: list, share: float = 1.0
) -> socket.socket:
    """Send a multipart POST without waiting for the answer, stopping after ``share`` of the
    body as a slow or stalled connection would; the caller closes the socket."""
    body, content_type = encode_multipart_formdata(fields)
    cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in browser.cookies)
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
        f"Cookie: {cookies}\r\n\r\n"
    )
    connection = socket.create_connection(("127.0.0.1", server.port))
    connection.sendall(head.encode() + body[: int(len(body) * share)])
    return connection
