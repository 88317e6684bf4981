"""Double-marked plans: the two independent audits of one sampled plan, and their grades."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from qa_audit.audits.double_marking import grades_of
from qa_audit.extensions import db
from qa_audit.models import Audit, Moderation, Plan, Sample, SampleMember, User
from qa_audit.models.user import AGENCY_LABELS
from qa_audit.moderation.settle import differing_keys

ORDINALS = ("First", "Second")


@dataclass(frozen=True)
class MarkedPair:
    member: SampleMember
    plan: Plan
    first: Audit
    second: Audit
    moderation: Moderation | None

    @property
    def both_submitted(self) -> bool:
        return self.first.status == "submitted" and self.second.status == "submitted"

    def differences(self) -> list[str]:
        """Criterion ids (and ``"overall"``) the two auditors graded differently."""
        return differing_keys(grades_of(self.first), grades_of(self.second))

    @property
    def agreed(self) -> bool:
        return self.both_submitted and not self.differences()

    @property
    def awaiting_moderation(self) -> bool:
        return self.both_submitted and bool(self.differences()) and self.moderation is None


def auditor_labels(audits: list[Audit]) -> dict[int, str | None]:
    """How each audit of a double-marked plan is labelled wherever its text is shown: by the
    auditor's agency ("Health auditor") when the two differ, else by order; never by name.
    None for a plan marked once."""
    if len(audits) < 2:
        return {audit.id: None for audit in audits}
    agencies = [db.session.get_one(User, audit.auditor_id).agency for audit in audits]
    named = all(agencies) and len(set(agencies)) == len(agencies)
    return {
        audit.id: (
            f"{AGENCY_LABELS.get(agency, agency)} auditor" if named else f"{ordinal} auditor"
        )
        for audit, agency, ordinal in zip(audits, agencies, ORDINALS, strict=False)
    }


def audits_of(member: SampleMember) -> list[Audit]:
    query = (
        select(Audit)
        .where(Audit.sample_id == member.sample_id, Audit.plan_id == member.plan_id)
        .order_by(Audit.id)
    )
    return list(db.session.scalars(query))


def paired(member: SampleMember, audits: Sequence[Audit]) -> tuple[Audit, Audit] | None:
    """The two audits that double-mark ``member``, from its audits in assignment order (the
    earlier-assigned first), or None if it is not double-marked."""
    if not member.double_marked or len(audits) < 2:
        return None
    return audits[0], audits[1]


def pair_for(member: SampleMember) -> MarkedPair | None:
    """The member's two audits (the earlier-assigned first), or None if not double-marked."""
    found = paired(member, audits_of(member))
    if found is None:
        return None
    first, second = found
    moderation = db.session.scalar(select(Moderation).where(Moderation.first_audit_id == first.id))
    return MarkedPair(member, db.session.get(Plan, member.plan_id), first, second, moderation)


def term_pairs(term_id: str) -> list[MarkedPair]:
    """Every double-marked plan in the term's samples, by sample and plan."""
    query = (
        select(SampleMember)
        .join(Sample)
        .where(Sample.term_id == term_id, SampleMember.double_marked.is_(True))
        .order_by(SampleMember.sample_id, SampleMember.plan_id)
    )
    pairs = (pair_for(member) for member in db.session.scalars(query))
    return [pair for pair in pairs if pair is not None]
