"""The four statutory timeliness measures of a period, on the whole caseload extract.

- ``within_20_weeks``: plans issued in the period, exceptions left out; on time when issued at
  most 140 days after the request.
- ``reviews_on_time``: review meetings held in the period; on time on or before the same day a
  year after the previous review (29 February counts as 28 February).
- ``decisions_within_4_weeks``: review meetings held in the period; on time when decided at most
  28 days after the meeting. Undecided, it is late once 28 days have passed on ``as_of``, and
  pending (left out, and counted) before that.
- ``phase_transfer_on_time``: phase transfers whose deadline falls in the period; on time when
  the amended plan was issued on or before the deadline. Not yet issued, it is late once the
  deadline has passed, and pending before.

The extract's checks (:mod:`qa_audit.timeliness.extract`) make sure every row has the dates its
measures need.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, select

from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import PlanEvent

TWENTY_WEEKS = timedelta(days=140)
AMBER_POINTS = 0.10
FOUR_WEEKS = timedelta(days=28)
NAMES = (
    "within_20_weeks",
    "reviews_on_time",
    "decisions_within_4_weeks",
    "phase_transfer_on_time",
)
LABELS = {
    "within_20_weeks": "New plans issued within 20 weeks (exceptions left out)",
    "reviews_on_time": "Annual reviews held within 12 months",
    "decisions_within_4_weeks": "Review decisions within 4 weeks of the meeting",
    "phase_transfer_on_time": "Phase transfers amended by the deadline",
}
DEFAULT_TARGETS = {
    "within_20_weeks": 0.5,  # the seeds ask that the majority be issued within 20 weeks
    "reviews_on_time": 1.0,
    "decisions_within_4_weeks": 0.6,  # the seeds' first step, rising to 100%
    "phase_transfer_on_time": 1.0,
}


@dataclass(frozen=True)
class Measure:
    name: str
    on_time: int
    counted: int
    pending: int
    target: float

    @property
    def share(self) -> float | None:
        return self.on_time / self.counted if self.counted else None

    @property
    def label(self) -> str:
        return LABELS[self.name]

    @property
    def rag(self) -> str | None:
        """Green at or above the target, amber within 10 points of it, red below that. The
        whole caseload is counted, so there is no sampling interval to allow for."""
        if self.share is None:
            return None
        if self.share >= self.target:
            return "green"
        return "amber" if self.share >= self.target - AMBER_POINTS else "red"

    def to_dict(self) -> dict:
        return {
            "numerator": self.on_time,
            "denominator": self.counted,
            "share": self.share,
            "target": self.target,
            "pending": self.pending,
        }


def parse_targets(setting: str) -> dict[str, float]:
    """``"within_20_weeks=0.6,reviews_on_time=1"`` -> {name: share}."""
    targets: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in setting.split(","))):
        name, _, value = part.partition("=")
        try:
            share = float(value)
        except ValueError:
            share = -1.0
        if name.strip() not in NAMES or not 0 <= share <= 1:
            raise QaAuditError(
                f"TIMELINESS_TARGETS must look like 'within_20_weeks=0.6' with names from "
                f"{', '.join(NAMES)} and shares from 0 to 1; got {part!r}."
            )
        targets[name.strip()] = share
    return targets


def anniversary(day: date) -> date:
    """The same calendar day a year later; 29 February gives 28 February."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def measures(
    starts_on: date,
    ends_on: date,
    as_of: date,
    targets: dict[str, float] | None = None,
    team: str | None = None,
) -> list[Measure]:
    """The four measures for the period ``starts_on``..``ends_on`` as known on ``as_of``, for
    the whole extract or for one ``team`` (as the extract names it)."""
    goal = {**DEFAULT_TARGETS, **(targets or {})}

    def rows(column):
        query = select(PlanEvent).where(and_(column >= starts_on, column <= ends_on))
        if team is not None:
            query = query.where(PlanEvent.team == team)
        return db.session.scalars(query).all()

    issued = [r for r in rows(PlanEvent.issue_date) if not r.exceptions]
    meetings = rows(PlanEvent.review_meeting_date)
    transfers = [r for r in rows(PlanEvent.transfer_deadline) if r.phase_transfer]
    return [
        _count(
            "within_20_weeks",
            [r.issue_date - r.request_date <= TWENTY_WEEKS for r in issued],
            goal,
        ),
        _count(
            "reviews_on_time",
            [r.review_meeting_date <= anniversary(r.previous_review_date) for r in meetings],
            goal,
        ),
        _count("decisions_within_4_weeks", [_decided(r, as_of) for r in meetings], goal),
        _count("phase_transfer_on_time", [_transferred(r, as_of) for r in transfers], goal),
    ]


def on_time_by_reference(references: Sequence[str]) -> tuple[dict[str, bool], dict[str, bool]]:
    """For each reference in the extract: whether its latest issue was within 20 weeks
    (exceptions left out), and whether its latest review meeting was held on time."""
    issued: dict[str, tuple[date, bool]] = {}
    reviewed: dict[str, tuple[date, bool]] = {}
    for chunk in (references[i : i + 500] for i in range(0, len(references), 500)):
        for row in db.session.scalars(select(PlanEvent).where(PlanEvent.reference.in_(chunk))):
            if row.issue_date and not row.exceptions:
                late = row.issue_date - row.request_date > TWENTY_WEEKS
                _keep_latest(issued, row.reference, row.issue_date, not late)
            if row.review_meeting_date:
                on_time = row.review_meeting_date <= anniversary(row.previous_review_date)
                _keep_latest(reviewed, row.reference, row.review_meeting_date, on_time)
    return (
        {ref: ok for ref, (_, ok) in issued.items()},
        {ref: ok for ref, (_, ok) in reviewed.items()},
    )


def _keep_latest(found: dict, reference: str, day: date, value: bool) -> None:
    if reference not in found or found[reference][0] < day:
        found[reference] = (day, value)


def _decided(row: PlanEvent, as_of: date) -> bool | None:
    due = row.review_meeting_date + FOUR_WEEKS
    if row.review_decision_date is not None:
        return row.review_decision_date <= due
    return False if as_of > due else None


def _transferred(row: PlanEvent, as_of: date) -> bool | None:
    if row.amended_issue_date is not None:
        return row.amended_issue_date <= row.transfer_deadline
    return False if as_of > row.transfer_deadline else None


def _count(name: str, outcomes: list[bool | None], goal: dict[str, float]) -> Measure:
    known = [o for o in outcomes if o is not None]
    return Measure(name, sum(known), len(known), len(outcomes) - len(known), goal[name])
