"""Academic terms from configured start dates: ``autumn-2025`` runs from its start to the day
before the next term starts. Default: Autumn 1 Sep, Spring 1 Jan, Summer 1 Apr."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app

from qa_audit.errors import QaAuditError

YEAR = re.compile(r"[12][0-9]{3}")  # four ASCII digits: every date in and after its term exists


@dataclass(frozen=True)
class TermSpan:
    id: str
    label: str
    starts_on: date
    ends_on: date

    def contains(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


def parse_term_starts(setting: str) -> list[tuple[str, int, int]]:
    """``"autumn=09-01,spring=01-01,summer=04-01"`` -> [(name, month, day)] sorted by date."""
    starts = []
    try:
        for part in setting.split(","):
            name, month_day = part.split("=")
            month, day = (int(n) for n in month_day.split("-"))
            date(2001, month, day)  # validates
            starts.append((name.strip().lower(), month, day))
    except ValueError as exc:
        raise QaAuditError(
            f"TERM_STARTS must look like 'autumn=09-01,spring=01-01,summer=04-01', got {setting!r}"
        ) from exc
    return sorted(starts, key=lambda s: (s[1], s[2]))


def _span(starts: list[tuple[str, int, int]], index: int, year: int) -> TermSpan:
    name, month, day = starts[index]
    begin = date(year, month, day)
    if index + 1 < len(starts):
        _, next_month, next_day = starts[index + 1]
        end = date(year, next_month, next_day) - timedelta(days=1)
    else:
        _, next_month, next_day = starts[0]
        end = date(year + 1, next_month, next_day) - timedelta(days=1)
    return TermSpan(f"{name}-{year}", f"{name.capitalize()} {year}", begin, end)


def term_for(day: date, setting: str) -> TermSpan:
    starts = parse_term_starts(setting)
    for year in (day.year, day.year - 1):
        for index in range(len(starts)):
            span = _span(starts, index, year)
            if span.contains(day):
                return span
    raise AssertionError("term starts cover every day of the year")


def term_by_id(term_id: str, setting: str) -> TermSpan:
    starts = parse_term_starts(setting)
    name, _, year = term_id.partition("-")
    names = [s[0] for s in starts]
    if name not in names or not YEAR.fullmatch(year):
        raise QaAuditError(f"'{term_id}' is not a term. Terms look like {names[0]}-2025.")
    return _span(starts, names.index(name), int(year))


def term_span(term_id: str) -> TermSpan:
    """The term with this id under the configured ``TERM_STARTS`` (QaAuditError for a bad id)."""
    return term_by_id(term_id, current_app.config["TERM_STARTS"])


def recent_terms(today: date, setting: str, count: int) -> list[TermSpan]:
    """The ``count`` terms up to and including today's, oldest first."""
    spans = [term_for(today, setting)]
    while len(spans) < count:
        spans.append(term_for(spans[-1].starts_on - timedelta(days=1), setting))
    return spans[::-1]
