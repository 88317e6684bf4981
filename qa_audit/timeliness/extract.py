"""Read a case-management extract (CSV or XLSX) into checked rows, or every problem in it.

One row per plan event. The council's own headers are renamed to the canonical columns by a
mapping file (TOML, ``[columns]`` with ``"Their header" = "canonical"``); headers already
canonical need no mapping. Columns that are not canonical are not read, but a column that looks
like a name, a date of birth, an address or another identifier of the child refuses the whole
file: the extract should not hold them at all. A file with any problem gives no rows and a list
of every problem, each with its line and column, in plain words.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import tomllib
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from qa_audit.documents.limits import DocumentLimits
from qa_audit.documents.safe_zip import SafeZip
from qa_audit.errors import BadDocument, QaAuditError
from qa_audit.models.plan import PHASES, PRIMARY_NEEDS
from qa_audit.plan_references import reference_problem

DATE_COLUMNS = (
    "request_date",
    "issue_date",
    "previous_review_date",
    "review_meeting_date",
    "review_decision_date",
    "transfer_deadline",
    "amended_issue_date",
)
YES_NO_COLUMNS = ("exceptions", "phase_transfer")
DETAIL_COLUMNS = ("team", "phase", "year_group", "primary_need")
"""Optional: they fill a linked plan's details where the plan has none."""
COLUMNS = ("reference", *DATE_COLUMNS, *YES_NO_COLUMNS, "review_decision", *DETAIL_COLUMNS)
DECISIONS = ("maintain", "amend", "cease")
YES = frozenset({"yes", "y", "true", "1"})
NO = frozenset({"no", "n", "false", "0", ""})
PERSONAL = re.compile(
    r"^\W*name\W*$|(first|fore|sur|last|given|family|middle|child|pupil|student|person|parent|carer)"
    r"'?s?[ _-]*names?|birth|\bd\.?o\.?b\b|address|post[ _-]?code|street|\bupn\b|\buln\b|\bnhs\b"
    r"|phone|e-?mail",
    re.IGNORECASE,
)
"""Headers that look like the child's or family's personal details ("Team name" does not)."""
MAX_BYTES = 50 * 1024 * 1024
MAX_PROBLEMS = 200


class ExtractError(QaAuditError):
    """The extract cannot be read at all (wrong kind of file, no header, bad mapping file)."""


@dataclass(frozen=True)
class Problem:
    line: int  # as a spreadsheet numbers it: the header is line 1
    column: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class EventRow:
    reference: str
    values: dict[str, date | bool | str | None]  # canonical column -> checked value
    details: dict[str, str | int]  # optional plan details given

    @property
    def fingerprint(self) -> str:
        given = {**self.values, **self.details}
        text = "|".join(f"{key}={given[key]}" for key in sorted(given))
        return hashlib.sha256(f"{self.reference}|{text}".encode()).hexdigest()


@dataclass(frozen=True)
class Extract:
    rows: list[EventRow]
    problems: list[Problem]


def load_mapping(path: Path | None) -> dict[str, str]:
    """Their header (lower case) -> canonical column, from a mapping file."""
    if path is None:
        return {}
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ExtractError(f"The mapping file {path.name} cannot be read: {error}.") from error
    return parse_mapping(data, path.name)


def parse_mapping(data: bytes, name: str) -> dict[str, str]:
    try:
        table = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ExtractError(f"The mapping file {name} cannot be read: {error}.") from error
    columns = table.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise ExtractError(f"The mapping file {name} needs a [columns] table.")
    unknown = sorted(str(v) for v in columns.values() if v not in COLUMNS)
    if unknown:
        raise ExtractError(
            f"The mapping file {name} names columns that do not exist: "
            f"{', '.join(unknown)}. Columns are: {', '.join(COLUMNS)}."
        )
    return {str(k).strip().lower(): v for k, v in columns.items()}


def read_extract(data: bytes, filename: str, mapping: dict[str, str]) -> Extract:
    if len(data) > MAX_BYTES:
        raise ExtractError(f"The extract is over {MAX_BYTES // 1024 // 1024} MB.")
    table = _xlsx_rows(data) if filename.lower().endswith(".xlsx") else _csv_rows(data)
    header = next(table, None)
    if not header or not any(header):
        raise ExtractError("The extract has no header row.")
    columns, problems = _columns(header, mapping)
    if problems:
        return Extract([], problems)
    rows: list[EventRow] = []
    for line, cells in enumerate(table, start=2):
        if not any(cells):
            continue
        row = {name: (cells[i] if i < len(cells) else "") for i, name in columns.items()}
        checked = _check_row(line, row, problems)
        if checked is not None:
            rows.append(checked)
        if len(problems) >= MAX_PROBLEMS:
            problems.append(Problem(line, "", "too many problems; the first ones are listed"))
            break
    if not rows and not problems:
        problems.append(Problem(2, "", "the extract has no rows"))
    return Extract([] if problems else rows, problems)


def _csv_rows(data: bytes) -> Iterable[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's own "CSV" on Windows
    if "\x00" in text:
        raise ExtractError("The extract is not a CSV or XLSX file.")
    return ([cell.strip() for cell in row] for row in csv.reader(io.StringIO(text)))


def _xlsx_rows(data: bytes) -> Iterable[list[str]]:
    """Rows of the first sheet. The zip's declared sizes, ratios and packing are checked first
    (as for uploaded plans), so a workbook that would unpack to gigabytes is refused unread."""
    from openpyxl import load_workbook

    try:
        SafeZip(data, DocumentLimits())
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadDocument, zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise ExtractError(
            "The extract is not a readable XLSX workbook, or is packed in a way Excel never uses."
        ) from error
    sheet = book.worksheets[0]
    return ([_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True))


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _columns(header: Sequence[str], mapping: dict[str, str]) -> tuple[dict[int, str], list]:
    columns: dict[int, str] = {}
    problems = []
    for index, raw in enumerate(header):
        title = raw.strip()
        name = mapping.get(title.lower(), title.lower().replace(" ", "_"))
        if name in COLUMNS:
            if name in columns.values():
                problems.append(Problem(1, title, f"a second column for {name}"))
            columns[index] = name
        elif PERSONAL.search(title):
            problems.append(
                Problem(
                    1,
                    title,
                    "looks like a name, date of birth, address or contact detail; remove this "
                    "column from the extract and import it again",
                )
            )
    if "reference" not in columns.values():
        problems.append(Problem(1, "reference", "no reference column (use a mapping file)"))
    return columns, problems


def _check_row(line: int, row: dict[str, str], problems: list[Problem]) -> EventRow | None:
    before = len(problems)
    reference = row.get("reference", "").strip()
    if wrong := reference_problem(reference):
        problems.append(Problem(line, "reference", wrong))
    values: dict[str, date | bool | str | None] = {}
    for name in DATE_COLUMNS:
        values[name] = _date(line, name, row.get(name, ""), problems)
    for name in YES_NO_COLUMNS:
        text = row.get(name, "").strip().lower()
        if text not in YES | NO:
            problems.append(Problem(line, name, f"'{row[name]}' is not yes or no"))
        values[name] = text in YES
    decision = row.get("review_decision", "").strip().lower()
    if decision and decision not in DECISIONS:
        problems.append(
            Problem(line, "review_decision", f"'{decision}' is not {', '.join(DECISIONS)}")
        )
    values["review_decision"] = decision or None
    _check_together(line, values, problems)
    details = _details(line, row, problems)
    if len(problems) > before:
        return None
    return EventRow(reference, values, details)


NEEDS = (
    ("issue_date", "request_date", "an issue date needs the date the assessment was requested"),
    (
        "review_meeting_date",
        "previous_review_date",
        "a review meeting needs the previous review date (for a first review, the issue date)",
    ),
    ("review_decision_date", "review_meeting_date", "a review decision needs its meeting date"),
)
ORDER = (
    ("request_date", "issue_date"),
    ("previous_review_date", "review_meeting_date"),
    ("review_meeting_date", "review_decision_date"),
)


def _check_together(line: int, values: dict, problems: list[Problem]) -> None:
    """Dates that only make sense with another, or after another."""
    for name, needed, message in NEEDS:
        if values[name] is not None and values[needed] is None:
            problems.append(Problem(line, needed, message))
    if values["phase_transfer"] and values["transfer_deadline"] is None:
        problems.append(Problem(line, "transfer_deadline", "a phase transfer needs its deadline"))
    for first, then in ORDER:
        if values[first] and values[then] and values[then] < values[first]:
            problems.append(Problem(line, then, f"is before {first}"))


def _date(line: int, name: str, text: str, problems: list[Problem]) -> date | None:
    text = text.strip()
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    problems.append(Problem(line, name, f"'{text}' is not a date (use 2025-09-01 or 01/09/2025)"))
    return None


def _details(line: int, row: dict[str, str], problems: list[Problem]) -> dict[str, str | int]:
    details: dict[str, str | int] = {}
    if team := row.get("team", "").strip():
        details["team"] = team[:80]
    if phase := row.get("phase", "").strip():
        key = phase.lower().replace("-", "").replace(" ", "_")
        if key not in PHASES:
            problems.append(Problem(line, "phase", f"'{phase}' is not {', '.join(PHASES)}"))
        details["phase"] = key
    if year := row.get("year_group", "").strip():
        if not year.isdigit() or int(year) > 14:
            problems.append(Problem(line, "year_group", f"'{year}' is not a year group 0-14"))
        else:
            details["year_group"] = int(year)
    if need := row.get("primary_need", "").strip():
        if need not in PRIMARY_NEEDS:
            problems.append(Problem(line, "primary_need", f"'{need}' is not a primary need code"))
        details["primary_need"] = need
    return details
