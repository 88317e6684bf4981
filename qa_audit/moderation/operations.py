"""Moderation of double-marked plans, the result reports use, and marking independence.

Operations only flush; the caller commits.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import and_, select
from sqlalchemy.orm import selectinload

from qa_audit.audits.double_marking import OVERALL, grades_of
from qa_audit.audits.operations import audit_matrix
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.matrix import Evaluation, evaluate
from qa_audit.matrix.overall_rule import check_overall
from qa_audit.models import Audit, Moderation, Plan, SampleMember, User
from qa_audit.moderation.pairs import MarkedPair, paired
from qa_audit.moderation.settle import Settled, settle

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


@dataclass(frozen=True)
class Round:
    """The submitted audits whose grades count for one audited plan, and how they settle."""

    audits: tuple[Audit, ...]
    settled: Settled


def settled_rounds(members: Sequence[SampleMember]) -> dict[int, Round]:
    """Member id -> its :class:`Round`, for the members with grades to count: a submitted
    audit, or for a double-marked plan both. At most three queries whatever the number."""
    ids = [member.id for member in members]
    audits = db.session.scalars(
        select(Audit)
        .join(
            SampleMember,
            and_(SampleMember.sample_id == Audit.sample_id, SampleMember.plan_id == Audit.plan_id),
        )
        .where(SampleMember.id.in_(ids))
        .options(selectinload(Audit.scores))
        .order_by(Audit.id)
    )
    by_member: dict[tuple[int | None, int], list[Audit]] = defaultdict(list)
    for audit in audits:
        by_member[(audit.sample_id, audit.plan_id)].append(audit)
    moderated = {
        moderation.first_audit_id: moderation.final_grades
        for moderation in db.session.scalars(
            select(Moderation).where(
                Moderation.first_audit_id.in_([found[0].id for found in by_member.values()])
            )
        )
    }
    rounds = {}
    for member in members:
        audits_in = by_member[(member.sample_id, member.plan_id)]
        pair = paired(member, audits_in)
        if pair is not None:
            if any(audit.status != "submitted" for audit in pair):
                continue
            counted, moderation = pair, moderated.get(pair[0].id)
        else:
            submitted = [audit for audit in audits_in if audit.status == "submitted"]
            if not submitted:
                continue
            counted, moderation = (submitted[-1],), None
        rounds[member.id] = Round(counted, settle([grades_of(a) for a in counted], moderation))
    return rounds


def final_result(member: SampleMember) -> FinalResult | None:
    """The settled result for one sampled plan (see :mod:`qa_audit.moderation.settle`), or
    None while there is none yet: no audit submitted, a double-marked plan waiting for its
    second audit, or a disagreement waiting for the moderator."""
    found = settled_rounds([member]).get(member.id)
    if found is None:
        return None
    return _settled_result(db.session.get_one(Plan, member.plan_id), member.sample_id, found)


def audit_result(audit: Audit) -> FinalResult | None:
    """The settled result of the plan ``audit`` belongs to: its sample's final result, or for
    an ad hoc audit (no sample) the audit itself once submitted."""
    if audit.sample_id is not None:
        member = _members_of([audit]).get(audit.id)
        return final_result(member) if member else None
    if audit.status != "submitted":
        return None
    plan = db.session.get_one(Plan, audit.plan_id)
    return _settled_result(plan, None, Round((audit,), settle([grades_of(audit)])))


def settled_audits(audits: Sequence[Audit]) -> set[int]:
    """The ids of those ``audits`` whose plan has a settled result (:func:`audit_result` is
    not None), in at most four queries whatever the number of audits: for lists of feedback
    sheets that must link only sheets that are ready."""
    members = _members_of(audits)
    rounds = settled_rounds(list(members.values()))
    settled = set()
    for audit in audits:
        if audit.sample_id is None:
            found = audit.status == "submitted"  # an ad hoc audit stands alone
        else:
            member = members.get(audit.id)
            round_ = rounds.get(member.id) if member else None
            found = round_ is not None and round_.settled.final
        if found:
            settled.add(audit.id)
    return settled


def _members_of(audits: Sequence[Audit]) -> dict[int, SampleMember]:
    """Audit id -> the sample member it audits, for the sampled ones (one query)."""
    rows = db.session.execute(
        select(Audit.id, SampleMember)
        .join(
            SampleMember,
            and_(SampleMember.sample_id == Audit.sample_id, SampleMember.plan_id == Audit.plan_id),
        )
        .where(Audit.id.in_([audit.id for audit in audits if audit.sample_id is not None]))
    )
    return {audit_id: member for audit_id, member in rows}


def _settled_result(plan: Plan, sample_id: int | None, found: Round) -> FinalResult | None:
    settled = found.settled
    if not settled.final:
        return None
    matrix = audit_matrix(found.audits[0])
    criteria = {c.id: settled.grades.get(c.id) for c in matrix.criteria}
    overall = settled.grades.get(OVERALL)
    evaluation = evaluate(matrix, criteria, overall, plan.kind)
    ids = tuple(a.id for a in found.audits)
    return FinalResult(plan.id, sample_id, settled.source, ids, criteria, overall, evaluation)
