"""A request for professional advice about a plan, recorded when it is sent so that the 6-week
deadline can be followed before any document arrives."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from qa_audit.extensions import db
from qa_audit.models._base import created_at_column
from qa_audit.models.plan import Plan
from qa_audit.models.plan_advice import PlanAdvice


class AdviceRequest(db.Model):
    """Advice asked of ``source`` on ``requested_on``; ``advice_id`` is the document that
    answered it, None while it is awaited."""

    __tablename__ = "advice_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    source: Mapped[str] = mapped_column(String(60))  # a section K source, as on PlanAdvice
    requested_on: Mapped[date] = mapped_column(Date, index=True)
    advice_id: Mapped[int | None] = mapped_column(ForeignKey("plan_advice.id"), unique=True)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = created_at_column()

    plan: Mapped[Plan] = relationship(
        backref=db.backref("advice_requests", order_by="AdviceRequest.requested_on")
    )
    advice: Mapped[PlanAdvice | None] = relationship()
