"""Fixtures for the fault tests: real gunicorn servers on the test's database and upload
folder, the start-up commands that ``scripts/run.sh`` runs before serving, and a small real
filesystem to fill."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.app_processes import AppServer, app_environment
from tests.faults.disk import CannotMount, mounted_tmpfs


@pytest.fixture
def serve(app, app_config, tmp_path) -> Iterator[Callable[..., AppServer]]:
    """Start gunicorn on the test app's database (stopped before the tables are emptied)."""
    with contextlib.ExitStack() as running:

        def start(workers: int = 1) -> AppServer:
            log = tmp_path / "server.log"  # shared by the servers a test starts in turn
            server = running.enter_context(
                AppServer(app_environment(app_config), log, workers=workers)
            )
            server.wait_until_serving()
            return server

        yield start


@pytest.fixture
def start_up(runner) -> Callable[[], None]:
    """What ``scripts/run.sh`` does before serving: finish analyses that a stop interrupted and
    remove stored files that a crash left without a record."""

    def run() -> None:
        for command in (["analyse-pending"], ["remove-orphan-files", "--older-than-minutes", "0"]):
            result = runner.invoke(args=command)
            assert result.exit_code == 0, result.output

    return run


@pytest.fixture
def small_disk(tmp_path) -> Iterator[Path]:
    """A real 4 MB filesystem that a test can fill. Mounting needs root; CI requires it
    (``QA_AUDIT_REQUIRE_FULL_DISK=1``) when it runs as root."""
    if os.geteuid() != 0:
        pytest.skip("a full disk needs a small filesystem, and mounting one needs root")
    disk = tmp_path / "disk"
    try:
        with mounted_tmpfs(disk, megabytes=4):
            yield disk
    except CannotMount as error:
        if os.environ.get("QA_AUDIT_REQUIRE_FULL_DISK") == "1":
            pytest.fail(str(error))
        pytest.skip(str(error))
