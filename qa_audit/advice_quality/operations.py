"""Advice audit operations: save a draft, submit. They flush and never commit; the caller
commits once. Saving, the revision check and the judgement are those of plan audits
(:mod:`qa_audit.audits.answers`, :func:`qa_audit.matrix.evaluate`), against an advice matrix.
"""

from __future__ import annotations

from datetime import datetime

from qa_audit.audits.answers import check_can_save, flush_or_stale, write_answers
from qa_audit.audits.scoring_form import ScoreSheet
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.matrix.evaluate import Evaluation, evaluate
from qa_audit.matrix.kinds import require_kind
from qa_audit.matrix.model import Matrix
from qa_audit.matrix.overall_rule import check_overall
from qa_audit.matrix.versions import active_matrix_version, matrix_of
from qa_audit.models import AdviceAudit, AdviceAuditScore, MatrixVersion
from qa_audit.models._base import utcnow


def advice_audit_matrix(audit: AdviceAudit) -> Matrix:
    """The advice matrix the audit is scored against: its own stored version once started,
    else the active advice matrix."""
    if audit.matrix_version_id is not None:
        version = db.session.get_one(MatrixVersion, audit.matrix_version_id)
        return require_kind(matrix_of(version), "advice")
    return active_matrix_version("advice")[1]


def save_advice_draft(audit: AdviceAudit, sheet: ScoreSheet, revision: int | None) -> None:
    """Store whatever has been entered; the audit becomes a draft."""
    with db.session.no_autoflush:  # one UPDATE of the audit row: one new revision
        matrix = _begin_save(audit, revision)
        _write(audit, matrix, sheet)
        audit.status = "draft"
    flush_or_stale()


def submit_advice_audit(
    audit: AdviceAudit,
    sheet: ScoreSheet,
    revision: int | None,
    submitted_at: datetime | None = None,
) -> Evaluation:
    """Store the complete answers with the judgement and the matrix's measures. The sheet
    must already have passed ``validate_for_submit``."""
    with db.session.no_autoflush:
        matrix = _begin_save(audit, revision)
        _write(audit, matrix, sheet)
        result = evaluate(matrix, sheet["grades"], sheet["overall"])
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


def _begin_save(audit: AdviceAudit, revision: int | None) -> Matrix:
    """Check the save may go ahead, and pin the audit to the active advice matrix version the
    first time it is saved."""
    check_can_save(audit, revision)
    if audit.matrix_version_id is None:
        version, matrix = active_matrix_version("advice")
        audit.matrix_version_id = version.id
        return matrix
    return advice_audit_matrix(audit)


def _write(audit: AdviceAudit, matrix: Matrix, sheet: ScoreSheet) -> None:
    write_answers(
        audit, matrix, sheet, lambda criterion_id: AdviceAuditScore(criterion_id=criterion_id)
    )
