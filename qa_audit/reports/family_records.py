"""What families said in one term, as plain records for the report: each response with its
plan (by pseudonymous reference and reporting categories), and the term's links."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select

from qa_audit.extensions import db
from qa_audit.models import FamilyLink, FamilyResponse, YouSaidWeDid
from qa_audit.reports.loading import load_plans, term_bounds
from qa_audit.reports.records import PlanInfo
from qa_audit.terms import TermSpan


@dataclass(frozen=True)
class ResponseRecord:
    plan: PlanInfo
    respondent: str  # "parent", "young_person" or "child"
    how: str  # "online", "phone" or "paper"
    answers: Mapping[str, str]  # question id -> answer value
    comments: Mapping[str, str]  # question id -> free text (QA leads only)


@dataclass(frozen=True)
class TermResponses:
    responses: tuple[ResponseRecord, ...]
    links_sent: int  # links made in the term
    links_answered: int  # of those, answered


def load_responses(term: TermSpan) -> TermResponses:
    """Responses answered in the term's dates, and the links made in them."""
    start, end = term_bounds(term)
    rows = db.session.scalars(
        select(FamilyResponse)
        .where(FamilyResponse.answered_at >= start, FamilyResponse.answered_at < end)
        .order_by(FamilyResponse.id)
    ).all()
    plans = load_plans({r.plan_id for r in rows})
    in_term = (FamilyLink.created_at >= start) & (FamilyLink.created_at < end)
    sent = db.session.scalar(select(func.count(FamilyLink.id)).where(in_term)) or 0
    answered = (
        db.session.scalar(
            select(func.count(FamilyLink.id)).where(in_term, FamilyLink.used_at.is_not(None))
        )
        or 0
    )
    return TermResponses(
        tuple(
            ResponseRecord(plans[r.plan_id], r.respondent, r.how, r.answers, r.comments or {})
            for r in rows
        ),
        sent,
        answered,
    )


def load_you_said(term: TermSpan) -> tuple[tuple[str, str], ...]:
    """The "You said, we did" lines added in the term: (you said, we did), oldest first."""
    start, end = term_bounds(term)
    rows = db.session.scalars(
        select(YouSaidWeDid)
        .where(YouSaidWeDid.created_at >= start, YouSaidWeDid.created_at < end)
        .order_by(YouSaidWeDid.created_at, YouSaidWeDid.id)
    )
    return tuple((row.you_said, row.we_did) for row in rows)
