"""Professional advice received for a plan (educational psychology, speech and language
therapy...), stored as its file and the recommendations read from it."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from qa_audit.extensions import db
from qa_audit.models._base import created_at_column
from qa_audit.models.plan import Plan


class PlanAdvice(db.Model):
    """One advice document of a plan, stored outside ``static/`` beside the plan's versions.
    ``recommendations`` holds what was read from it (``[{"text", "heading"}]``); the file and
    the recommendations go when retention purges it."""

    __tablename__ = "plan_advice"
    __table_args__ = (UniqueConstraint("plan_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    source: Mapped[str] = mapped_column(String(60))  # a section K source ("CAMHS", ...)
    received_on: Mapped[date] = mapped_column(Date)
    requested_on: Mapped[date | None] = mapped_column(Date)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    original_name: Mapped[str] = mapped_column(String(255))
    file_type: Mapped[str] = mapped_column(String(8))  # "docx" or "pdf"
    stored_path: Mapped[str | None] = mapped_column(String(255))  # None once purged
    recommendations: Mapped[list | None] = mapped_column(JSON)  # None once purged
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime] = created_at_column()

    plan: Mapped[Plan] = relationship(
        backref=db.backref("advice", order_by="PlanAdvice.received_on")
    )
