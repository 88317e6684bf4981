"""A report file built in the background, for terms too large to render inside a request."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qa_audit.extensions import db
from qa_audit.models._base import created_at_column

BUILD_STATUSES = ("queued", "running", "done", "failed")


class ReportBuild(db.Model):
    __tablename__ = "report_builds"

    id: Mapped[int] = mapped_column(primary_key=True)
    term_id: Mapped[str] = mapped_column(String(40), index=True)
    fmt: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(12), default="queued")
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    filename: Mapped[str | None] = mapped_column(String(120))  # the download's name
    stored_name: Mapped[str | None] = mapped_column(String(80))  # the file under instance/
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = created_at_column()
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
