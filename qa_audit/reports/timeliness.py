"""The report's timeliness section: the four statutory measures for the term and the terms
before it, from the imported case-management extract (the whole caseload, not the sample); and
the quality of the term's audited plans by whether they were on time, to see whether speed is
bought with quality."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app
from sqlalchemy import func, select

from qa_audit.extensions import db
from qa_audit.models import PlanEvent
from qa_audit.reports.records import PlanResult
from qa_audit.reports.shares import SUPPRESS_BELOW, Share, share_of
from qa_audit.terms import TermSpan, term_for
from qa_audit.timeliness.measures import Measure, measures, on_time_by_reference, parse_targets

EARLIER_TERMS = 3


@dataclass(frozen=True)
class TimelinessRow:
    now: Measure
    earlier: tuple[tuple[TermSpan, Measure], ...]  # oldest first


@dataclass(frozen=True)
class Comparison:
    """Audited plans meeting the quality threshold, on time against late."""

    title: str
    on_time_label: str
    late_label: str
    on_time: Share
    late: Share

    @property
    def reading(self) -> str:
        if self.on_time.suppressed or self.late.suppressed:
            return (
                f"Too few audited plans to tell ({self.on_time.n} {self.on_time_label.lower()}, "
                f"{self.late.n} {self.late_label.lower()}; at least {SUPPRESS_BELOW} in each)."
            )
        (low_a, high_a), (low_b, high_b) = self.on_time.interval, self.late.interval
        if low_a > high_b:
            return f"{self.on_time_label} met the quality threshold more often."
        if low_b > high_a:
            return f"{self.late_label} met the quality threshold more often."
        return "No clear difference: the 95% intervals of the two groups overlap."


@dataclass(frozen=True)
class Timeliness:
    rows: tuple[TimelinessRow, ...]
    imported: bool  # whether any extract has been imported
    as_of: date
    quality: tuple[Comparison, ...] = ()
    teams: tuple[tuple[str, tuple[Measure, ...]], ...] = ()  # the term's measures by team

    @property
    def pending(self) -> int:
        return sum(row.now.pending for row in self.rows)


def timeliness(term: TermSpan, as_of: date, results: Sequence[PlanResult] = ()) -> Timeliness:
    setting = current_app.config["TERM_STARTS"]
    targets = parse_targets(current_app.config["TIMELINESS_TARGETS"])
    spans = [term]
    while len(spans) <= EARLIER_TERMS:
        spans.insert(0, term_for(spans[0].starts_on - timedelta(days=1), setting))
    figures = [measures(s.starts_on, s.ends_on, as_of, targets) for s in spans]
    rows = tuple(
        TimelinessRow(
            figures[-1][i], tuple((s, f[i]) for s, f in zip(spans[:-1], figures, strict=False))
        )
        for i in range(len(figures[-1]))
    )
    imported = bool(db.session.scalar(select(func.count(PlanEvent.id))))
    if not imported:
        return Timeliness(rows, imported, as_of)
    names = db.session.scalars(
        select(PlanEvent.team)
        .where(PlanEvent.team.is_not(None))
        .distinct()
        .order_by(PlanEvent.team)
    )
    teams = tuple(
        (name, tuple(measures(term.starts_on, term.ends_on, as_of, targets, name)))
        for name in names
    )
    return Timeliness(rows, imported, as_of, _quality(results), teams)


@dataclass(frozen=True)
class MonthFigures:
    starts_on: date  # the first of the month
    measures: tuple[Measure, ...]

    @property
    def label(self) -> str:
        return self.starts_on.strftime("%B %Y")


def monthly(term: TermSpan, as_of: date) -> tuple[MonthFigures, ...]:
    """The four measures for each calendar month of ``term`` that has begun by ``as_of``, as
    known on ``as_of`` (for the dashboard; the report itself is termly)."""
    targets = parse_targets(current_app.config["TIMELINESS_TARGETS"])
    months = []
    first = term.starts_on.replace(day=1)
    while first <= min(term.ends_on, as_of):
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        start, end = max(first, term.starts_on), min(last, term.ends_on)
        months.append(MonthFigures(first, tuple(measures(start, end, as_of, targets))))
        first = last + timedelta(days=1)
    return tuple(months)


def _quality(results: Sequence[PlanResult]) -> tuple[Comparison, ...]:
    issued, reviewed = on_time_by_reference(sorted({r.plan.reference for r in results}))

    def compare(kind: str, on_time: dict[str, bool], *labels: str) -> Comparison:
        mine = [r for r in results if r.plan.kind == kind and r.plan.reference in on_time]
        split = [
            share_of(r.meets_threshold for r in mine if on_time[r.plan.reference] is side)
            for side in (True, False)
        ]
        return Comparison(labels[0], labels[1], labels[2], split[0], split[1])

    return (
        compare(
            "new",
            issued,
            "New plans",
            "Issued within 20 weeks",
            "Issued after 20 weeks",
        ),
        compare(
            "amended",
            reviewed,
            "Amended plans",
            "Review held on time",
            "Review held late",
        ),
    )
