"""Saving a scoring form's answers onto an audit row: the one way for plan audits and advice
audits alike (:class:`~qa_audit.models.Audit`, :class:`~qa_audit.models.AdviceAudit`), which
share their answer columns and keep one score row per criterion.

Every save names the revision it was based on. A save from an older revision is refused with
:class:`StaleAudit` rather than overwriting what another window saved in between.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy.orm.exc import StaleDataError

from qa_audit.audits.scoring_form import ScoreSheet
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.matrix.evaluate import Evaluation, evaluate
from qa_audit.matrix.model import Matrix
from qa_audit.matrix.overall_rule import check_overall
from qa_audit.models._base import utcnow


class StaleAudit(QaAuditError):
    """The audit was saved elsewhere since the copy being saved was loaded."""

    def __init__(self) -> None:
        super().__init__("This audit was changed in another window.")


class AuditLocked(QaAuditError):
    """The audit is submitted: it can be read but not changed until a QA lead reopens it."""

    def __init__(self) -> None:
        super().__init__(
            "This audit has been submitted, so it cannot be changed. A QA lead can reopen it."
        )


def check_can_save(audit: Any, revision: int | None) -> None:
    """Refuse a save to a submitted audit, or one based on an older revision."""
    if audit.status == "submitted":
        raise AuditLocked()
    if revision != audit.revision:
        raise StaleAudit()


def score_sheet(audit: Any) -> ScoreSheet:
    """The audit's saved answers."""
    return ScoreSheet(
        grades={score.criterion_id: score.grade for score in audit.scores},
        evidence={score.criterion_id: score.evidence or "" for score in audit.scores},
        overall=audit.overall_grade,
        summary=audit.summary or "",
        strengths=audit.strengths or "",
        to_improve=audit.to_improve or "",
        confirmed={
            s.criterion_id: list(s.confirmed_flags) for s in audit.scores if s.confirmed_flags
        },
    )


def write_answers(
    audit: Any, matrix: Matrix, sheet: ScoreSheet, new_score: Callable[[str], Any]
) -> None:
    """Store ``sheet`` on ``audit``: one score row per answered criterion (``new_score`` makes
    a row for a criterion id), the overall grade and the comments."""
    existing = {score.criterion_id: score for score in audit.scores}
    confirmed = sheet.get("confirmed") or {}
    for criterion in matrix.criteria:
        grade = sheet["grades"].get(criterion.id) or None
        evidence = (sheet["evidence"].get(criterion.id) or "").strip() or None
        flags = [code for code in confirmed.get(criterion.id, ()) if code in criterion.flags]
        score = existing.get(criterion.id)
        if grade is None and evidence is None and not flags:
            if score is not None:
                audit.scores.remove(score)
            continue
        if score is None:
            score = new_score(criterion.id)
            audit.scores.append(score)
        score.grade, score.evidence = grade, evidence
        score.confirmed_flags = flags or None
    audit.overall_grade = sheet["overall"] if matrix.judgement.mode == "auditor" else None
    audit.summary = sheet["summary"] or None
    audit.strengths = sheet["strengths"] or None
    audit.to_improve = sheet["to_improve"] or None
    audit.updated_at = utcnow()  # always update the row, so its revision moves on


def flush_or_stale() -> None:
    """Flush, turning a row changed by another request since it was read into StaleAudit."""
    try:
        db.session.flush()
    except StaleDataError as err:  # saved by another request between our read and our write
        raise StaleAudit() from err


def store_draft(
    audit: Any, begin: Callable[[], Matrix], sheet: ScoreSheet, new_score: Callable[[str], Any]
) -> None:
    """Store whatever has been entered; the audit becomes a draft. ``begin`` checks the save may
    go ahead and gives the matrix the audit is scored against."""
    with db.session.no_autoflush:  # one UPDATE of the audit row: one new revision
        matrix = begin()
        write_answers(audit, matrix, sheet, new_score)
        audit.status = "draft"
    flush_or_stale()


def store_submission(
    audit: Any,
    begin: Callable[[], Matrix],
    sheet: ScoreSheet,
    new_score: Callable[[str], Any],
    submitted_at: datetime | None = None,
    plan_kind: str | None = None,
) -> Evaluation:
    """Store the complete answers with the judgement and the matrix's measures (those that
    apply to ``plan_kind``, when given). The sheet must already have passed
    ``validate_for_submit``; ``submitted_at`` defaults to now."""
    with db.session.no_autoflush:
        matrix = begin()
        write_answers(audit, matrix, sheet, new_score)
        result = evaluate(matrix, sheet["grades"], sheet["overall"], plan_kind=plan_kind)
        if not result.complete:
            raise QaAuditError("The audit cannot be submitted until every grade is given.")
        check_overall(matrix, sheet["grades"], sheet["overall"])
        audit.overall_grade = result.grade
        audit.meets_threshold = result.meets_threshold
        audit.measures = result.measures
        audit.submitted_at = submitted_at or utcnow()
        audit.status = "submitted"
    flush_or_stale()
    return result


def reopen_submission(audit: Any) -> None:
    """Send a submitted audit back to draft so that it can be corrected: its answers are kept,
    its judgement no longer counts in any figure until it is submitted again."""
    if audit.status != "submitted":
        raise QaAuditError("Only a submitted audit can be reopened.")
    audit.status = "draft"
    audit.submitted_at = None
    audit.meets_threshold = None
    audit.measures = None
    audit.updated_at = utcnow()
    flush_or_stale()
