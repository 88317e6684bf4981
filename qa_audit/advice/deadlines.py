"""The 6-week deadline for professional advice: a request still unanswered more than 42 days
after it was made is overdue, and advice counts as on time when it arrived within 42 days of
its request. Only plans the reader may see (:func:`qa_audit.visibility.visible_plans`) count."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import AdviceRequest, Plan, PlanAdvice, User
from qa_audit.terms import TermSpan
from qa_audit.visibility import visible_plans

DEADLINE_DAYS = 42
"""Professionals have 6 weeks from the request to give their advice."""


def due_on(requested_on: date) -> date:
    """The last day on which advice requested on ``requested_on`` is on time."""
    return requested_on + timedelta(days=DEADLINE_DAYS)


def is_overdue(requested_on: date, today: date) -> bool:
    return today > due_on(requested_on)


def on_time(requested_on: date, received_on: date) -> bool:
    return received_on <= due_on(requested_on)


@dataclass(frozen=True)
class Overdue:
    request: AdviceRequest
    plan: Plan
    days_waiting: int


@dataclass(frozen=True)
class SourceTimeliness:
    source: str
    on_time: int
    due: int  # advice whose deadline fell in the term, received or still awaited


def open_request(plan: Plan, source: str) -> AdviceRequest | None:
    """The oldest request to ``source`` for the plan that no document has answered yet."""
    return db.session.scalar(
        select(AdviceRequest)
        .where(
            AdviceRequest.plan_id == plan.id,
            AdviceRequest.source == source,
            AdviceRequest.advice_id.is_(None),
        )
        .order_by(AdviceRequest.requested_on, AdviceRequest.id)
        .limit(1)
    )


def overdue_requests(user: User, today: date) -> list[Overdue]:
    """Unanswered requests more than 42 days old, the longest waiting first."""
    plans = visible_plans(user).subquery()
    rows = db.session.execute(
        select(AdviceRequest, Plan)
        .join(Plan, Plan.id == AdviceRequest.plan_id)
        .where(
            AdviceRequest.plan_id.in_(select(plans.c.id)),
            AdviceRequest.advice_id.is_(None),
            AdviceRequest.requested_on < today - timedelta(days=DEADLINE_DAYS),
        )
        .order_by(AdviceRequest.requested_on, Plan.reference)
    ).all()
    return [Overdue(request, plan, (today - request.requested_on).days) for request, plan in rows]


def timeliness_by_source(
    term: TermSpan, today: date, user: User | None = None
) -> list[SourceTimeliness]:
    """Per source, of the advice whose deadline fell in ``term`` (and has passed by ``today``
    when still awaited), how much arrived on time: over the plans ``user`` may see, or every
    plan (the termly report's counts) when no user is given. Advice added with no request date
    is not counted: its deadline is unknown."""
    first_requested = term.starts_on - timedelta(days=DEADLINE_DAYS)
    last_requested = term.ends_on - timedelta(days=DEADLINE_DAYS)
    received_query = select(
        PlanAdvice.source, PlanAdvice.requested_on, PlanAdvice.received_on
    ).where(PlanAdvice.requested_on.between(first_requested, last_requested))
    awaited_query = select(AdviceRequest.source, AdviceRequest.requested_on).where(
        AdviceRequest.advice_id.is_(None),
        AdviceRequest.requested_on.between(first_requested, last_requested),
    )
    if user is not None:
        plans = select(visible_plans(user).subquery().c.id)
        received_query = received_query.where(PlanAdvice.plan_id.in_(plans))
        awaited_query = awaited_query.where(AdviceRequest.plan_id.in_(plans))
    received = db.session.execute(received_query).all()
    awaited = db.session.execute(awaited_query).all()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for source, requested_on, received_on in received:
        counts[source][0] += on_time(requested_on, received_on)
        counts[source][1] += 1
    for source, requested_on in awaited:
        if is_overdue(requested_on, today):
            counts[source][1] += 1
    return [SourceTimeliness(source, met, due) for source, (met, due) in sorted(counts.items())]
