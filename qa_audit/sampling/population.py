"""Which plans a term's sample is drawn from, and what the pre-flags say about each."""

from __future__ import annotations

import calendar
from collections.abc import Collection
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from qa_audit.extensions import db
from qa_audit.models import Analysis, Audit, Plan, PlanDocument
from qa_audit.sampling.draw import Candidate
from qa_audit.terms import TermSpan

HEADLINE_KINDS = ("new",)


def term_plans(term: TermSpan, kinds: Collection[str]) -> list[Plan]:
    """Plans issued within the term whose kind is one of ``kinds``, by id."""
    query = (
        select(Plan)
        .where(Plan.issue_date >= term.starts_on, Plan.issue_date <= term.ends_on)
        .where(Plan.kind.in_(list(kinds)))
        .options(selectinload(Plan.documents).selectinload(PlanDocument.analyses))
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


def latest_analysis(plan: Plan) -> Analysis | None:
    """The newest finished analysis of the plan's latest document, if any."""
    document = plan.latest_document
    if document is None:
        return None
    done = [a for a in document.analyses if a.status == "done" and a.result]
    return max(done, key=lambda a: (a.created_at, a.id)) if done else None


def weak_share(plan: Plan) -> float | None:
    analysis = latest_analysis(plan)
    if analysis is None:
        return None
    share = (analysis.result or {}).get("summary", {}).get("weak_share")
    return float(share) if share is not None else None


def template_kind(plan: Plan) -> str | None:
    """``current``, ``conversion`` or ``unknown`` from the latest analysis, else the parse."""
    analysis = latest_analysis(plan)
    if analysis is not None:
        kind = (analysis.result or {}).get("summary", {}).get("template")
        if kind:
            return kind
    document = plan.latest_document
    if document is not None and document.parsed:
        return (document.parsed.get("template") or {}).get("kind")
    return None


def candidate(plan: Plan) -> Candidate:
    return Candidate(
        plan_id=plan.id,
        team=plan.team,
        phase=plan.phase,
        primary_need=plan.primary_need,
        kind=plan.kind,
        risk=weak_share(plan),
    )
