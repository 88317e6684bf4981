"""The process doing the pre-flag analysis is killed (SIGKILL) while a document is ``running``:
a gunicorn worker with the embedded thread queue, and ``qa-audit analyse-pending`` working
through a big batch. ``analyse-pending``, which ``scripts/run.sh`` runs at every start,
finishes every document, with nothing left ``queued`` or ``running``."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from qa_audit.extensions import db
from qa_audit.models import Analysis, Plan, PlanDocument
from qa_audit.nlp.version import ANALYSER_VERSION
from tests.app_processes import QA_AUDIT, app_environment, wait_for
from tests.faults.client import form_token, signed_in
from tests.faults.plan_files import plan_files
from tests.faults.stored_state import writes_blocked

pytestmark = pytest.mark.slow


def statuses() -> dict[str, int]:
    """How many of the current analyser's analyses are in each state, as committed now."""
    db.session.rollback()
    counts = db.session.execute(
        select(Analysis.status, func.count())
        .where(Analysis.analyser_version == ANALYSER_VERSION)
        .group_by(Analysis.status)
    )
    return dict(counts.all())


def assert_every_document_analysed() -> list[dict]:
    db.session.rollback()
    documents = db.session.scalars(select(PlanDocument)).all()
    analyses = [
        db.session.scalar(
            select(Analysis).where(
                Analysis.document_id == document.id,
                Analysis.analyser_version == ANALYSER_VERSION,
            )
        )
        for document in documents
    ]
    assert statuses() == {"done": len(documents)}
    assert all(analysis.finished_at and analysis.result for analysis in analyses)
    return [analysis.result for analysis in analyses]


def kill_while_an_analysis_runs(database_url: str, kill: Callable[[], None]) -> None:
    """Kill when an analysis is marked ``running``, looking with writes to the analyses held
    back, so that the state seen is the state the kill leaves behind."""

    def attempt() -> bool:
        with writes_blocked(database_url, "analyses"):
            if statuses().get("running"):
                kill()
                return True
        return False

    wait_for(attempt, 180, "an analysis to be running", interval=0.01)


def test_worker_killed_while_analysing_an_uploaded_batch(app, make, serve, runner, database_url):
    manager = make.user("sen_manager", team="North")
    files = plan_files(8)
    server = serve()
    browser = signed_in(server, manager.email)
    batch = [("documents", file) for file in files]
    token = form_token(browser, f"{server.url}/plans/upload/batch")
    page = browser.post(f"{server.url}/plans/upload/batch", files=batch, data={"csrf_token": token})
    assert f"{len(files)} imported" in page.text

    [worker] = server.worker_pids()
    kill_while_an_analysis_runs(database_url, lambda: os.kill(worker, signal.SIGKILL))
    wait_for(lambda: worker not in server.worker_pids(), 30, "the worker to be gone")
    left = statuses()
    assert left.get("done", 0) < len(files) and left.get("running") == 1

    # The worker the master starts in its place does not know its predecessor's queue.
    result = runner.invoke(args=["analyse-pending"])
    assert result.exit_code == 0, result.output
    assert_every_document_analysed()
    ids = ",".join(str(i) for i in db.session.scalars(select(PlanDocument.id)))
    progress = browser.get(f"{server.url}/plans/upload/progress?documents={ids}", timeout=30)
    assert f"{len(files)} of {len(files)} documents analysed." in progress.text


def test_analyse_pending_killed_part_way_and_run_again(app, make, runner, app_config, tmp_path):
    first = make.document(make.plan(), seed=3)
    for number in range(30):
        plan = make.plan()
        db.session.add(
            PlanDocument(
                plan_id=plan.id,
                version=1,
                sha256=first.sha256,
                size=first.size,
                original_name=f"copy-{number}.docx",
                file_type=first.file_type,
                stored_path=first.stored_path,
                parsed=first.parsed,
            )
        )
    db.session.commit()
    total = db.session.scalar(select(func.count(PlanDocument.id)))
    log = (tmp_path / "analyse-pending.log").open("wb")
    command = subprocess.Popen(
        [*QA_AUDIT, "analyse-pending"],
        env=app_environment(app_config),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(lambda: statuses().get("done", 0) >= 4, 180, "a few analyses to finish")
        kill_while_an_analysis_runs(app_config["SQLALCHEMY_DATABASE_URI"], command.kill)
    finally:
        command.kill()
        command.wait()
        log.close()
    left = statuses()
    assert left.get("done", 0) < total and left.get("running") == 1

    result = runner.invoke(args=["analyse-pending"])
    assert result.exit_code == 0, result.output
    assert f"Analysed {total - left['done']} document versions." in result.output
    results = assert_every_document_analysed()
    assert all(found == results[0] for found in results)
    assert db.session.scalar(select(func.count(Plan.id))) == total
