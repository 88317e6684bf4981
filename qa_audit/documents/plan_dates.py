"""Dates and year group stated in a plan's front matter."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
NUMERIC = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b")
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
WORDY = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})\b", re.IGNORECASE
)
ISSUE_LABEL = re.compile(
    r"date (?:of )?issue|issue date|date (?:plan )?issued|(?:final )?plan issued"
    r"|date of (?:final )?plan",
    re.IGNORECASE,
)
REVIEW_LABEL = re.compile(
    r"(?:date of |next )(?:annual )?review|review date|review due|annual review", re.IGNORECASE
)
YEAR_GROUP = re.compile(
    r"\b(?:year group|nc year|national curriculum year|current year|school year|year of education)"
    r"\s*[:\-\u2013]?\s*(reception|(?:year\s*)?(\d{1,2}))\b",
    re.IGNORECASE,
)
FRONT_MATTER_LINES = 80


def parse_date(text: str) -> date | None:
    """The first date written in ``text`` (UK day-first order), or None."""
    candidates: list[tuple[int, date]] = []
    for match in ISO.finditer(text):
        _add(candidates, match.start(), int(match[1]), int(match[2]), int(match[3]))
    for match in NUMERIC.finditer(text):
        year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
        _add(candidates, match.start(), year, int(match[2]), int(match[1]))
    for match in WORDY.finditer(text):
        month = MONTHS.get(match[2].lower())
        if month:
            _add(candidates, match.start(), int(match[3]), month, int(match[1] or 1))
    return min(candidates)[1] if candidates else None


def _add(found: list[tuple[int, date]], position: int, year: int, month: int, day: int) -> None:
    try:
        found.append((position, date(year, month, day)))
    except ValueError:
        return


def labelled_date(lines: list[str], label: re.Pattern[str]) -> date | None:
    """The date on the line carrying ``label`` (or on the line after it)."""
    for index, line in enumerate(lines[:FRONT_MATTER_LINES] + lines[-FRONT_MATTER_LINES:]):
        match = label.search(line)
        if not match:
            continue
        found = parse_date(line[match.end() :])
        if found is None and index + 1 < len(lines) and len(line) < 60:
            found = parse_date(lines[index + 1])
        if found:
            return found
    return None


def year_group(lines: list[str]) -> int | None:
    for line in lines[:FRONT_MATTER_LINES]:
        match = YEAR_GROUP.search(line)
        if match:
            if match[1].lower() == "reception":
                return 0
            value = int(match[2])
            return value if value <= 14 else None
    return None
