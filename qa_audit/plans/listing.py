"""The plans list: a search by reference, filters by team and status, and each plan's status.

Everything is one query built on :func:`qa_audit.visibility.visible_plans`, so a filter never
reaches past the plans the person may see, and the status is worked out by the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, case, exists, select

from qa_audit.extensions import db
from qa_audit.models import Analysis, Audit, Plan, PlanDocument, User
from qa_audit.visibility import visible_plans

STATUS_LABELS = {
    "no_document": "No document",
    "awaiting_analysis": "Awaiting analysis",
    "analysed": "Analysed",
    "awaiting_audit": "Awaiting audit",
    "audited": "Audited",
}
"""Where a plan is in the cycle, in order; the first that holds, from the end, is its status."""


def plan_status() -> ColumnElement[str]:
    """The plan's status: an audit still open, all audits submitted, an analysis done, a
    document uploaded, or nothing yet."""
    audits = exists().where(Audit.plan_id == Plan.id)
    open_audits = exists().where(Audit.plan_id == Plan.id, Audit.status != "submitted")
    documents = exists().where(PlanDocument.plan_id == Plan.id)
    analysed = exists().where(
        PlanDocument.plan_id == Plan.id,
        Analysis.document_id == PlanDocument.id,
        Analysis.status == "done",
    )
    return case(
        (open_audits, "awaiting_audit"),
        (audits, "audited"),
        (analysed, "analysed"),
        (documents, "awaiting_analysis"),
        else_="no_document",
    )


@dataclass(frozen=True)
class PlanFilters:
    reference: str = ""
    team: str = ""
    status: str = ""

    @classmethod
    def from_args(cls, args) -> PlanFilters:
        """Filters from the query string; an unknown status is ignored rather than refused."""
        status = args.get("status", "")
        return cls(
            reference=args.get("reference", "").strip()[:40],
            team=args.get("team", "").strip()[:80],
            status=status if status in STATUS_LABELS else "",
        )

    @property
    def active(self) -> bool:
        return bool(self.reference or self.team or self.status)

    def as_args(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if v}


def matching_plans(user: User, filters: PlanFilters) -> Select:
    """The plans the user may see that match ``filters``, newest issued first."""
    query = visible_plans(user)
    if filters.reference:
        query = query.where(Plan.reference.icontains(filters.reference, autoescape=True))
    if filters.team:
        query = query.where(Plan.team == filters.team)
    if filters.status:
        query = query.where(plan_status() == filters.status)
    return query.order_by(Plan.issue_date.desc(), Plan.id.desc())


def statuses(plans: Iterable[Plan]) -> dict[int, str]:
    """Plan id -> status, for the plans on one page of the list."""
    ids = [plan.id for plan in plans]
    rows = db.session.execute(select(Plan.id, plan_status()).where(Plan.id.in_(ids)))
    return {plan_id: status for plan_id, status in rows}


def visible_teams(user: User) -> list[str]:
    """The teams of the plans the user may see, for the team filter."""
    teams = visible_plans(user).with_only_columns(Plan.team).where(Plan.team.is_not(None))
    return sorted(db.session.scalars(teams.distinct()))
