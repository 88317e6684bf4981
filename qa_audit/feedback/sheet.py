"""What a caseworker's feedback sheet says, built from the plan's settled result.

The sheet uses the grades that count (:func:`qa_audit.moderation.operations.audit_result`): a
double-marked plan has feedback only once both audits are in and any disagreement is moderated,
so a caseworker never gets two different verdicts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from qa_audit.audits.operations import audit_matrix
from qa_audit.extensions import db
from qa_audit.matrix import NOT_APPLICABLE, Matrix
from qa_audit.models import Audit, FollowUpAction, Plan, User
from qa_audit.moderation.follow_ups import ACTION_KINDS
from qa_audit.moderation.operations import FinalResult, audit_result

SOURCE_NOTES = {
    "single": "Marked by one auditor.",
    "agreed": "Marked independently by two auditors, who gave the same grades.",
    "moderated": "Marked independently by two auditors; the grades are the moderator's.",
}


@dataclass(frozen=True)
class CriterionPoint:
    title: str
    grade: str  # the grade's label
    descriptor: str  # what that grade looks like, from the matrix
    good_looks_like: str | None  # the lowest grade meeting the threshold, for points to fix
    evidence: tuple[str, ...]  # the auditors' comments on this criterion


@dataclass(frozen=True)
class Action:
    kind: str
    owner: str | None
    due_on: date | None
    status: str


@dataclass(frozen=True)
class FeedbackSheet:
    plan: Plan
    matrix: Matrix
    audited_on: date | None
    source_note: str
    judgement: str | None
    meets_threshold: bool | None
    measures: tuple[tuple[str, bool | None], ...]
    good: tuple[CriterionPoint, ...]
    to_fix: tuple[CriterionPoint, ...]
    not_applicable: tuple[str, ...]
    comments: tuple[tuple[str, str], ...]  # (heading, text) from the auditors' overall notes
    actions: tuple[Action, ...]


def feedback_sheet(audit: Audit) -> FeedbackSheet | None:
    """The sheet for the plan ``audit`` belongs to, or None while its result is not settled."""
    result = audit_result(audit)
    if result is None:
        return None
    audits = [db.session.get_one(Audit, audit_id) for audit_id in result.audit_ids]
    matrix = audit_matrix(audits[0])
    plan = db.session.get_one(Plan, result.plan_id)
    good, to_fix, not_applicable = _points(matrix, result, audits)
    evaluation = result.evaluation
    return FeedbackSheet(
        plan=plan,
        matrix=matrix,
        audited_on=max((a.submitted_at.date() for a in audits if a.submitted_at), default=None),
        source_note=SOURCE_NOTES[result.source],
        judgement=matrix.grade(evaluation.grade).label if evaluation.grade else None,
        meets_threshold=evaluation.meets_threshold,
        measures=tuple(
            (m.title, evaluation.measures.get(m.id))
            for m in matrix.measures
            if plan.kind in m.applies_to
        ),
        good=good,
        to_fix=to_fix,
        not_applicable=not_applicable,
        comments=_comments(audits),
        actions=_actions(result),
    )


def _points(
    matrix: Matrix, result: FinalResult, audits: list[Audit]
) -> tuple[tuple[CriterionPoint, ...], tuple[CriterionPoint, ...], tuple[str, ...]]:
    good_grade = [g for g in matrix.scale.grades if g.meets_threshold][-1]
    good, to_fix, not_applicable = [], [], []
    for criterion in matrix.criteria:
        grade_id = result.grades.get(criterion.id)
        if grade_id is None or grade_id == NOT_APPLICABLE:
            not_applicable.append(criterion.title)
            continue
        meets = matrix.meets_threshold(grade_id)
        comments = tuple(
            score.evidence
            for audit in audits
            for score in audit.scores
            if score.criterion_id == criterion.id and score.evidence
        )
        point = CriterionPoint(
            title=criterion.title,
            grade=matrix.grade(grade_id).label,
            descriptor=criterion.descriptor(grade_id),
            good_looks_like=None if meets else criterion.descriptor(good_grade.id),
            evidence=comments,
        )
        (good if meets else to_fix).append(point)
    return tuple(good), tuple(to_fix), tuple(not_applicable)


def _comments(audits: list[Audit]) -> tuple[tuple[str, str], ...]:
    headings = (
        ("summary", "Summary"),
        ("strengths", "What works well"),
        ("to_improve", "What to improve"),
    )
    return tuple(
        (heading, text)
        for field, heading in headings
        for audit in audits
        if (text := (getattr(audit, field) or "").strip())
    )


def _actions(result: FinalResult) -> tuple[Action, ...]:
    rows = db.session.execute(
        select(FollowUpAction, User.name)
        .outerjoin(User, User.id == FollowUpAction.owner_id)
        .where(FollowUpAction.audit_id.in_(result.audit_ids))
        .order_by(FollowUpAction.id)
    )
    return tuple(
        Action(ACTION_KINDS.get(action.kind, action.kind), owner, action.due_on, action.status)
        for action, owner in rows
    )


def feedback_audits(plan: Plan) -> list[Audit]:
    """One submitted audit per audit round of the plan (a sample, or an ad hoc audit), oldest
    first: the ones to link a feedback sheet from."""
    submitted = db.session.scalars(
        select(Audit)
        .where(Audit.plan_id == plan.id, Audit.status == "submitted")
        .order_by(Audit.id)
    )
    rounds: dict[object, Audit] = {}
    for audit in submitted:
        rounds.setdefault(
            audit.sample_id if audit.sample_id is not None else ("ad hoc", audit.id), audit
        )
    return list(rounds.values())
