"""The four timeliness measures against hand-computed answers, on the boundary days, and the
import that feeds them: all or nothing, the same file twice changing nothing, a newer extract
replacing a plan's rows."""

from __future__ import annotations

import json
from datetime import date, timedelta

from sqlalchemy import func, select

from qa_audit.extensions import db
from qa_audit.models import PlanEvent
from qa_audit.timeliness.extract import read_extract
from qa_audit.timeliness.importing import store_extract
from qa_audit.timeliness.measures import anniversary, measures

COLUMNS = (
    "reference,request_date,issue_date,exceptions,previous_review_date,review_meeting_date,"
    "review_decision_date,review_decision,phase_transfer,transfer_deadline,amended_issue_date"
)
SPRING = (date(2026, 1, 1), date(2026, 3, 31))
REQUEST = date(2025, 9, 1)


def load(*rows: str) -> None:
    extract = read_extract("\n".join([COLUMNS, *rows]).encode(), "x.csv", {})
    assert extract.problems == []
    store_extract(extract)
    db.session.commit()


def by_name(as_of: date = date(2026, 6, 1)) -> dict:
    return {m.name: m for m in measures(*SPRING, as_of)}


def issued(ref: str, days: int, exceptions: str = "no") -> str:
    return f"{ref},{REQUEST},{REQUEST + timedelta(days=days)},{exceptions},,,,,,,"


def test_20_weeks_is_140_days_and_exceptions_are_left_out(app):
    # REQUEST + 140 days is 19 January 2026: inside the spring term, as is day 141
    load(issued("A", 140), issued("B", 141), issued("C", 300, "yes"), issued("D", 100))
    m = by_name()["within_20_weeks"]
    assert (m.on_time, m.counted) == (1, 2)  # A on time, B late; C excepted; D issued in autumn


def test_reviews_on_time_by_the_anniversary_and_29_february(app):
    assert anniversary(date(2024, 2, 29)) == date(2025, 2, 28)
    load(
        "A,,,no,2025-02-10,2026-02-10,2026-02-20,maintain,no,,",  # the anniversary: on time
        "B,,,no,2025-02-10,2026-02-11,2026-02-20,amend,no,,",  # a day late
        "C,,,no,2024-02-29,2026-02-28,2026-03-01,cease,no,,",  # two years on: late
    )
    m = by_name()["reviews_on_time"]
    assert (m.on_time, m.counted) == (1, 3)


def test_decisions_within_28_days_and_pending_ones(app):
    load(
        "A,,,no,2025-02-01,2026-02-02,2026-03-02,amend,no,,",  # 28 days: on time
        "B,,,no,2025-02-01,2026-02-02,2026-03-03,amend,no,,",  # 29 days: late
        "C,,,no,2025-03-01,2026-03-20,,,no,,",  # no decision yet
    )
    assert _decisions(date(2026, 4, 17)) == (1, 2, 1)  # 28 days after C's meeting: pending
    assert _decisions(date(2026, 4, 18)) == (1, 3, 0)  # 29 days: late


def _decisions(as_of: date) -> tuple[int, int, int]:
    m = by_name(as_of)["decisions_within_4_weeks"]
    return m.on_time, m.counted, m.pending


def test_phase_transfers_by_their_deadline(app):
    load(
        "A,,,no,,,,,yes,2026-02-15,2026-02-15",  # on the deadline: on time
        "B,,,no,,,,,yes,2026-02-15,2026-02-16",  # a day late
        "C,,,no,,,,,yes,2026-03-31,",  # not yet issued
        "D,,,no,,,,,no,2026-02-15,",  # not a phase transfer
    )
    on_the_day = by_name(date(2026, 3, 31))["phase_transfer_on_time"]
    assert (on_the_day.on_time, on_the_day.counted, on_the_day.pending) == (1, 2, 1)
    after = by_name(date(2026, 4, 1))["phase_transfer_on_time"]
    assert (after.on_time, after.counted, after.pending) == (1, 3, 0)


def test_the_same_file_twice_changes_nothing_and_a_newer_one_replaces_a_plans_rows(app):
    load(issued("A", 140), issued("A", 10), issued("B", 141))
    ids = set(db.session.scalars(select(PlanEvent.id)))
    extract = read_extract(
        "\n".join([COLUMNS, issued("A", 140), issued("A", 10), issued("B", 141)]).encode(),
        "x.csv",
        {},
    )
    result = store_extract(extract)
    assert (result.unchanged, result.replaced) == (2, 0)
    assert set(db.session.scalars(select(PlanEvent.id))) == ids
    load(issued("B", 130))  # B's newer extract: now on time
    assert db.session.scalar(select(func.count(PlanEvent.id))) == 3
    m = by_name()["within_20_weeks"]
    assert (m.on_time, m.counted) == (2, 2)


def test_the_command_imports_all_or_nothing_and_prints_the_figures(app, runner, tmp_path, make):
    make.plan(reference="A")
    good = tmp_path / "extract.csv"
    good.write_text("\n".join([COLUMNS, issued("A", 140), issued("B", 141)]), encoding="utf-8")
    result = runner.invoke(args=["caseload", "import", str(good)])
    assert result.exit_code == 0, result.output
    assert (
        "Imported 2 rows for 2 plans" in result.output
        and "1 are plans in the tool" in result.output
    )

    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join([COLUMNS, issued("C", 10), "D,nonsense,,,,,,,,,"]), encoding="utf-8")
    result = runner.invoke(args=["caseload", "import", str(bad)])
    assert result.exit_code == 1
    assert "line 3, column request_date: 'nonsense' is not a date" in result.output
    assert "Nothing was changed" in result.output and "Traceback" not in result.output
    assert db.session.scalar(select(func.count(PlanEvent.id))) == 2

    result = runner.invoke(
        args=["kpis", "--term", "spring-2026", "--as-of", "2026-06-01", "--json"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["term"] == "spring-2026"
    assert figures["kpis"]["within_20_weeks"] == {
        "numerator": 1,
        "denominator": 2,
        "share": 0.5,
        "target": 0.5,
        "pending": 0,
    }
    assert figures["kpis"]["reviews_on_time"]["share"] is None
    result = runner.invoke(args=["kpis", "--term", "winter-2026"])
    assert result.exit_code == 1 and "is not a term" in result.output
