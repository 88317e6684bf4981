"""Submit audits the way an auditor's finished marking is stored, against the default matrix."""

from datetime import UTC, datetime
from pathlib import Path

from flask import current_app

from qa_audit.audits.operations import submit_audit
from qa_audit.audits.scoring_form import ScoreSheet
from qa_audit.extensions import db
from qa_audit.matrix import load_matrix

SUBMITTED_AT = datetime(2025, 11, 20, 10, tzinfo=UTC)


def default_matrix():
    return load_matrix(Path(current_app.config["MATRIX_DIR"]) / "default.toml")


def submit(audit, grade: str = "good", overall: str | None = None, **changes) -> None:
    """Grade every criterion ``grade`` except those in ``changes`` (ids with - as _)."""
    matrix = default_matrix()
    grades = {c.id: changes.get(c.id.replace("-", "_"), grade) for c in matrix.criteria}
    sheet = ScoreSheet(
        grades=grades,
        evidence={},
        overall=overall or grade,
        summary="",
        strengths="",
        to_improve="",
    )
    submit_audit(audit, sheet, audit.revision, submitted_at=SUBMITTED_AT)
    db.session.commit()


def submit_with_evidence(audit, grade: str, evidence: str, comment: str, confirmed=()) -> None:
    """Grade every criterion ``grade`` with evidence, a summary comment and, under SMART
    outcomes, the hints ``confirmed``."""
    criteria = default_matrix().criteria
    sheet = ScoreSheet(
        grades={c.id: grade for c in criteria},
        evidence={c.id: f"{evidence} ({c.id})" for c in criteria},
        overall=grade,
        summary=comment,
        strengths="",
        to_improve="",
        confirmed={"smart-outcomes": list(confirmed)},
    )
    submit_audit(audit, sheet, audit.revision, submitted_at=SUBMITTED_AT)
    db.session.commit()
