"""Moderation of double-marked plans, the result reports use, and marking independence.

Operations only flush; the caller commits.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from qa_audit.audits.double_marking import OVERALL, grades_of
from qa_audit.audits.operations import audit_matrix
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.matrix import Evaluation, evaluate
from qa_audit.matrix.overall_rule import check_overall
from qa_audit.models import Audit, Moderation, Plan, SampleMember, User
from qa_audit.moderation.pairs import MarkedPair, audits_of, pair_for
from qa_audit.moderation.settle import settle

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FinalResult:
    """The grades a report counts for one sampled plan, and how they were settled.

    ``source``: ``single`` (one audit), ``agreed`` (double-marked, identical grades) or
    ``moderated`` (the moderator's final grades).
    """

    plan_id: int
    sample_id: int | None  # None for an ad hoc audit
    source: str
    audit_ids: tuple[int, ...]
    grades: dict[str, str | None]
    overall: str | None
    evaluation: Evaluation


def record_moderation(
    pair: MarkedPair, moderator: User, final_grades: Mapping[str, str | None], reason: str
) -> Moderation:
    """Store (or replace) the moderator's final grades for a disagreement, with the reason."""
    if not pair.both_submitted:
        raise QaAuditError("Both audits must be submitted before the plan can be moderated.")
    if not (reason or "").strip():
        raise QaAuditError("Give the reason for the final grades.")
    matrix = audit_matrix(pair.first)
    grades = {c.id: final_grades.get(c.id) for c in matrix.criteria}
    overall = final_grades.get(OVERALL)
    result = evaluate(matrix, grades, overall, pair.plan.kind)
    if not result.complete:
        raise QaAuditError("Give a final grade for every criterion and for the plan overall.")
    check_overall(matrix, grades, overall)
    moderation = pair.moderation or Moderation(
        first_audit_id=pair.first.id, second_audit_id=pair.second.id
    )
    moderation.moderator_id = moderator.id
    moderation.final_grades = {**grades, OVERALL: overall}
    moderation.reason = reason.strip()
    moderation.decided_at = datetime.now(UTC)
    db.session.add(moderation)
    db.session.flush()
    log.info("moderation %s recorded by user %s", moderation.id, moderator.id)
    return moderation


def final_result(member: SampleMember) -> FinalResult | None:
    """The settled result for one sampled plan (see :mod:`qa_audit.moderation.settle`), or
    None while there is none yet: no audit submitted, a double-marked plan waiting for its
    second audit, or a disagreement waiting for the moderator."""
    plan = db.session.get(Plan, member.plan_id)
    pair = pair_for(member)
    if pair is None:
        submitted = [a for a in audits_of(member) if a.status == "submitted"]
        if not submitted:
            return None
        audits = (submitted[-1],)
        moderated = None
    else:
        if not pair.both_submitted:
            return None
        audits = (pair.first, pair.second)
        moderated = pair.moderation.final_grades if pair.moderation else None
    return _settled_result(plan, member.sample_id, audits, moderated)


def audit_result(audit: Audit) -> FinalResult | None:
    """The settled result of the plan ``audit`` belongs to: its sample's final result, or for
    an ad hoc audit (no sample) the audit itself once submitted."""
    if audit.sample_id is not None:
        member = db.session.scalar(
            select(SampleMember).where(
                SampleMember.sample_id == audit.sample_id, SampleMember.plan_id == audit.plan_id
            )
        )
        return final_result(member) if member else None
    if audit.status != "submitted":
        return None
    return _settled_result(db.session.get_one(Plan, audit.plan_id), None, (audit,), None)


def _settled_result(
    plan: Plan,
    sample_id: int | None,
    audits: tuple[Audit, ...],
    moderated: Mapping[str, str | None] | None,
) -> FinalResult | None:
    settled = settle([grades_of(a) for a in audits], moderated)
    if not settled.final:
        return None
    matrix = audit_matrix(audits[0])
    criteria = {c.id: settled.grades.get(c.id) for c in matrix.criteria}
    overall = settled.grades.get(OVERALL)
    evaluation = evaluate(matrix, criteria, overall, plan.kind)
    ids = tuple(a.id for a in audits)
    return FinalResult(plan.id, sample_id, settled.source, ids, criteria, overall, evaluation)
