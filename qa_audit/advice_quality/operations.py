"""Advice audit operations: save a draft, submit, reopen. They flush and never commit; the caller
commits once. Saving, the revision check and the judgement are those of plan audits
(:mod:`qa_audit.audits.answers`, :func:`qa_audit.matrix.evaluate`), against an advice matrix.
"""

from __future__ import annotations

from datetime import datetime

from flask import current_app

from qa_audit.audits.answers import (
    check_can_save,
    reopen_submission,
    store_draft,
    store_submission,
)
from qa_audit.audits.scoring_form import ScoreSheet
from qa_audit.extensions import db
from qa_audit.matrix.evaluate import Evaluation
from qa_audit.matrix.kinds import require_kind
from qa_audit.matrix.model import Matrix
from qa_audit.matrix.versions import active_matrix_version, matrix_of
from qa_audit.models import AdviceAudit, AdviceAuditScore, MatrixVersion, User


def advice_audit_matrix(audit: AdviceAudit) -> Matrix:
    """The advice matrix the audit is scored against: its own stored version once started,
    else the active advice matrix."""
    if audit.matrix_version_id is not None:
        version = db.session.get_one(MatrixVersion, audit.matrix_version_id)
        return require_kind(matrix_of(version), "advice")
    return active_matrix_version("advice")[1]


def save_advice_draft(audit: AdviceAudit, sheet: ScoreSheet, revision: int | None) -> None:
    """Store whatever has been entered; the audit becomes a draft."""
    store_draft(audit, lambda: _begin_save(audit, revision), sheet, _new_score)


def submit_advice_audit(
    audit: AdviceAudit,
    sheet: ScoreSheet,
    revision: int | None,
    submitted_at: datetime | None = None,
) -> Evaluation:
    """Store the complete answers with the judgement and the matrix's measures. The sheet
    must already have passed ``validate_for_submit``."""
    return store_submission(
        audit, lambda: _begin_save(audit, revision), sheet, _new_score, submitted_at
    )


def reopen_advice_audit(audit: AdviceAudit, by: User) -> None:
    """Send a submitted advice audit back to draft so it can be corrected (QA leads only): it
    leaves the advice quality figures until it is submitted again."""
    reopen_submission(audit)
    current_app.logger.info("advice audit %s reopened by user %s", audit.id, by.id)


def _begin_save(audit: AdviceAudit, revision: int | None) -> Matrix:
    """Check the save may go ahead, and pin the audit to the active advice matrix version the
    first time it is saved."""
    check_can_save(audit, revision)
    if audit.matrix_version_id is None:
        version, matrix = active_matrix_version("advice")
        audit.matrix_version_id = version.id
        return matrix
    return advice_audit_matrix(audit)


def _new_score(criterion_id: str) -> AdviceAuditScore:
    return AdviceAuditScore(criterion_id=criterion_id)
