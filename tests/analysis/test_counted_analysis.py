"""Which analysis of a plan counts: one rule, read alike by the scoring page's hints, the
risk-weighted draw, the report's calibration and the plan page, after the analyser changes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import event

from qa_audit.analysis.stored import counted_analyses, counted_analysis
from qa_audit.audits.preflags import latest_analysis_result
from qa_audit.extensions import db
from qa_audit.models import Analysis
from qa_audit.nlp.version import ANALYSER_VERSION
from qa_audit.reports import build_report
from qa_audit.reports.analyses import latest_results
from qa_audit.sampling.population import candidates
from tests.reports.factories import ReportWorld, all_grades, default_matrix

OLDER, OLDEST = "0.9.0", "0.8.0"


def _at(day: int) -> datetime:
    return datetime(2025, 10, day, 9, tzinfo=UTC)


# Each analysis: (analyser version, status, created day, finished day or None); each raises
# its own outcome flag with its own weak share, so whichever one a reader took shows.
CASES = {
    # The rules changed: the current analyser's run counts even though an older run was
    # started and finished after it (re-run by hand, say).
    "current beats newer older": (
        [(OLDER, "done", 20, 21), (ANALYSER_VERSION, "done", 10, 11)],
        1,
    ),
    # No current run finished yet: the older run finished last counts, whatever the order the
    # rows were created in.
    "older runs by finish time": (
        [
            (OLDEST, "done", 20, 21),
            (OLDER, "done", 10, 25),
            (ANALYSER_VERSION, "running", 26, None),
        ],
        1,
    ),
    # Without a finish time, the time the row was created stands in.
    "creation time stands in": (
        [(OLDER, "done", 15, None), (OLDEST, "done", 12, None), (ANALYSER_VERSION, "failed", 9, 9)],
        0,
    ),
}
CODES = ("vague", "not_measurable", "not_time_bound")


def _result(index: int) -> dict:
    flag = {"code": CODES[index], "message": ""}
    return {
        "outcomes": [{"text": "Will improve.", "weak": True, "flags": [flag]}],
        "summary": {"weak_share": (index + 1) / 10, "template": "current"},
    }


@pytest.fixture
def world(app, make) -> ReportWorld:
    return ReportWorld(make.user("auditor"))


@pytest.mark.parametrize("case", CASES)
def test_every_reader_takes_the_analysis_that_counts(world, case):
    rows, expected = CASES[case]
    version = world.version()
    sample = world.sample("autumn-2025")
    plan = world.plan()
    document = world.analysis(plan, {})
    db.session.query(Analysis).delete()
    for index, (analyser, status, created, finished) in enumerate(rows):
        db.session.add(
            Analysis(
                document_id=document.id,
                analyser_version=analyser,
                status=status,
                result=_result(index) if status == "done" else None,
                created_at=_at(created),
                finished_at=_at(finished) if finished else None,
            )
        )
    db.session.commit()
    matrix = default_matrix()
    world.audit(plan, sample, version, all_grades(matrix, "good"), "good")
    want = _result(expected)

    # The plan page and every reader below: the one rule.
    assert counted_analysis(document.id).result == want
    # The scoring page's hints.
    assert latest_analysis_result(document.id) == want
    # The risk the weighted draw gives the plan.
    assert candidates([plan])[0].risk == want["summary"]["weak_share"]
    # The report: the results it counts, and the hints its calibration says were raised.
    assert latest_results([document.id]) == {document.id: want}
    calibration = dict(build_report("autumn-2025").calibration.by_flag)
    assert set(calibration) == {CODES[expected]}


def test_many_documents_are_chosen_in_one_query(world):
    """Sampling and reports ask for hundreds of plans at once: one query, whatever the count."""
    plans = [world.plan() for _ in range(30)]
    documents = [world.analysis(plan, _result(0)) for plan in plans]
    for document in documents:
        db.session.add(
            Analysis(
                document_id=document.id,
                analyser_version=ANALYSER_VERSION,
                status="done",
                result=_result(1),
                created_at=_at(1),
                finished_at=_at(1),
            )
        )
    db.session.commit()
    ids = [document.id for document in documents]
    db.session.expire_all()
    statements = []

    def count(*_args):
        statements.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        chosen = counted_analyses(ids)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(statements) == 1
    assert {i: chosen[i].result for i in ids} == dict.fromkeys(ids, _result(1))
