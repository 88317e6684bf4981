"""EHC plans (pseudonymous), their uploaded document versions and the analyses of each version."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, Date, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from qa_audit.extensions import db
from qa_audit.models._base import created_at_column
from qa_audit.plan_kinds import PLAN_KINDS as PLAN_KINDS  # re-exported for the views

PHASES = {
    "early_years": "Early years",
    "primary": "Primary",
    "secondary": "Secondary",
    "post16": "Post-16",
}
PRIMARY_NEEDS = {
    "ASD": "Autistic spectrum disorder",
    "SLCN": "Speech, language and communication needs",
    "SEMH": "Social, emotional and mental health",
    "MLD": "Moderate learning difficulty",
    "SLD": "Severe learning difficulty",
    "PMLD": "Profound and multiple learning difficulty",
    "SpLD": "Specific learning difficulty",
    "HI": "Hearing impairment",
    "VI": "Vision impairment",
    "MSI": "Multi-sensory impairment",
    "PD": "Physical disability",
    "OTH": "Other difficulty or disability",
}


class Plan(db.Model):
    """A child's plan, known only by a pseudonymous reference: no names are stored."""

    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    issue_date: Mapped[date | None] = mapped_column(Date, index=True)
    review_date: Mapped[date | None] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20), default="new")
    team: Mapped[str | None] = mapped_column(String(80), index=True)
    caseworker: Mapped[str | None] = mapped_column(String(120))
    phase: Mapped[str | None] = mapped_column(String(20))
    year_group: Mapped[int | None]
    primary_need: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = created_at_column()
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    documents: Mapped[list[PlanDocument]] = relationship(
        back_populates="plan", order_by="PlanDocument.version"
    )

    @property
    def latest_document(self) -> PlanDocument | None:
        return self.documents[-1] if self.documents else None


class PlanDocument(db.Model):
    """One uploaded version of a plan's document, stored outside ``static/``."""

    __tablename__ = "plan_documents"
    __table_args__ = (UniqueConstraint("plan_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    version: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    original_name: Mapped[str] = mapped_column(String(255))
    file_type: Mapped[str] = mapped_column(String(8))  # "docx" or "pdf"
    stored_path: Mapped[str | None] = mapped_column(String(255))  # None once purged
    parsed: Mapped[dict | None] = mapped_column(JSON)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime] = created_at_column()

    plan: Mapped[Plan] = relationship(back_populates="documents")
    analyses: Mapped[list[Analysis]] = relationship(back_populates="document")


class Analysis(db.Model):
    """Pre-flags computed for one document version by one version of the analyser."""

    __tablename__ = "analyses"
    __table_args__ = (UniqueConstraint("document_id", "analyser_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("plan_documents.id"), index=True)
    analyser_version: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12), default="queued")  # queued/running/done/failed
    result: Mapped[dict | None] = mapped_column(JSON)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = created_at_column()
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # When the current run was queued or started: a run that never finishes shows as stalled.
    requested_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    document: Mapped[PlanDocument] = relationship(back_populates="analyses")
