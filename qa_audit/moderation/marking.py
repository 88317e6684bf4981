"""Record a finished marking in one step, for demonstration data and imports of past audits.

Auditors mark through the scoring page, which saves drafts and submits; this writes the same
rows (scores, judgement, measures, matrix version) for a marking done elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select

from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.matrix import Matrix, evaluate
from qa_audit.models import Audit, AuditScore, MatrixVersion, Plan


def stored_version(matrix: Matrix, source_name: str) -> MatrixVersion:
    """The stored version with this matrix's content, created if there is none."""
    version = db.session.scalar(
        select(MatrixVersion).where(MatrixVersion.content_hash == matrix.content_hash)
    )
    if version is None:
        version = MatrixVersion(
            matrix_id=matrix.id,
            content_hash=matrix.content_hash,
            title=matrix.title,
            source_name=source_name,
            content=matrix.to_json(),
        )
        db.session.add(version)
        db.session.flush()
    return version


def record_submission(
    audit: Audit,
    version: MatrixVersion,
    matrix: Matrix,
    grades: Mapping[str, str],
    overall: str | None,
    submitted_at: datetime,
    evidence: Mapping[str, str] | None = None,
) -> Audit:
    """Store complete grades on ``audit`` and submit it; refused when a grade is missing."""
    plan = db.session.get(Plan, audit.plan_id)
    result = evaluate(matrix, grades, overall, plan.kind)
    if not result.complete:
        raise QaAuditError("Every criterion and the overall grade are needed to submit.")
    audit.scores = [
        AuditScore(criterion_id=c.id, grade=grades[c.id], evidence=(evidence or {}).get(c.id))
        for c in matrix.criteria
    ]
    audit.matrix_version_id = version.id
    audit.overall_grade = result.grade
    audit.meets_threshold = result.meets_threshold
    audit.measures = result.measures
    audit.status = "submitted"
    audit.submitted_at = submitted_at
    db.session.flush()
    return audit
