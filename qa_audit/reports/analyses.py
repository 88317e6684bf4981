"""Fetch stored pre-flag analyses in bulk: for audited documents, and for the whole caseload."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select

from qa_audit.analysis.stored import counted_analyses
from qa_audit.extensions import db
from qa_audit.models import Plan, PlanDocument
from qa_audit.reports.caseload import CaseloadPlan, plan_from_analysis


def latest_results(document_ids: Iterable[int]) -> dict[int, dict]:
    """Document id -> result of its analysis that counts (documents without one left out)."""
    chosen = counted_analyses(document_ids)
    return {doc: analysis.result for doc, analysis in chosen.items() if analysis.result}


def latest_documents(plan_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Plan id -> id of its latest document version (every plan when ``plan_ids`` is None)."""
    newest = select(PlanDocument.plan_id, func.max(PlanDocument.version).label("version"))
    if plan_ids is not None:
        newest = newest.where(PlanDocument.plan_id.in_(sorted(set(plan_ids))))
    newest_sub = newest.group_by(PlanDocument.plan_id).subquery()
    rows = db.session.execute(
        select(PlanDocument.plan_id, PlanDocument.id).join(
            newest_sub,
            (PlanDocument.plan_id == newest_sub.c.plan_id)
            & (PlanDocument.version == newest_sub.c.version),
        )
    )
    return {row.plan_id: row.id for row in rows}


def load_caseload_plans() -> tuple[list[CaseloadPlan], int]:
    """Every plan with an analysed latest document, and how many plans have none yet."""
    documents = latest_documents()
    results = latest_results(documents.values())
    plans = db.session.execute(select(Plan.id, Plan.reference, Plan.team)).all()
    caseload, not_analysed = [], 0
    for plan in plans:
        result = results.get(documents.get(plan.id, -1))
        if result is None:
            not_analysed += 1
        else:
            caseload.append(plan_from_analysis(plan.id, plan.reference, plan.team, result))
    return caseload, not_analysed
