"""Every gunicorn that serves the app replaces its workers after a number of requests, so that
memory a worker keeps is given back: the settings ship in ``qa_audit.gunicorn_conf``, every
serving command names them, and a server started with them really replaces its worker."""

from __future__ import annotations

import re
from pathlib import Path

import requests

from qa_audit import gunicorn_conf
from tests.app_processes import AppServer, app_environment, wait_for
from tests.gunicorn_hooks import READY

ROOT = Path(__file__).resolve().parents[2]


def test_every_serving_command_loads_settings_that_recycle_workers() -> None:
    assert gunicorn_conf.max_requests >= 100
    assert 0 < gunicorn_conf.max_requests_jitter < gunicorn_conf.max_requests
    for path in (ROOT / "scripts/run.sh", ROOT / "README.md"):
        commands = re.findall(r"bin/gunicorn [^\n]*", path.read_text())
        assert commands, path
        for command in commands:
            assert "--config python:qa_audit.gunicorn_conf" in command, (path.name, command)


def test_a_worker_is_replaced_after_its_requests(app, app_config, tmp_path: Path) -> None:
    options = ("--max-requests", "4", "--max-requests-jitter", "1")
    with AppServer(app_environment(app_config), tmp_path / "server.log", options=options) as server:
        url = server.wait_until_serving()
        for _ in range(10):
            assert requests.get(url + "/login", timeout=10).status_code == 200
        # The replacement logs that it is ready once it has loaded the app.
        wait_for(lambda: server.lines_logged(READY) >= 2, 60, "a second worker")
        workers = set(re.findall(rf"{READY} \(pid: (\d+)\)", server.log.read_text()))
    assert len(workers) >= 2, workers
