"""Audit operations: assign, save a draft, submit, reopen. They flush and never commit; the
caller (a view, the CLI, the demo loader) commits once.

Every save names the revision it was based on; :mod:`qa_audit.audits.answers` refuses a save
from an older revision with :class:`~qa_audit.audits.answers.StaleAudit`.
"""

from __future__ import annotations

from datetime import date, datetime

from flask import current_app

from qa_audit.audits.answers import (
    check_can_save,
    reopen_submission,
    store_draft,
    store_submission,
)
from qa_audit.audits.scoring_form import ScoreSheet
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.matrix.evaluate import Evaluation
from qa_audit.matrix.kinds import require_kind
from qa_audit.matrix.model import Matrix
from qa_audit.matrix.versions import active_matrix_version, matrix_of
from qa_audit.models import Audit, AuditScore, MatrixVersion, Plan, Sample, User

AUDITOR_ROLES = frozenset({"auditor", "qa_lead"})


def assign_audit(
    plan: Plan, auditor: User, due_on: date | None = None, sample: Sample | None = None
) -> Audit:
    """Assign ``plan`` to ``auditor`` (an active auditor or QA lead) to score, as part of
    ``sample`` or on its own (an ad hoc audit)."""
    if auditor.role not in AUDITOR_ROLES or not auditor.active:
        raise QaAuditError("Audits can only be assigned to an active auditor or QA lead.")
    latest = plan.latest_document
    audit = Audit(
        plan_id=plan.id,
        auditor_id=auditor.id,
        sample_id=sample.id if sample else None,
        due_on=due_on,
        status="assigned",
        document_id=latest.id if latest else None,
    )
    db.session.add(audit)
    db.session.flush()
    return audit


def audit_matrix(audit: Audit) -> Matrix:
    """The matrix the audit is scored against: its own stored version once started, else the
    active matrix (stored, not yet recorded on the audit)."""
    if audit.matrix_version_id is not None:
        return require_kind(
            matrix_of(db.session.get_one(MatrixVersion, audit.matrix_version_id)), "plan"
        )
    return active_matrix_version()[1]


def start_audit(audit: Audit) -> Matrix:
    """Pin the audit to the active matrix version (first time only) and return its matrix."""
    if audit.matrix_version_id is None:
        version, matrix = active_matrix_version()
        audit.matrix_version_id = version.id
        return matrix
    return audit_matrix(audit)


def save_draft(audit: Audit, sheet: ScoreSheet, revision: int | None) -> None:
    """Store whatever has been entered; the audit becomes a draft."""
    store_draft(audit, lambda: _begin_save(audit, revision), sheet, _new_score)


def submit_audit(
    audit: Audit, sheet: ScoreSheet, revision: int | None, submitted_at: datetime | None = None
) -> Evaluation:
    """Store the complete answers with the plan judgement and headline measures.

    The sheet must already have passed ``validate_for_submit``. ``submitted_at`` is for marking
    done earlier (demonstration data, imports of past audits); it defaults to now.
    """
    kind = db.session.get_one(Plan, audit.plan_id).kind
    return store_submission(
        audit, lambda: _begin_save(audit, revision), sheet, _new_score, submitted_at, kind
    )


def reopen_audit(audit: Audit, by: User) -> None:
    """Send a submitted audit back to draft so it can be corrected (QA leads only)."""
    reopen_submission(audit)
    current_app.logger.info("audit %s reopened by user %s", audit.id, by.id)


def _begin_save(audit: Audit, revision: int | None) -> Matrix:
    check_can_save(audit, revision)
    return start_audit(audit)


def _new_score(criterion_id: str) -> AuditScore:
    return AuditScore(criterion_id=criterion_id)
