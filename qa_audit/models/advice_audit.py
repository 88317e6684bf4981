"""Audits of professional advice: a termly advice sample, and one auditor's scoring of one
piece of advice against an advice matrix.

Kept in tables of their own, apart from plan audits, so that no plan headline, plan sample,
feedback sheet or calibration figure can ever count them. They hold no child's details: the
advice is known by its :class:`PlanAdvice` row, which links to the plan.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from qa_audit.extensions import db
from qa_audit.models._base import created_at_column, utcnow
from qa_audit.models.plan_advice import PlanAdvice
from qa_audit.models.user import User


class AdviceSample(db.Model):
    """The advice drawn for a term, by source, with the method and seed that reproduce it."""

    __tablename__ = "advice_samples"

    id: Mapped[int] = mapped_column(primary_key=True)
    term_id: Mapped[str] = mapped_column(ForeignKey("terms.id"), index=True)
    method: Mapped[dict] = mapped_column(JSON, default=dict)  # per source: size, population
    seed: Mapped[int] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = created_at_column()

    audits: Mapped[list[AdviceAudit]] = relationship(back_populates="sample")


class AdviceAudit(db.Model):
    """One auditor's scoring of one piece of advice against one advice matrix version."""

    __tablename__ = "advice_audits"
    __table_args__ = (UniqueConstraint("sample_id", "advice_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("advice_samples.id"), index=True)
    advice_id: Mapped[int] = mapped_column(ForeignKey("plan_advice.id"), index=True)
    auditor_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    matrix_version_id: Mapped[int | None] = mapped_column(ForeignKey("matrix_versions.id"))
    status: Mapped[str] = mapped_column(String(12), default="assigned")
    overall_grade: Mapped[str | None] = mapped_column(String(40))
    meets_threshold: Mapped[bool | None]
    measures: Mapped[dict | None] = mapped_column(JSON)  # measure id -> bool | None
    summary: Mapped[str | None] = mapped_column(Text)
    strengths: Mapped[str | None] = mapped_column(Text)
    to_improve: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    # Optimistic locking, as for plan audits: a save from a stale copy is refused.
    revision: Mapped[int] = mapped_column(default=1)

    sample: Mapped[AdviceSample] = relationship(back_populates="audits")
    advice: Mapped[PlanAdvice] = relationship()
    auditor: Mapped[User] = relationship()
    scores: Mapped[list[AdviceAuditScore]] = relationship(
        back_populates="audit", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": revision}

    @property
    def plan_id(self) -> int:
        """The plan the advice was given for (the access log names it by reference)."""
        return self.advice.plan_id


class AdviceAuditScore(db.Model):
    __tablename__ = "advice_audit_scores"
    __table_args__ = (UniqueConstraint("audit_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("advice_audits.id"), index=True)
    criterion_id: Mapped[str] = mapped_column(String(60))
    grade: Mapped[str | None] = mapped_column(String(40))
    evidence: Mapped[str | None] = mapped_column(Text)
    confirmed_flags: Mapped[list | None] = mapped_column(JSON)  # hint codes the auditor agreed

    audit: Mapped[AdviceAudit] = relationship(back_populates="scores")
