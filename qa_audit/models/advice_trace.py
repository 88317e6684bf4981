"""A plan's advice traced into one document version, stored so that pages and reports read the
findings instead of tracing hundreds of plans again."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qa_audit.extensions import db
from qa_audit.models._base import created_at_column


class AdviceTrace(db.Model):
    """The trace of the advice held when it ran (``advice_key``, see
    :func:`qa_audit.advice.findings.advice_key`) into ``document_id``: ``findings`` has the
    shape of :meth:`qa_audit.nlp.trace.Trace.to_dict`. Once the plan's advice changes the key no
    longer matches and the row is not counted; a new plan version has its own rows."""

    __tablename__ = "advice_traces"
    __table_args__ = (UniqueConstraint("document_id", "advice_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("plan_documents.id"), index=True)
    advice_key: Mapped[str] = mapped_column(String(64))
    analyser_version: Mapped[str] = mapped_column(String(20))
    findings: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = created_at_column()
