"""Retention: remove stored plan files older than a cut-off, keeping scores and references."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import AccessLog, PlanDocument
from qa_audit.uploads import storage


@dataclass
class Purged:
    document_id: int
    plan_reference: str
    version: int


def purge_documents(older_than: datetime, *, dry_run: bool = False) -> list[Purged]:
    """Delete the stored file of every document version uploaded before ``older_than``. The
    version row, its parsed text's place in audits and all scores stay; the file and the
    parsed text (which holds the plan's content) go. Each removal is written to the access log."""
    documents = db.session.scalars(
        select(PlanDocument).where(
            PlanDocument.uploaded_at < older_than, PlanDocument.stored_path.is_not(None)
        )
    ).all()
    purged = [Purged(d.id, d.plan.reference, d.version) for d in documents]
    if dry_run:
        return purged
    folder = current_app.config["UPLOAD_FOLDER"]
    for document in documents:
        still_used = db.session.scalar(
            select(PlanDocument.id).where(
                PlanDocument.sha256 == document.sha256,
                PlanDocument.id != document.id,
                PlanDocument.uploaded_at >= older_than,
            )
        )
        if not still_used:
            storage.remove(folder, document.stored_path)
        document.stored_path = None
        document.parsed = None
        for analysis in document.analyses:
            analysis.result = _figures_only(analysis.result)
        db.session.add(
            AccessLog(
                action="purge_document",
                object_type="document",
                object_id=document.id,
                plan_reference=document.plan.reference,
            )
        )
    db.session.commit()
    return purged


def _figures_only(result: dict | None) -> dict | None:
    """What the reports need from an analysis, without any of the plan's text."""
    if not result:
        return result
    template = result.get("template") or {}
    return {
        "analyser_version": result.get("analyser_version"),
        "summary": result.get("summary"),
        "template": {"kind": template.get("kind"), "evidence": []},
        "purged": True,
    }
