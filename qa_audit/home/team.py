"""A SEN manager's home: their team's uploads still being analysed or failed, feedback sheets
ready from this term's audits, and follow-up actions on the team's plans.

"The team's plans" is :func:`qa_audit.visibility.visible_plans` for the manager, so the home
never shows a plan the manager could not open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from qa_audit.analysis.stored import analysis_state
from qa_audit.extensions import db
from qa_audit.models import Analysis, Audit, FollowUpAction, Plan, PlanDocument, User
from qa_audit.moderation.operations import settled_audits
from qa_audit.nlp.version import ANALYSER_VERSION
from qa_audit.reports.loading import term_bounds
from qa_audit.terms import TermSpan, term_for
from qa_audit.visibility import visible_plans

STATE_LABELS = {
    "pending": "Being analysed",
    "stalled": "Stuck: ask an administrator",
    "failed": "Analysis failed",
}


@dataclass(frozen=True)
class Upload:
    document: PlanDocument
    plan: Plan
    state: str

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


@dataclass(frozen=True)
class TeamHome:
    today: date
    term: TermSpan
    team: str | None
    uploads: list[Upload]
    feedback: list[tuple[Audit, Plan]]
    follow_ups: list[tuple[FollowUpAction, Plan]]


def team_home(user: User, today: date) -> TeamHome:
    term = term_for(today, current_app.config["TERM_STARTS"])
    plan_ids = visible_plans(user).with_only_columns(Plan.id)
    return TeamHome(
        today=today,
        term=term,
        team=user.team,
        uploads=_unfinished_uploads(plan_ids),
        feedback=_feedback_this_term(plan_ids, term),
        follow_ups=_follow_ups(plan_ids),
    )


def _unfinished_uploads(plan_ids) -> list[Upload]:
    """Document versions without a finished analysis by the current analyser (two queries)."""
    finished = select(Analysis.document_id).where(
        Analysis.analyser_version == ANALYSER_VERSION, Analysis.status == "done"
    )
    rows = db.session.execute(
        select(PlanDocument, Plan)
        .join(Plan, Plan.id == PlanDocument.plan_id)
        .where(PlanDocument.plan_id.in_(plan_ids), PlanDocument.id.not_in(finished))
        .options(selectinload(PlanDocument.analyses))
        .order_by(PlanDocument.uploaded_at.desc(), PlanDocument.id.desc())
    ).all()
    return [Upload(document, plan, analysis_state(document)) for document, plan in rows]


def _feedback_this_term(plan_ids, term: TermSpan) -> list[tuple[Audit, Plan]]:
    """Submitted audits of the team's plans in this term whose feedback sheet is ready: the
    plan's result is settled (:func:`qa_audit.moderation.operations.settled_audits`, the rule
    the sheet itself follows), so a double-marked plan waits for its moderation. One per plan
    and audit round (a sample, or an ad hoc audit), as the plan page links them."""
    start, end = term_bounds(term)
    rows = db.session.execute(
        select(Audit, Plan)
        .join(Plan, Plan.id == Audit.plan_id)
        .where(
            Audit.plan_id.in_(plan_ids),
            Audit.status == "submitted",
            Audit.submitted_at >= start,
            Audit.submitted_at < end,
        )
        .order_by(Audit.id)
    ).all()
    rounds: dict[object, tuple[Audit, Plan]] = {}
    for audit, plan in rows:
        key = (plan.id, audit.sample_id) if audit.sample_id is not None else ("ad hoc", audit.id)
        rounds.setdefault(key, (audit, plan))
    ready = settled_audits([audit for audit, _ in rounds.values()])
    return sorted(
        (row for row in rounds.values() if row[0].id in ready),
        key=lambda row: row[0].submitted_at,
        reverse=True,
    )


def _follow_ups(plan_ids) -> list[tuple[FollowUpAction, Plan]]:
    rows = db.session.execute(
        select(FollowUpAction, Plan)
        .join(Audit, FollowUpAction.audit_id == Audit.id)
        .join(Plan, Audit.plan_id == Plan.id)
        .where(FollowUpAction.status == "open", Plan.id.in_(plan_ids))
        .order_by(FollowUpAction.due_on.is_(None), FollowUpAction.due_on, FollowUpAction.id)
    )
    return [(action, plan) for action, plan in rows]
