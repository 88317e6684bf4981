"""Which plans a term's sample is drawn from, and what the pre-flags say about each."""

from __future__ import annotations

import calendar
from collections.abc import Collection, Mapping, Sequence
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from qa_audit.analysis.stored import counted_analyses
from qa_audit.extensions import db
from qa_audit.models import Audit, Plan
from qa_audit.sampling.draw import Candidate
from qa_audit.terms import TermSpan

HEADLINE_KINDS = ("new",)


def term_plans(term: TermSpan, kinds: Collection[str]) -> list[Plan]:
    """Plans issued within the term whose kind is one of ``kinds``, by id."""
    query = (
        select(Plan)
        .where(Plan.issue_date >= term.starts_on, Plan.issue_date <= term.ends_on)
        .where(Plan.kind.in_(list(kinds)))
        .options(selectinload(Plan.documents))
        .order_by(Plan.id)
    )
    return list(db.session.scalars(query))


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (clamped to the month's last day)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def audited_since(since: date) -> set[int]:
    """Ids of plans with an audit submitted on or after ``since``."""
    start = datetime(since.year, since.month, since.day, tzinfo=UTC)
    query = select(Audit.plan_id).where(Audit.status == "submitted", Audit.submitted_at >= start)
    return set(db.session.scalars(query))


def counted_results(plans: Sequence[Plan]) -> dict[int, Mapping]:
    """Plan id -> the result of the analysis that counts for its latest document version,
    for plans that have one; one query for all the plans."""
    latest = {plan.id: plan.latest_document.id for plan in plans if plan.latest_document}
    chosen = counted_analyses(latest.values())
    return {plan: chosen[doc].result or {} for plan, doc in latest.items() if doc in chosen}


def weak_share(result: Mapping | None) -> float | None:
    share = (result or {}).get("summary", {}).get("weak_share")
    return float(share) if share is not None else None


def template_kind(plan: Plan, result: Mapping | None) -> str | None:
    """``current``, ``conversion`` or ``unknown`` from the analysis that counts, else the parse."""
    kind = (result or {}).get("summary", {}).get("template")
    if kind:
        return kind
    document = plan.latest_document
    if document is not None and document.parsed:
        return (document.parsed.get("template") or {}).get("kind")
    return None


def candidates(plans: Sequence[Plan]) -> list[Candidate]:
    """What the draw needs to know about each plan, its risk from the analysis that counts."""
    results = counted_results(plans)
    return [
        Candidate(
            plan_id=plan.id,
            team=plan.team,
            phase=plan.phase,
            primary_need=plan.primary_need,
            kind=plan.kind,
            risk=weak_share(results.get(plan.id)),
        )
        for plan in plans
    ]
