"""What a caseworker's feedback sheet says, built from the plan's settled result.

The sheet uses the grades that count (:func:`qa_audit.moderation.operations.audit_result`): a
double-marked plan has feedback only once both audits are in and any disagreement is moderated,
so a caseworker never gets two different verdicts.

A double-marked plan's text is settled the same way. Each heading (summary, what works well,
what to improve) and each criterion appears once. Under it comes the text of the auditor whose
grade stands (the overall grade for the comments, the criterion's grade for its evidence);
both auditors' text when both grades stand or neither does, each labelled by the auditor's
agency ("Education auditor"), never by name, and said once when both wrote the same. A
moderated plan also carries the moderator's reason for the final grades.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from qa_audit.audits.double_marking import OVERALL
from qa_audit.audits.operations import audit_matrix
from qa_audit.extensions import db
from qa_audit.matrix import NOT_APPLICABLE, Matrix
from qa_audit.models import Audit, FollowUpAction, Moderation, Plan, User
from qa_audit.moderation.follow_ups import ACTION_KINDS
from qa_audit.moderation.operations import FinalResult, audit_result, settled_audits
from qa_audit.moderation.pairs import auditor_labels

COMMENT_HEADINGS = (
    ("summary", "Summary"),
    ("strengths", "What works well"),
    ("to_improve", "What to improve"),
)


@dataclass(frozen=True)
class Text:
    """One block of an auditor's text; ``by`` names who wrote it when two auditors marked."""

    by: str | None  # e.g. "Education auditor", "Both auditors"; None for a single audit
    text: str


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
    evidence: tuple[Text, ...]  # the settled comments on this criterion


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
    comments: tuple[tuple[str, tuple[Text, ...]], ...]  # (heading, settled text), each once
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
        comments=_comments(result, audits),
        actions=_actions(result),
    )


def _points(
    matrix: Matrix, result: FinalResult, audits: list[Audit]
) -> tuple[tuple[CriterionPoint, ...], tuple[CriterionPoint, ...], tuple[str, ...]]:
    good_grade = [g for g in matrix.scale.grades if g.meets_threshold][-1]
    authors = auditor_labels(audits)
    good, to_fix, not_applicable = [], [], []
    for criterion in matrix.criteria:
        grade_id = result.grades.get(criterion.id)
        if grade_id is None or grade_id == NOT_APPLICABLE:
            not_applicable.append(criterion.title)
            continue
        meets = matrix.meets_threshold(grade_id)
        written = [
            (authors[audit.id], score.evidence)
            for audit in _standing(result, audits, criterion.id)
            for score in audit.scores
            if score.criterion_id == criterion.id and score.evidence
        ]
        point = CriterionPoint(
            title=criterion.title,
            grade=matrix.grade(grade_id).label,
            descriptor=criterion.descriptor(grade_id),
            good_looks_like=None if meets else criterion.descriptor(good_grade.id),
            evidence=_settled_text(written),
        )
        (good if meets else to_fix).append(point)
    return tuple(good), tuple(to_fix), tuple(not_applicable)


def _comments(result: FinalResult, audits: list[Audit]) -> tuple[tuple[str, tuple[Text, ...]], ...]:
    authors = auditor_labels(audits)
    standing = _standing(result, audits, OVERALL)
    comments = []
    if result.source == "moderated":
        reason = db.session.scalar(
            select(Moderation.reason).where(Moderation.first_audit_id == result.audit_ids[0])
        )
        if reason:
            comments.append(("Moderator's decision on the grades", (Text(None, reason),)))
    for field, heading in COMMENT_HEADINGS:
        written = [
            (authors[audit.id], text)
            for audit in standing
            if (text := (getattr(audit, field) or "").strip())
        ]
        if written:
            comments.append((heading, _settled_text(written)))
    return tuple(comments)


def _standing(result: FinalResult, audits: list[Audit], key: str) -> list[Audit]:
    """The audits whose grade for ``key`` (a criterion, or the overall grade) is the one that
    stands: all of them when every one's does or none's does."""
    if len(audits) < 2:
        return audits
    final = result.overall if key == OVERALL else result.grades.get(key)
    matching = [a for a in audits if _grade(a, key) == final]
    return matching or audits


def _grade(audit: Audit, key: str) -> str | None:
    if key == OVERALL:
        return audit.overall_grade
    return next((s.grade for s in audit.scores if s.criterion_id == key), None)


def _settled_text(written: list[tuple[str | None, str]]) -> tuple[Text, ...]:
    """One block per distinct text; a text both auditors wrote is said once, by both."""
    texts = list(dict.fromkeys(text for _, text in written))
    if len(written) > 1 and len(texts) == 1:
        return (Text("Both auditors", texts[0]),)
    return tuple(Text(by, text) for by, text in written)


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
    first, whose round is settled: the ones to link a feedback sheet from (a double-marked
    round awaiting moderation has no sheet yet)."""
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
    ready = settled_audits(list(rounds.values()))
    return [audit for audit in rounds.values() if audit.id in ready]
