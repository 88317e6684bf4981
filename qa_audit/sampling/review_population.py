"""Annual-review populations, drawn from the imported case-management extract.

- ``amended``: plans whose annual review meeting was held in the term and decided to amend
  the plan.
- ``phase_transfer``: phase transfers whose deadline falls in the term and whose amended plan
  has been issued (one not issued yet has nothing new to audit: it is counted and left out).

Rows link to plans in the tool by reference; references the tool does not hold are counted.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from qa_audit.extensions import db
from qa_audit.models import Plan, PlanEvent
from qa_audit.terms import TermSpan

REVIEW_POPULATIONS = {
    "amended": "Plans amended after an annual review in the term (from the caseload extract)",
    "phase_transfer": "Phase transfers due in the term (from the caseload extract)",
}
"""Population id -> label. The ids are plan kinds, so the matrix's ``applies_to`` names them."""


@dataclass(frozen=True)
class ReviewPopulation:
    plans: list[Plan]
    not_in_tool: int  # references in the extract with no plan in the tool
    not_issued: int  # phase transfers whose amended plan is not issued yet


def review_plans(term: TermSpan, population: str) -> ReviewPopulation:
    """The plans of ``population`` (a key of :data:`REVIEW_POPULATIONS`) in ``term``, by id."""
    if population == "amended":
        query = select(PlanEvent.reference, PlanEvent.review_meeting_date).where(
            PlanEvent.review_meeting_date >= term.starts_on,
            PlanEvent.review_meeting_date <= term.ends_on,
            PlanEvent.review_decision == "amend",
        )
    else:
        query = select(PlanEvent.reference, PlanEvent.amended_issue_date).where(
            PlanEvent.phase_transfer.is_(True),
            PlanEvent.transfer_deadline >= term.starts_on,
            PlanEvent.transfer_deadline <= term.ends_on,
        )
    rows = db.session.execute(query).all()
    waiting = {reference for reference, issued in rows if issued is None}
    references = sorted({reference for reference, _ in rows} - waiting)
    plans: list[Plan] = []
    for start in range(0, len(references), 500):
        chunk = references[start : start + 500]
        plans.extend(
            db.session.scalars(
                select(Plan).where(Plan.reference.in_(chunk)).options(selectinload(Plan.documents))
            )
        )
    plans.sort(key=lambda plan: plan.id)
    return ReviewPopulation(plans, len(references) - len(plans), len(waiting))
