"""Advice to audit: plans with professional advice received in autumn 2025, the shipped
advice matrix, and helpers to draw a sample and post the scoring form as the page does."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from qa_audit.advice_quality.operations import submit_advice_audit
from qa_audit.advice_quality.sampling import AdviceSampleRequest, draw_advice_sample
from qa_audit.audits.scoring_form import ScoreSheet
from qa_audit.extensions import db
from qa_audit.matrix.loading import load_matrix
from qa_audit.matrix.model import Matrix
from qa_audit.models import AdviceAudit, AdviceSample, PlanAdvice, User
from tests.factories import csrf_token_from
from tests.matrix.conftest import MATRIX_DIR

ADVICE_MATRIX = MATRIX_DIR / "advice" / "default.toml"
QUANTIFIED = "Weekly 30-minute sessions with a speech and language therapist."
VAGUE = "Access to speech and language therapy as required."
_hashes = itertools.count(1)


def advice_matrix() -> Matrix:
    return load_matrix(ADVICE_MATRIX)


def add_advice(
    plan_id: int,
    source: str = "Speech and Language Therapist",
    received_on: date = date(2025, 10, 20),
    requested_on: date | None = date(2025, 9, 15),
    recommendations: list[str] | None = None,
) -> PlanAdvice:
    texts = [QUANTIFIED, VAGUE] if recommendations is None else recommendations
    advice = PlanAdvice(
        plan_id=plan_id,
        source=source,
        received_on=received_on,
        requested_on=requested_on,
        sha256=f"{next(_hashes):064x}",
        size=100,
        original_name="advice.docx",
        file_type="docx",
        recommendations=[{"text": t, "heading": "Recommendations"} for t in texts] or None,
    )
    db.session.add(advice)
    db.session.commit()
    return advice


def draw(auditors: dict[str, User], count: int = 10, seed: int = 7, term: str = "autumn-2025"):
    sample = draw_advice_sample(
        AdviceSampleRequest(term, count=count, seed=seed),
        {source: person.id for source, person in auditors.items()},
        None,
    )
    db.session.commit()
    return sample


def complete_answers(matrix: Matrix, grade: str = "met") -> dict[str, str]:
    answers = {f"grade__{c.id}": grade for c in matrix.criteria}
    answers["summary"] = "Clear advice; say who delivers the therapy."
    return answers


def submit_advice(audit: AdviceAudit) -> None:
    """Submit the audit through the real operation, every criterion met."""
    sheet = ScoreSheet(
        grades={c.id: "met" for c in advice_matrix().criteria},
        evidence={},
        overall=None,
        summary="Summary.",
        strengths="",
        to_improve="",
    )
    submit_advice_audit(audit, sheet, audit.revision)
    db.session.commit()


def post_form(client, audit: AdviceAudit, answers: dict, action: str, revision=None):
    token = csrf_token_from(client, f"/advice-quality/{audit.id}")
    db.session.refresh(audit)
    data = {
        **answers,
        "csrf_token": token,
        "revision": str(audit.revision if revision is None else revision),
        "action": action,
    }
    return client.post(f"/advice-quality/{audit.id}", data=data)


@pytest.fixture
def sampled(app, make) -> AdviceSample:
    """One piece of speech and language therapy advice for a plan, drawn and assigned to an
    auditor."""
    auditor = make.user("auditor", agency="health")
    plan = make.plan(reference="EHCP-T-ADVICE")
    add_advice(plan.id)
    return draw({"Speech and Language Therapist": auditor})
