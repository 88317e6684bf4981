"""The council's published 20-week rate beside England's, each chosen neighbour's and the
neighbours' median, for the latest periods in the uploaded file."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import NationalFigure
from qa_audit.national.stored import chosen_areas

PERIODS = 3


@dataclass(frozen=True)
class AreaRow:
    label: str
    role: str  # "england", "council", "neighbour" or "median"
    shares: tuple[float | None, ...]  # one per period, oldest first


@dataclass(frozen=True)
class NationalComparison:
    periods: tuple[str, ...]
    rows: tuple[AreaRow, ...]
    chosen: bool  # whether a QA lead has chosen the council

    @property
    def council(self) -> AreaRow | None:
        return next((row for row in self.rows if row.role == "council"), None)


def national_comparison(periods: int = PERIODS) -> NationalComparison | None:
    """None when no statistics file has been uploaded."""
    figures = db.session.scalars(select(NationalFigure)).all()
    if not figures:
        return None
    latest = tuple(sorted({f.time_period for f in figures})[-periods:])
    council, neighbours = chosen_areas()
    by_area: dict[tuple[str, str], dict[str, NationalFigure]] = {}
    for figure in figures:
        by_area.setdefault((figure.geographic_level, figure.area_code), {})[figure.time_period] = (
            figure
        )

    def row(level: str, code: str, role: str) -> AreaRow | None:
        found = by_area.get((level, code))
        if not found:
            return None
        name = found[max(found)].area_name
        return AreaRow(name, role, tuple(_share(found.get(p)) for p in latest))

    england = next((code for level, code in by_area if level == "National"), None)
    rows = [row("National", england, "england")] if england else []
    if council:
        rows.append(row("Local authority", council, "council"))
    near = [row("Local authority", code, "neighbour") for code in neighbours]
    rows.extend(near)
    present = [r for r in near if r is not None]
    if present:
        rows.append(AreaRow("Neighbours' median", "median", _medians(present, len(latest))))
    return NationalComparison(latest, tuple(r for r in rows if r is not None), council is not None)


def _share(figure: NationalFigure | None) -> float | None:
    return figure.share if figure is not None else None


def _medians(rows: list[AreaRow], periods: int) -> tuple[float | None, ...]:
    found = []
    for index in range(periods):
        shares = [r.shares[index] for r in rows if r.shares[index] is not None]
        found.append(median(shares) if shares else None)
    return tuple(found)
