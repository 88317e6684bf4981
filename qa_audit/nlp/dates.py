"""Turning an outcome's time frame into a calendar date, when that can be done safely.

Explicit dates are computed on their own: "by July 2024", "by July 16" (a two-digit year),
"July 16, 2026", "by Easter 2026", "by end-of-term 2024", "by 2028". School stages ("by the end
of Year 6", "Key Stage 2") need the plan's year group and the date it refers to. Relative frames
("within the current academic year", "over the course of 12 months", "by the next annual
review") need the date they are counted from: the plan's issue date.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

SEASONS = {  # month and day by which an event or term of that year is over
    "christmas": (12, 25),
    "easter": (4, 30),
    "spring": (4, 15),
    "summer": (8, 31),
    "autumn": (12, 20),
    "winter": (2, 28),
}
KEY_STAGE_END_YEAR = {"1": 2, "2": 6, "3": 9, "4": 11, "5": 13}
STAGE_END_YEAR = {"nursery": -1, "reception": 0, "primary": 6, "secondary": 11}

YEAR = r"((?:19|20)\d\d)(?:/(\d\d))?"
MONTH_YEAR = re.compile(rf"\b([a-z]+)\.?\s+{YEAR}\b")
MONTH_DAY_YEAR = re.compile(r"\b([a-z]+)\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b")
MONTH_SHORT_YEAR = re.compile(r"\b([a-z]+)\.?\s+([1-9]\d)\b(?!\s*,?\s*\d)")
TERM_YEAR = re.compile(rf"\bterm\b[\s-]*{YEAR}\b")
SEASON_YEAR = re.compile(rf"\b(christmas|easter|spring|summer|autumn|winter)\b[\w\s-]*?\b{YEAR}\b")
ACADEMIC_YEAR = re.compile(rf"\b(?:academic|school)\s+year\s+{YEAR}\b")
BARE_YEAR = re.compile(rf"\b(?:by|before|in|during|until)\s+{YEAR}\b")
SCHOOL_YEAR = re.compile(r"\b(?:year|yr)\s+(\d{1,2})\b")
KEY_STAGE = re.compile(r"\b(?:key\s+stage\s+|ks)([1-5])\b")
STAGE = re.compile(r"\b(nursery|reception|primary|secondary)\b")
THIS_YEAR = re.compile(r"\b(?:current|this)\s+(?:academic|school)\s+year\b")
NEXT_REVIEW = re.compile(r"\b(?:next|first|annual)\s+(?:annual\s+)?review\b")
NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "six": 6, "nine": 9, "twelve": 12}
SPAN = re.compile(
    r"\b(?:within|over|in|during)\b(?:\s+(?:the|a|next|coming|course|period|of))*"
    r"\s+(\d{1,2}|a|one|two|three|six|nine|twelve)?\s*(week|month|term|year)s?\b"
)
TERM_END = (12, 20)
"""The latest day a term of a given calendar year ends (the autumn term, before Christmas)."""
MONTHS_IN = {"week": 0.25, "month": 1, "term": 4, "year": 12}  # a week rounds up to a month


@dataclass(frozen=True)
class SchoolContext:
    """What is needed to date "the end of Year 6": the year group on a known date."""

    year_group: int
    on: date


def academic_year_end(day: date) -> date:
    """31 August closing the academic year that ``day`` falls in."""
    return date(day.year if day.month <= 8 else day.year + 1, 8, 31)


def target_date(
    time_frame: str, school: SchoolContext | None = None, start: date | None = None
) -> date | None:
    """Latest calendar date a time frame points to, or ``None`` when it cannot be computed.
    ``start`` is the date relative frames count from (the plan's issue date)."""
    text = time_frame.lower()
    found = [*_calendar_dates(text)]
    if school is not None:
        found.extend(_stage_dates(text, school))
    if start is not None and not found:
        found.extend(_relative_dates(text, start))
    return max(found, default=None)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _relative_dates(text: str, start: date) -> list[date]:
    found = []
    if THIS_YEAR.search(text):
        found.append(academic_year_end(start))
    if NEXT_REVIEW.search(text):
        found.append(add_months(start, 12))
    for match in SPAN.finditer(text):
        count = match.group(1) or "1"
        number = int(count) if count.isdigit() else NUMBER_WORDS[count]
        found.append(add_months(start, math.ceil(number * MONTHS_IN[match.group(2)])))
    return found


def _calendar_dates(text: str) -> list[date]:
    found: list[date] = []
    for match in MONTH_YEAR.finditer(text):
        month = MONTHS.get(match.group(1))
        if month:
            year = int(match.group(2))
            found.append(date(year, month, calendar.monthrange(year, month)[1]))
    for match in MONTH_DAY_YEAR.finditer(text):
        month = MONTHS.get(match.group(1))
        if month:
            year, day = int(match.group(3)), int(match.group(2))
            found.append(date(year, month, min(day, calendar.monthrange(year, month)[1])))
    if not found:
        for match in MONTH_SHORT_YEAR.finditer(text):
            month = MONTHS.get(match.group(1))
            if month:
                year = 2000 + int(match.group(2))
                found.append(date(year, month, calendar.monthrange(year, month)[1]))
    for match in SEASON_YEAR.finditer(text):
        month, day = SEASONS[match.group(1)]
        found.append(date(int(match.group(2)), month, day))
    if not SEASON_YEAR.search(text):
        for match in TERM_YEAR.finditer(text):
            found.append(date(int(match.group(1)), *TERM_END))
    for match in ACADEMIC_YEAR.finditer(text):
        start = int(match.group(1))
        found.append(date(start + 1 if match.group(2) else start, 8, 31))
    if not found:
        for match in BARE_YEAR.finditer(text):
            found.append(date(int(match.group(1)), 12, 31))
    return found


def _stage_dates(text: str, school: SchoolContext) -> list[date]:
    years = [int(m.group(1)) for m in SCHOOL_YEAR.finditer(text)]
    years += [KEY_STAGE_END_YEAR[m.group(1)] for m in KEY_STAGE.finditer(text)]
    years += [STAGE_END_YEAR[m.group(1)] for m in STAGE.finditer(text)]
    current_end = academic_year_end(school.on)
    return [
        current_end.replace(year=current_end.year + (year - school.year_group))
        for year in years
        if 0 <= year <= 13 or year == -1
    ]
