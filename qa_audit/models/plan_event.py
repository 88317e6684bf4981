"""Rows of the council's case-management extract: the statutory dates of each plan's events."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, String
from sqlalchemy.orm import Mapped, mapped_column

from qa_audit.extensions import db
from qa_audit.models._base import created_at_column


class PlanEvent(db.Model):
    """One row of an extract: an assessment, an annual review or a phase transfer of a plan,
    known by the plan's pseudonymous reference (it links to a plan in the tool by that
    reference, when there is one). Nothing that names the child is kept."""

    __tablename__ = "plan_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(40), index=True)
    team: Mapped[str | None] = mapped_column(String(80))  # as the extract gives it
    fingerprint: Mapped[str] = mapped_column(String(64))  # of the row's values, to skip repeats
    request_date: Mapped[date | None] = mapped_column(Date)
    issue_date: Mapped[date | None] = mapped_column(Date, index=True)
    exceptions: Mapped[bool] = mapped_column(default=False)
    previous_review_date: Mapped[date | None] = mapped_column(Date)
    review_meeting_date: Mapped[date | None] = mapped_column(Date, index=True)
    review_decision_date: Mapped[date | None] = mapped_column(Date)
    review_decision: Mapped[str | None] = mapped_column(String(10))
    phase_transfer: Mapped[bool] = mapped_column(default=False)
    transfer_deadline: Mapped[date | None] = mapped_column(Date, index=True)
    amended_issue_date: Mapped[date | None] = mapped_column(Date)
    imported_at: Mapped[datetime] = created_at_column()
