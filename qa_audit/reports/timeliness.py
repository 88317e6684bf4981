"""The report's timeliness section: the four statutory measures for the term and the terms
before it, from the imported case-management extract (the whole caseload, not the sample)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app
from sqlalchemy import func, select

from qa_audit.extensions import db
from qa_audit.models import PlanEvent
from qa_audit.terms import TermSpan, term_for
from qa_audit.timeliness.measures import Measure, measures, parse_targets

EARLIER_TERMS = 3


@dataclass(frozen=True)
class TimelinessRow:
    now: Measure
    earlier: tuple[tuple[TermSpan, Measure], ...]  # oldest first


@dataclass(frozen=True)
class Timeliness:
    rows: tuple[TimelinessRow, ...]
    imported: bool  # whether any extract has been imported
    as_of: date

    @property
    def pending(self) -> int:
        return sum(row.now.pending for row in self.rows)


def timeliness(term: TermSpan, as_of: date) -> Timeliness:
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
    return Timeliness(rows, imported, as_of)
