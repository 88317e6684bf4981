"""Demonstration advice audits: in each past demo term, an advice sample of up to three pieces
of advice from each source, each scored by the auditor of the agency the source belongs to.

The grades follow what the advice holds, as an auditor reading it would find: the hints the
scoring page shows (recommendations not quantified, hard reading) lower the criteria they
concern when there are several, the days from request to receipt decide "on time", and the
other criteria are mostly met.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select

from qa_audit.advice.deadlines import DEADLINE_DAYS
from qa_audit.advice_quality.hints import advice_hints, days_taken
from qa_audit.advice_quality.operations import submit_advice_audit
from qa_audit.advice_quality.sampling import (
    AdviceSampleRequest,
    advice_population,
    draw_advice_sample,
)
from qa_audit.audits.scoring_form import ScoreSheet
from qa_audit.extensions import db
from qa_audit.matrix.codes import NOT_APPLICABLE
from qa_audit.matrix.model import Matrix
from qa_audit.matrix.versions import active_matrix_version
from qa_audit.models import AdviceAudit, PlanAdvice, User
from qa_audit.terms import TermSpan

PER_SOURCE = 3
HEALTH_SOURCES = frozenset(
    {
        "Speech and Language Therapist",
        "Occupational therapist",
        "Physiotherapist",
        "Paediatrician",
        "CAMHS",
        "School nurse",
    }
)
CARE_SOURCES = frozenset({"Social worker"})
ON_TIME = "on-time"
UNREAD = 0.9  # chance that a criterion the hints do not lower is met
LOWERED_FROM = 2
"""Hints on a criterion from which the auditor lowers it: one long sentence or one term is a
slip an auditor notes without marking the advice down."""


def load_advice_audits(spans: Sequence[TermSpan], seed: int) -> int:
    """Draw and score an advice sample in each of ``spans`` that received advice (flushed).
    Returns how many advice audits were submitted."""
    lead = _first("qa_lead", None)
    health, care = _first("auditor", "health"), _first("auditor", "social_care")
    education = _first("auditor", "education")
    if lead is None or None in (health, care, education):
        return 0
    _, matrix = active_matrix_version("advice")
    rng = random.Random(seed)  # noqa: S311 (reproducible demo data, not security)
    submitted = 0
    for span in spans:
        sources = advice_population(span.id).sizes()
        if not sources:
            continue
        chosen = {source: _auditor_for(source, health, care, education).id for source in sources}
        request = AdviceSampleRequest(span.id, count=PER_SOURCE, seed=rng.randrange(10_000))
        sample = draw_advice_sample(request, chosen, lead)
        marked_on = datetime.combine(span.ends_on - timedelta(days=10), time(15), tzinfo=UTC)
        for audit in sample.audits:
            submit_advice_audit(audit, _sheet(matrix, audit, rng), audit.revision, marked_on)
            submitted += 1
    return submitted


def _auditor_for(source: str, health: User, care: User, education: User) -> User:
    """Health advice goes to the health auditor, social care advice to the social care one."""
    if source in HEALTH_SOURCES:
        return health
    return care if source in CARE_SOURCES else education


def _first(role: str, agency: str | None) -> User | None:
    query = select(User).where(User.role == role).order_by(User.id)
    if agency is not None:
        query = query.where(User.agency == agency)
    return db.session.scalar(query)


def _sheet(matrix: Matrix, audit: AdviceAudit, rng: random.Random) -> ScoreSheet:
    advice: PlanAdvice = audit.advice
    hints = advice_hints(matrix, advice)
    grades: dict[str, str | None] = {}
    evidence: dict[str, str] = {}
    confirmed: dict[str, list[str]] = {}
    for criterion in matrix.criteria:
        if criterion.id == ON_TIME:
            grades[criterion.id] = _on_time(advice)
            continue
        flagged = [hint for hint in hints.get(criterion.id, []) if hint.code]
        if len(flagged) >= LOWERED_FROM:
            grades[criterion.id] = "partly-met" if len(flagged) <= 3 else "not-met"
            evidence[criterion.id] = flagged[0].message
            confirmed[criterion.id] = sorted({hint.code for hint in flagged})
        else:
            grades[criterion.id] = "met" if rng.random() < UNREAD else "partly-met"
    below = [c.title for c in matrix.criteria if grades[c.id] not in ("met", NOT_APPLICABLE)]
    return ScoreSheet(
        grades=grades,
        evidence=evidence,
        overall=None,
        summary=(
            f"Checked against the advice matrix: {', '.join(below)} to improve."
            if below
            else "Meets every criterion of the advice matrix."
        ),
        strengths="The child is described in the round, with views gathered in person.",
        to_improve="; ".join(below),
        confirmed=confirmed,
    )


def _on_time(advice: PlanAdvice) -> str:
    days = days_taken(advice)
    if days is None:
        return NOT_APPLICABLE
    return "met" if days <= DEADLINE_DAYS else "not-met"
