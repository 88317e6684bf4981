"""The audit cycle: terms, matrix versions, samples, audits with per-criterion scores,
moderation of double-marked plans and follow-up actions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from qa_audit.extensions import db
from qa_audit.models._base import created_at_column, utcnow

AUDIT_STATUSES = ("assigned", "draft", "submitted")


class Term(db.Model):
    """An academic term, its dates snapshotted when first used (``autumn-2025``)."""

    __tablename__ = "terms"

    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    label: Mapped[str] = mapped_column(String(40))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)


class MatrixVersion(db.Model):
    """An immutable QA matrix, stored when first used; audits point at the one they used."""

    __tablename__ = "matrix_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    matrix_id: Mapped[str] = mapped_column(String(60), index=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    source_name: Mapped[str] = mapped_column(String(255))
    content: Mapped[str] = mapped_column(Text)  # canonical JSON of the matrix
    created_at: Mapped[datetime] = created_at_column()


class Sample(db.Model):
    __tablename__ = "samples"

    id: Mapped[int] = mapped_column(primary_key=True)
    term_id: Mapped[str] = mapped_column(ForeignKey("terms.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # "random", "targeted" or "review"
    method: Mapped[dict] = mapped_column(JSON, default=dict)  # strata, size, weights, exclusions
    seed: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = created_at_column()

    members: Mapped[list[SampleMember]] = relationship(back_populates="sample")


class SampleMember(db.Model):
    __tablename__ = "sample_members"
    __table_args__ = (UniqueConstraint("sample_id", "plan_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("samples.id"), index=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    added_by_hand: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str | None] = mapped_column(Text)
    double_marked: Mapped[bool] = mapped_column(default=False)

    sample: Mapped[Sample] = relationship(back_populates="members")


class Audit(db.Model):
    """One auditor's scoring of one plan document against one matrix version."""

    __tablename__ = "audits"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("plan_documents.id"))
    sample_id: Mapped[int | None] = mapped_column(ForeignKey("samples.id"), index=True)
    auditor_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    matrix_version_id: Mapped[int | None] = mapped_column(ForeignKey("matrix_versions.id"))
    status: Mapped[str] = mapped_column(String(12), default="assigned")
    due_on: Mapped[date | None] = mapped_column(Date)
    overall_grade: Mapped[str | None] = mapped_column(String(40))
    meets_threshold: Mapped[bool | None]
    measures: Mapped[dict | None] = mapped_column(JSON)  # headline measure id -> bool | None
    summary: Mapped[str | None] = mapped_column(Text)
    strengths: Mapped[str | None] = mapped_column(Text)
    to_improve: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    # Optimistic locking: a save based on a stale copy is refused, not silently merged.
    revision: Mapped[int] = mapped_column(default=1)

    scores: Mapped[list[AuditScore]] = relationship(
        back_populates="audit", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": revision}


class AuditScore(db.Model):
    __tablename__ = "audit_scores"
    __table_args__ = (UniqueConstraint("audit_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id"), index=True)
    criterion_id: Mapped[str] = mapped_column(String(60))
    grade: Mapped[str | None] = mapped_column(String(40))
    evidence: Mapped[str | None] = mapped_column(Text)
    confirmed_flags: Mapped[list | None] = mapped_column(JSON)  # pre-flag codes the auditor agreed

    audit: Mapped[Audit] = relationship(back_populates="scores")


class Moderation(db.Model):
    """The moderator's final grades for a double-marked plan, with the reason."""

    __tablename__ = "moderations"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id"), unique=True)
    second_audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id"), unique=True)
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    final_grades: Mapped[dict | None] = mapped_column(JSON)  # criterion id -> grade, "overall"
    reason: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class FollowUpAction(db.Model):
    __tablename__ = "follow_up_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # amend / re_audit / training
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    due_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default="open")
    created_at: Mapped[datetime] = created_at_column()
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
