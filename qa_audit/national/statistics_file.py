"""Read the DfE's "Education, health and care plans" timeliness file (CSV, from explore
education statistics) into one 20-week figure per area and period, or refuse it whole.

The reader looks for its columns by name, case and spacing aside, and knows the names of the
current layout and the older one:

- area: ``time_period``, ``geographic_level``, ``country_code``, ``region_code``,
  ``new_la_code`` (else ``old_la_code``), ``la_name`` (``country_name``, ``region_name``);
- the figure, exceptions left out (as the DfE's headline rate is): the percentage
  (``pc_plans_issued_20_weeks_ex``, formerly ``NoExc20weekRate``), or the plans issued and
  those within 20 weeks (``plans_issued_den_ex`` and ``plans_issued_20_weeks_ex``, formerly
  ``TotNoExcEHC`` and ``NoExc20weekEHC``).

Files broken down by characteristic keep only the rows for all plans. Figures the DfE withholds
(``x``, ``z``, ``c``, ``low``, ``u``, ``:``) are kept as no figure. Any other problem refuses the
whole file, each named with its line.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from qa_audit.errors import QaAuditError

MAX_BYTES = 30 * 1024 * 1024
MAX_PROBLEMS = 20
WITHHELD = frozenset({"", "x", "z", "c", "low", "u", ":", ".."})
ALL_PLANS = frozenset({"all ehc plans", "total", "all"})
LEVELS = {"national": "National", "regional": "Regional", "local authority": "Local authority"}

COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "time_period": ("time_period",),
    "geographic_level": ("geographic_level",),
    "country_code": ("country_code",),
    "country_name": ("country_name",),
    "region_code": ("region_code",),
    "region_name": ("region_name",),
    "la_code": ("new_la_code", "old_la_code"),
    "la_name": ("la_name",),
    "breakdown": ("breakdown",),
    "share": ("pc_plans_issued_20_weeks_ex", "noexc20weekrate"),
    "issued": ("plans_issued_den_ex", "totnoexcehc"),
    "within": ("plans_issued_20_weeks_ex", "noexc20weekehc"),
}
DESCRIPTIONS = {
    "time_period": "the time period (time_period)",
    "geographic_level": "the geographic level (geographic_level)",
    "country_code": "the country code (country_code)",
    "la_code": "the local authority code (new_la_code or old_la_code)",
    "la_name": "the local authority name (la_name)",
}


class StatisticsFileError(QaAuditError):
    """The file is not the DfE's EHC plan timeliness file, or holds a value it cannot use."""

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True)
class AreaFigure:
    time_period: str
    geographic_level: str  # National, Regional or Local authority
    area_code: str
    area_name: str
    issued: int | None
    within_20_weeks: int | None
    share: float | None  # 0 to 1


def read_statistics_file(data: bytes) -> list[AreaFigure]:
    """Every area's figure in the file, or :class:`StatisticsFileError` naming what is wrong."""
    if len(data) > MAX_BYTES:
        raise StatisticsFileError(f"The file is over {MAX_BYTES // 1024 // 1024} MB.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise StatisticsFileError("The file is not a CSV file.")
    rows = csv.reader(io.StringIO(text))
    header = next(rows, None)
    if not header or not any(cell.strip() for cell in header):
        raise StatisticsFileError("The file is empty: it has no header row.")
    columns = _find_columns(header)
    figures: list[AreaFigure] = []
    problems: list[str] = []
    seen: set[tuple[str, str, str]] = set()
    for line, cells in enumerate(rows, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        row = {key: (cells[i].strip() if i < len(cells) else "") for key, i in columns.items()}
        if "breakdown" in row and row["breakdown"].lower() not in ALL_PLANS:
            continue
        figure = _figure(line, row, problems)
        if figure is None:
            continue
        key = (figure.time_period, figure.geographic_level, figure.area_code)
        if key in seen:
            problems.append(f"line {line}: {figure.area_name} {figure.time_period} appears twice")
        seen.add(key)
        figures.append(figure)
        if len(problems) >= MAX_PROBLEMS:
            break
    if problems:
        raise StatisticsFileError(
            f"The file was not imported: {len(problems)} problem(s). Nothing was changed.",
            tuple(problems),
        )
    levels = {f.geographic_level for f in figures}
    if "National" not in levels or "Local authority" not in levels:
        raise StatisticsFileError(
            "The file needs rows for England (geographic level National) and for local "
            "authorities; this one has "
            + (", ".join(sorted(levels)) if levels else "no rows for all plans")
            + "."
        )
    return figures


def _find_columns(header: list[str]) -> dict[str, int]:
    position = {cell.strip().lower().replace(" ", "_"): i for i, cell in enumerate(header)}
    columns: dict[str, int] = {}
    for key, names in COLUMN_NAMES.items():
        found = next((position[name] for name in names if name in position), None)
        if found is not None:
            columns[key] = found
    missing = [DESCRIPTIONS[key] for key in DESCRIPTIONS if key not in columns]
    if "share" not in columns and not {"issued", "within"} <= set(columns):
        missing.append(
            "the percentage of plans issued within 20 weeks excluding exceptions "
            "(pc_plans_issued_20_weeks_ex, or NoExc20weekRate in older files), or the counts "
            "it comes from (plans_issued_den_ex and plans_issued_20_weeks_ex)"
        )
    if missing:
        raise StatisticsFileError(
            "This does not look like the DfE's EHC plan timeliness file: no column was found "
            f"for {'; '.join(missing)}."
        )
    return columns


def _figure(line: int, row: dict[str, str], problems: list[str]) -> AreaFigure | None:
    level = LEVELS.get(row["geographic_level"].lower())
    if level is None:
        return None  # other levels (such as parliamentary constituency) are not compared
    code = {
        "National": row["country_code"],
        "Regional": row.get("region_code", ""),
        "Local authority": row["la_code"],
    }[level]
    name = {
        "National": row.get("country_name") or "England",
        "Regional": row.get("region_name") or code,
        "Local authority": row["la_name"],
    }[level]
    before = len(problems)
    if not row["time_period"]:
        problems.append(f"line {line}: no time period")
    if not code:
        problems.append(f"line {line}: no area code for this {level.lower()} row")
    issued = _number(line, "issued", row.get("issued", ""), problems)
    within = _number(line, "within", row.get("within", ""), problems)
    share = _number(line, "share", row.get("share", ""), problems)
    if share is not None and not 0 <= share <= 100:
        problems.append(f"line {line}: the 20-week percentage {share:g} is not from 0 to 100")
    if issued is not None and within is not None and within > issued:
        problems.append(f"line {line}: more plans within 20 weeks than plans issued")
    if len(problems) > before:
        return None
    if share is None and issued and within is not None:
        share = 100 * within / issued
    return AreaFigure(
        time_period=row["time_period"][:20],
        geographic_level=level,
        area_code=code[:12],
        area_name=(name or code)[:120],
        issued=int(issued) if issued is not None else None,
        within_20_weeks=int(within) if within is not None else None,
        share=None if share is None else share / 100,
    )


def _number(line: int, key: str, text: str, problems: list[str]) -> float | None:
    if text.lower() in WITHHELD:
        return None
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        what = {"issued": "plans issued", "within": "plans within 20 weeks", "share": "percentage"}
        problems.append(f"line {line}: '{text[:40]}' is not a number ({what[key]})")
        return None
    if value < 0:
        problems.append(f"line {line}: '{text[:40]}' is negative")
        return None
    return value
