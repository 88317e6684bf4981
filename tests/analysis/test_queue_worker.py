"""Background analysis on the scale-out path: uploads enqueue jobs on a real Redis server and a
real ``qa-audit worker`` process runs them, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from rq.job import JobStatus
from sqlalchemy import create_engine, select, text

from qa_audit.analysis.stored import documents_needing_analysis
from qa_audit.background import rq_queue
from qa_audit.extensions import db
from qa_audit.models import Analysis, Plan
from qa_audit.synthetic import generate_plan
from tests.app_processes import QA_AUDIT, app_environment
from tests.factories import login, upload_plan
from tests.services import free_port

# A conversion plan gives statement-era wording to flag, so the finished analysis shows on the page.
PLAN = generate_plan(5, "conversion", "docx")
PENDING = "Pre-flags are being computed"


@pytest.fixture
def app_config(app_config, redis_url) -> dict:
    return {**app_config, "ANALYSIS_QUEUE": "rq", "REDIS_URL": redis_url}


def _worker(app, *options: str) -> subprocess.Popen:
    """``qa-audit worker`` in a process of its own, sharing the database and Redis."""
    return subprocess.Popen(
        [*QA_AUDIT, "worker", *options],
        env=app_environment(app.config, REDIS_URL=app.config["REDIS_URL"]),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _upload(client, make) -> Plan:
    login(client, make.user("sen_manager", team="North"))
    response = upload_plan(client, PLAN.data, "plan.docx", "EHCP-2025-0700", "conversion")
    assert response.status_code == 302
    return db.session.scalar(select(Plan))


def _status() -> str:
    db.session.expire_all()
    return db.session.scalar(select(Analysis.status))


def _assert_preflags_shown(client, plan: Plan) -> None:
    page = client.get(f"/plans/{plan.id}").get_data(as_text=True)
    assert PENDING not in page
    assert "Pre-flags" in page and "Conversion template" in page


def test_upload_is_queued_on_redis_and_a_worker_completes_it(app, client, make):
    plan = _upload(client, make)
    document = plan.latest_document
    queue = rq_queue()
    [job] = queue.get_jobs()
    assert job.func_name == "qa_audit.background.run_queued_job"
    assert job.args == ("qa_audit.analysis.runner.analyse_document", document.id)
    assert _status() == "queued"
    assert PENDING in client.get(f"/plans/{plan.id}").get_data(as_text=True)

    worker = _worker(app, "--burst")
    output, _ = worker.communicate(timeout=120)
    assert worker.returncode == 0, output

    assert _status() == "done"
    assert queue.count == 0
    assert job.get_status(refresh=True) == JobStatus.FINISHED
    _assert_preflags_shown(client, plan)


def _hold_write_lock(app, analysis_id: int):
    """Keep the analysis row locked in an open transaction, so a worker that picks up the job
    blocks on its first write, mid-job, until it is killed (SQLite: the database write lock;
    PostgreSQL: the row lock)."""
    engine = create_engine(app.config["SQLALCHEMY_DATABASE_URI"])
    connection = engine.connect()
    connection.execute(
        text("UPDATE analyses SET status = status WHERE id = :id"), {"id": analysis_id}
    )
    return engine, connection


def _children(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (RQ runs each job in a forked "work horse")."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state_and_parent = stat.read_text().rsplit(")", 1)[1].split()[:2]
        except (OSError, IndexError):
            continue  # the process ended while we looked
        if int(state_and_parent[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _work_horse_once_started(job, worker: subprocess.Popen) -> int:
    deadline = time.monotonic() + 60
    while True:
        assert worker.poll() is None, worker.communicate()[0]
        assert time.monotonic() < deadline, "the worker never started the job"
        horses = _children(worker.pid)
        if job.get_status(refresh=True) == JobStatus.STARTED and horses:
            return horses[0]
        time.sleep(0.05)


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_job_whose_worker_dies_is_recovered_by_analyse_pending(app, client, make, runner):
    plan = _upload(client, make)
    document = plan.latest_document
    [job] = rq_queue().get_jobs()
    analysis_id = db.session.scalar(select(Analysis.id))
    db.session.commit()  # end the test's own read so the lock below is the only one held

    engine, connection = _hold_write_lock(app, analysis_id)
    worker = _worker(app)
    try:
        horse = _work_horse_once_started(job, worker)
        # The machine goes down: the worker and the process running the job die at once.
        os.kill(worker.pid, signal.SIGKILL)
        os.kill(horse, signal.SIGKILL)
        worker.communicate(timeout=10)
    finally:
        connection.rollback()
        connection.close()
        engine.dispose()

    # Redis still holds the job as started by a worker that is gone; the database is the truth.
    assert job.get_status(refresh=True) == JobStatus.STARTED
    assert _status() in {"queued", "running"}
    assert documents_needing_analysis() == [document.id]

    result = runner.invoke(args=["analyse-pending"])
    assert result.exit_code == 0, result.output
    assert "Analysed 1 document versions" in result.output
    assert _status() == "done"
    _assert_preflags_shown(client, plan)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_upload_stands_when_redis_is_down_and_analyse_pending_catches_up(
    app, client, make, runner, caplog
):
    app.config["REDIS_URL"] = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    plan = _upload(client, make)
    assert _status() == "queued"
    assert "analysis queue unreachable" in caplog.text
    assert PENDING in client.get(f"/plans/{plan.id}").get_data(as_text=True)

    result = runner.invoke(args=["analyse-pending"])
    assert result.exit_code == 0, result.output
    _assert_preflags_shown(client, plan)
