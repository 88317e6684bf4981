"""Posting the scoring form the way the page does."""

from __future__ import annotations

from qa_audit.extensions import db
from qa_audit.matrix.loading import load_matrix
from qa_audit.matrix.model import Matrix
from qa_audit.models import Audit
from tests.factories import csrf_token_from


def default_matrix(matrix_dir) -> Matrix:
    return load_matrix(matrix_dir / "default.toml")


def complete_answers(matrix: Matrix, grade: str = "good") -> dict[str, str]:
    answers = {f"grade__{c.id}": grade for c in matrix.criteria}
    answers.update(
        {
            "overall": grade,
            "summary": "Outcomes are clear; add hours to the therapy provision.",
            "strengths": "The child's voice comes through in section A.",
            "to_improve": "Quantify the speech and language therapy.",
        }
    )
    return answers


def post_form(client, audit: Audit, answers: dict[str, str], action: str, revision=None):
    token = csrf_token_from(client, f"/audits/{audit.id}")
    db.session.refresh(audit)
    data = {
        **answers,
        "csrf_token": token,
        "revision": str(audit.revision if revision is None else revision),
        "action": action,
    }
    return client.post(f"/audits/{audit.id}", data=data)
