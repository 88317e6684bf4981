"""Analyse stored document versions with the current analyser and keep the result.

An Analysis row is unique per (document, analyser version): re-running after the rules change
adds a new row; re-running with the same version recomputes in place.
"""

from __future__ import annotations

from datetime import date

from flask import current_app
from sqlalchemy import select

from qa_audit.documents.model import ParsedPlan
from qa_audit.extensions import db
from qa_audit.models import Analysis, PlanDocument
from qa_audit.models._base import utcnow
from qa_audit.nlp import ANALYSER_VERSION, analyse_plan


def analysis_for(document_id: int) -> Analysis:
    """The current analyser's row for a document, created as ``queued`` when missing."""
    analysis = db.session.scalar(
        select(Analysis).where(
            Analysis.document_id == document_id, Analysis.analyser_version == ANALYSER_VERSION
        )
    )
    if analysis is None:
        analysis = Analysis(document_id=document_id, analyser_version=ANALYSER_VERSION)
        db.session.add(analysis)
        db.session.flush()
    return analysis


def analyse_document(document_id: int, today: date | None = None) -> Analysis:
    """Run the pre-flags on one stored document version and commit the result."""
    analysis = analysis_for(document_id)
    analysis.status, analysis.error = "running", None
    db.session.commit()
    document = db.session.get(PlanDocument, document_id)
    try:
        plan = ParsedPlan.from_dict(document.parsed or {})
        if plan.issue_date is None and document.plan.issue_date:
            plan.issue_date = document.plan.issue_date
        if plan.year_group is None:
            plan.year_group = document.plan.year_group
        analysis.result = analyse_plan(plan, today=today).to_dict()
        analysis.status = "done"
    except Exception:
        db.session.rollback()
        current_app.logger.exception("analysis of document %s failed", document_id)
        analysis = analysis_for(document_id)
        analysis.status = "failed"
        analysis.error = "The pre-flags could not be computed for this document."
    analysis.finished_at = utcnow()
    db.session.commit()
    return analysis


def latest_analysis(document: PlanDocument) -> Analysis | None:
    """The finished analysis by the current analyser, else the newest finished one."""
    done = [a for a in document.analyses if a.status == "done"]
    current = [a for a in done if a.analyser_version == ANALYSER_VERSION]
    pool = current or done
    return max(pool, key=lambda a: a.finished_at or a.created_at) if pool else None


def analysis_state(document: PlanDocument) -> str:
    """ "done", "pending" (queued or running) or "failed", for the current analyser."""
    current = [a for a in document.analyses if a.analyser_version == ANALYSER_VERSION]
    if not current:
        return "pending"
    return {"queued": "pending", "running": "pending"}.get(current[0].status, current[0].status)


def documents_needing_analysis() -> list[int]:
    """Document versions with no finished analysis by the current analyser (new, interrupted
    or failed runs, or results from older rules)."""
    finished = select(Analysis.document_id).where(
        Analysis.analyser_version == ANALYSER_VERSION, Analysis.status == "done"
    )
    query = select(PlanDocument.id).where(
        PlanDocument.parsed.is_not(None), PlanDocument.id.not_in(finished)
    )
    return list(db.session.scalars(query.order_by(PlanDocument.id)))
