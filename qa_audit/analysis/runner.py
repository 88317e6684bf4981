"""Analyse stored document versions with the current analyser and keep the result.

An Analysis row is unique per (document, analyser version): re-running after the rules change
adds a new row; re-running with the same version recomputes in place.
"""

from __future__ import annotations

from datetime import date

from flask import current_app

from qa_audit.analysis.stored import analysis_for
from qa_audit.documents.model import ParsedPlan
from qa_audit.extensions import db
from qa_audit.models import Analysis, PlanDocument
from qa_audit.models._base import utcnow
from qa_audit.nlp.plan import analyse_plan


def analyse_document(document_id: int, today: date | None = None) -> Analysis:
    """Run the pre-flags on one stored document version and commit the result."""
    analysis = analysis_for(document_id)
    analysis.status, analysis.error, analysis.requested_at = "running", None, utcnow()
    db.session.commit()
    document = db.session.get(PlanDocument, document_id)
    try:
        plan = ParsedPlan.from_dict(document.parsed or {})
        if plan.issue_date is None and document.plan.issue_date:
            plan.issue_date = document.plan.issue_date
        if plan.review_date is None and document.plan.review_date:
            plan.review_date = document.plan.review_date
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
