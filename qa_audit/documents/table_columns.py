"""Work out what each column of a plan table holds from its header wording."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .headings import term_heading

EXPLICIT_SECTION = re.compile(
    r"^\s*(?:section\s+)?(h\s?1|h\s?2|[b-h])\b(?!'|\.[a-z])"  # not initials: "B.J. will ..."
    r"|\(\s*(?:section\s+)?(h\s?1|h\s?2|[b-h])\s*\)",
    re.IGNORECASE,
)
ROLE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern, re.IGNORECASE))
    for role, pattern in (
        ("aspiration", r"aspiration"),
        (
            "by_whom",
            r"by whom|\bwho\b|delivered by|responsib|provided by|\bprovider|\bstaff"
            r"|lead professional|\bpersonnel",
        ),
        (
            "frequency",
            r"frequency|how often|how much|how long|hours|\bwhen\b|duration|amount|intensity"
            r"|time allocated|allocated time",
        ),
        ("outcome", r"outcome|objective|target"),
        ("provision", r"provision|support|intervention"),
        ("need", r"\bneeds?\b|difficult"),
        ("area", r"area"),
    )
)
ROLE_OF_SECTION = {
    "B": "need",
    "C": "need",
    "D": "need",
    "E": "outcome",
    "F": "provision",
    "G": "provision",
    "H1": "provision",
    "H2": "provision",
}


@dataclass(frozen=True)
class Column:
    index: int
    role: str  # need, provision, outcome, aspiration, by_whom, frequency, area
    section: str | None = None  # plan section the column's cells belong to
    term: str | None = None  # outcome term for long/medium/short-term columns
    title: str = ""


def classify_column(index: int, header: str) -> Column | None:
    text = " ".join(header.split())
    if not text or len(text.split()) > 14:
        return None
    explicit = EXPLICIT_SECTION.search(text)
    if explicit:
        key = (explicit.group(1) or explicit.group(2)).upper().replace(" ", "")
        key = "H2" if key == "H" else key
        role = ROLE_OF_SECTION[key]
        return Column(index, role, key, _term(text) if role == "outcome" else None, text)
    first: tuple[int, str] | None = None
    for role, pattern in ROLE_WORDS:
        match = pattern.search(text)
        if match and (first is None or match.start() < first[0]):
            first = (match.start(), role)
    if first is None:
        return None
    role = first[1]
    return Column(index, role, _default_section(role, text), _term(text), text)


def _term(text: str) -> str | None:
    term = term_heading(text)
    if term:
        return term
    lowered = text.lower()
    if "end of key stage" in lowered or "end of phase" in lowered:
        return "long"
    if "next 12 months" in lowered or "this year" in lowered:
        return "short"
    return None


def _default_section(role: str, text: str) -> str | None:
    lowered = text.lower()
    health = "health" in lowered and "mental health" not in lowered
    social = "social care" in lowered
    if role == "need":
        return "C" if health else "D" if social else "B"
    if role == "provision":
        if social:
            return "H1" if re.search(r"section 2|csdpa|chronically|h1", lowered) else "H2"
        return "G" if health else "F"
    if role == "outcome":
        return "E"
    return None


def header_columns(texts: list[str]) -> list[Column] | None:
    """Columns of a plan table, or None when the row is not a plan-table header."""
    columns = [c for i, text in enumerate(texts) if (c := classify_column(i, text)) is not None]
    roles = {column.role for column in columns}
    plan_table = (
        "outcome" in roles
        or {"need", "provision"} <= roles
        or ("provision" in roles and bool(roles & {"by_whom", "frequency"}))
    )
    if len(columns) < 2 or not plan_table:
        return None
    return columns
