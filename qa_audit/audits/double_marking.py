"""Double marking seen from one audit: the other audit of the same plan, the grades each
gives, and whether the other marking may be shown beside this one."""

from __future__ import annotations

from sqlalchemy import select

from qa_audit.auth.permissions import can
from qa_audit.extensions import db
from qa_audit.models import Audit, User

OVERALL = "overall"  # the key of the plan's overall grade beside the criterion ids


def grades_of(audit: Audit) -> dict[str, str | None]:
    """Criterion id -> grade, plus ``"overall"`` -> the audit's overall grade."""
    grades: dict[str, str | None] = {score.criterion_id: score.grade for score in audit.scores}
    grades[OVERALL] = audit.overall_grade
    return grades


def partner_audit(audit: Audit) -> Audit | None:
    """The other audit of the same plan in the same sample, when the plan is double-marked."""
    if audit.sample_id is None:
        return None
    others = select(Audit).where(
        Audit.sample_id == audit.sample_id, Audit.plan_id == audit.plan_id, Audit.id != audit.id
    )
    return db.session.scalars(others.order_by(Audit.id)).first()


def can_see_other_marking(audit: Audit, user: User) -> bool:
    """May ``user``, looking at ``audit``, see the other auditor's grades for the same plan?

    False until both audits are submitted, for everyone (the lead included), so the second
    marking stays independent. Once both are in: True for the two auditors and for QA leads.
    False when the plan is not double-marked (there is nothing to see).
    """
    partner = partner_audit(audit)
    if partner is None or audit.status != "submitted" or partner.status != "submitted":
        return False
    return user.id in (audit.auditor_id, partner.auditor_id) or can(user.role, "audits.manage")
