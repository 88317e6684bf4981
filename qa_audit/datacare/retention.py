"""Retention: remove stored plan and advice files older than a cut-off, keeping scores and
references."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from sqlalchemy import delete, select

from qa_audit.extensions import db
from qa_audit.files import storage
from qa_audit.models import AccessLog, AdviceTrace, PlanAdvice, PlanDocument


@dataclass
class Purged:
    id: int  # of the document version or the advice document
    plan_reference: str
    what: str  # "version 2", "advice from CAMHS"


def purge_documents(older_than: datetime, *, dry_run: bool = False) -> list[Purged]:
    """Delete the stored file of every document version, and of every advice document,
    uploaded before ``older_than``. The version row, its parsed text's place in audits and all
    scores stay; the file, the text read from it (which holds the plan's content) and the advice
    traced into it go. A file is kept while a newer upload still records it. Each removal is
    written to the access log."""
    documents = db.session.scalars(
        select(PlanDocument).where(
            PlanDocument.uploaded_at < older_than, PlanDocument.stored_path.is_not(None)
        )
    ).all()
    advice = db.session.scalars(
        select(PlanAdvice).where(
            PlanAdvice.uploaded_at < older_than, PlanAdvice.stored_path.is_not(None)
        )
    ).all()
    purged = [Purged(d.id, d.plan.reference, f"version {d.version}") for d in documents]
    purged += [Purged(a.id, a.plan.reference, f"advice from {a.source}") for a in advice]
    if dry_run:
        return purged
    paths = {d.stored_path for d in documents} | {a.stored_path for a in advice}
    for document in documents:
        document.stored_path = None
        document.parsed = None
        for analysis in document.analyses:
            analysis.result = _figures_only(analysis.result)
        _log("purge_document", "document", document.id, document.plan.reference)
    for item in advice:
        item.stored_path = None
        item.recommendations = None
        _log("purge_advice", "plan", item.plan_id, item.plan.reference)
    _drop_traces({d.id for d in documents}, {a.plan_id for a in advice})
    db.session.flush()
    folder = current_app.config["UPLOAD_FOLDER"]
    for path in paths - _recorded(paths):
        storage.remove(folder, path)
    db.session.commit()
    return purged


def _drop_traces(document_ids: set[int], plan_ids: set[int]) -> None:
    """Stored advice traces quote the plan and the advice: they go with either."""
    of_plans = select(PlanDocument.id).where(PlanDocument.plan_id.in_(plan_ids))
    db.session.execute(
        delete(AdviceTrace).where(
            AdviceTrace.document_id.in_(document_ids) | AdviceTrace.document_id.in_(of_plans)
        )
    )


def _recorded(paths: set[str]) -> set[str]:
    """Those of ``paths`` that a document version or advice document still records."""
    return {
        path
        for model in (PlanDocument, PlanAdvice)
        for path in db.session.scalars(
            select(model.stored_path).where(model.stored_path.in_(paths))
        )
    }


def _log(action: str, object_type: str, object_id: int, reference: str) -> None:
    db.session.add(
        AccessLog(
            action=action, object_type=object_type, object_id=object_id, plan_reference=reference
        )
    )


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
