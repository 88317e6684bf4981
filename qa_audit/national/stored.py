"""Keep the uploaded figures (the newest file replaces the last, whole) and the areas chosen
for the comparison. Operations only flush; the caller commits."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select

from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import ComparisonArea, NationalFigure
from qa_audit.national.statistics_file import AreaFigure

MAX_NEIGHBOURS = 15


def replace_figures(figures: Sequence[AreaFigure]) -> int:
    """Store ``figures`` in place of every figure held; returns how many."""
    db.session.execute(delete(NationalFigure))
    db.session.add_all(
        NationalFigure(
            time_period=f.time_period,
            geographic_level=f.geographic_level,
            area_code=f.area_code,
            area_name=f.area_name,
            issued=f.issued,
            within_20_weeks=f.within_20_weeks,
            share=f.share,
        )
        for f in figures
    )
    db.session.flush()
    return len(figures)


def local_authorities() -> dict[str, str]:
    """Code -> name of every local authority in the stored figures (the newest name), by name."""
    query = (
        select(NationalFigure.area_code, NationalFigure.area_name)
        .where(NationalFigure.geographic_level == "Local authority")
        .order_by(NationalFigure.time_period)
    )
    names = {code: name for code, name in db.session.execute(query)}
    return dict(sorted(names.items(), key=lambda item: item[1]))


def chosen_areas() -> tuple[str | None, list[str]]:
    """(the council's code, the neighbours' codes) as chosen."""
    rows = db.session.scalars(select(ComparisonArea).order_by(ComparisonArea.id)).all()
    council = next((r.area_code for r in rows if r.role == "council"), None)
    return council, [r.area_code for r in rows if r.role == "neighbour"]


def choose_areas(council: str, neighbours: Sequence[str]) -> None:
    """Replace the choice: the council and its statistical neighbours, all local authorities
    in the stored figures."""
    known = local_authorities()
    if council not in known:
        raise QaAuditError("Choose your council from the local authorities in the file.")
    unknown = [code for code in neighbours if code not in known]
    if unknown:
        raise QaAuditError("Choose neighbours from the local authorities in the file.")
    if council in neighbours:
        raise QaAuditError(f"{known[council]} is your council: it cannot be its own neighbour.")
    if len(set(neighbours)) > MAX_NEIGHBOURS:
        raise QaAuditError(f"Choose at most {MAX_NEIGHBOURS} statistical neighbours.")
    db.session.execute(delete(ComparisonArea))
    db.session.add(ComparisonArea(area_code=council, role="council"))
    db.session.add_all(
        ComparisonArea(area_code=code, role="neighbour") for code in dict.fromkeys(neighbours)
    )
    db.session.flush()
