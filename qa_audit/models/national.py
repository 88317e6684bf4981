"""The DfE's published 20-week figures by area, and the areas a QA lead compares the council
with. Aggregate statistics only: nothing about any child."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qa_audit.extensions import db
from qa_audit.models._base import created_at_column


class NationalFigure(db.Model):
    """One area's figure for one period of the published statistics file: England, a region
    or a local authority, with the plans issued (exceptions left out) and those within 20 weeks."""

    __tablename__ = "national_figures"
    __table_args__ = (UniqueConstraint("time_period", "geographic_level", "area_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    time_period: Mapped[str] = mapped_column(String(20))  # as published, e.g. "2024"
    geographic_level: Mapped[str] = mapped_column(String(30))  # National, Regional, Local authority
    area_code: Mapped[str] = mapped_column(String(12), index=True)
    area_name: Mapped[str] = mapped_column(String(120))
    issued: Mapped[int | None]
    within_20_weeks: Mapped[int | None]
    share: Mapped[float | None] = mapped_column(Float)  # 0 to 1; None where withheld
    imported_at: Mapped[datetime] = created_at_column()


class ComparisonArea(db.Model):
    """A local authority chosen for the comparison: the council itself, or a neighbour."""

    __tablename__ = "comparison_areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    area_code: Mapped[str] = mapped_column(String(12), unique=True)
    role: Mapped[str] = mapped_column(String(12))  # "council" or "neighbour"
