"""Analyse stored document versions with the current analyser and keep the result, then
trace the plan's advice into the version (:mod:`qa_audit.advice.findings`).

An Analysis row is unique per (document, analyser version): re-running after the rules change
adds a new row; re-running with the same version recomputes in place.
"""

from __future__ import annotations

from datetime import date

from flask import current_app

from qa_audit.advice.findings import store_trace
from qa_audit.analysis.stored import analysis_for
from qa_audit.documents.model import ParsedPlan
from qa_audit.extensions import db
from qa_audit.models import Analysis, PlanDocument
from qa_audit.models._base import utcnow
from qa_audit.nlp.plan import analyse_plan
from qa_audit.unit_of_work import unit_of_work


def analyse_document(document_id: int, today: date | None = None) -> Analysis:
    """Run the pre-flags on one stored document version and commit the result: two units of
    work, so that the analysis shows as ``running`` while it runs."""
    with unit_of_work():
        analysis = analysis_for(document_id)
        analysis.status, analysis.error, analysis.requested_at = "running", None, utcnow()
    try:
        with unit_of_work():
            analysis.result = analyse_plan(_plan_of(document_id), today=today).to_dict()
            analysis.status, analysis.finished_at = "done", utcnow()
    except Exception:
        current_app.logger.exception("analysis of document %s failed", document_id)
        with unit_of_work():
            analysis = analysis_for(document_id)
            analysis.status, analysis.finished_at = "failed", utcnow()
            analysis.error = "The pre-flags could not be computed for this document."
    trace_advice(document_id)
    return analysis


def trace_advice(document_id: int) -> None:
    """Store the advice traced into the version; a failure leaves the analysis standing and
    the version without traced advice hints."""
    try:
        with unit_of_work():
            store_trace(document_id)
    except Exception:
        current_app.logger.exception("tracing advice into document %s failed", document_id)


def _plan_of(document_id: int) -> ParsedPlan:
    """The stored reading of the document, completed from its plan's details."""
    document = db.session.get_one(PlanDocument, document_id)
    plan = ParsedPlan.from_dict(document.parsed or {})
    if plan.issue_date is None and document.plan.issue_date:
        plan.issue_date = document.plan.issue_date
    if plan.review_date is None and document.plan.review_date:
        plan.review_date = document.plan.review_date
    if plan.year_group is None:
        plan.year_group = document.plan.year_group
    return plan
