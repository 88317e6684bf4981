"""Assign a sample's plans to auditors, double-marking a share of them.

Load balancing: plans are taken in plan-id order, and each goes to the eligible auditor with the
fewest open audits (assigned or draft, across every sample), counting the ones just given; ties
go to the lower user id. Eligible: not on the plan's own team when the lead asks for that.

Double-marking: ``share`` of the plans (rounded up), chosen with the sample's seed, get a second,
independent audit by a different auditor, preferably from another agency.
"""

from __future__ import annotations

import logging
import math
import random
from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select

from qa_audit.audits.operations import assign_audit
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import Audit, Plan, Sample, SampleMember, User

log = logging.getLogger(__name__)


def open_load(auditors: Sequence[User]) -> dict[int, int]:
    """Open (not submitted) audits per auditor."""
    ids = [a.id for a in auditors]
    rows = db.session.execute(
        select(Audit.auditor_id, func.count())
        .where(Audit.auditor_id.in_(ids), Audit.status != "submitted")
        .group_by(Audit.auditor_id)
    )
    load = dict.fromkeys(ids, 0)
    load.update({auditor_id: count for auditor_id, count in rows})
    return load


def unassigned_members(sample: Sample) -> list[SampleMember]:
    assigned = set(db.session.scalars(select(Audit.plan_id).where(Audit.sample_id == sample.id)))
    return sorted((m for m in sample.members if m.plan_id not in assigned), key=lambda m: m.plan_id)


def assign_sample(
    sample: Sample,
    auditors: Sequence[User],
    due_on: date | None,
    avoid_own_team: bool = True,
    double_mark_share: float = 0.0,
) -> list[Audit]:
    """Create ``assigned`` audits for every member not yet assigned; returns them."""
    if not auditors:
        raise QaAuditError("Choose at least one auditor.")
    if not 0 <= double_mark_share <= 1:
        raise QaAuditError("The double-marked share must be from 0% to 100%.")
    members = unassigned_members(sample)
    if not members:
        raise QaAuditError("Every plan in this sample is already assigned.")
    plan_query = select(Plan).where(Plan.id.in_([m.plan_id for m in members]))
    plans = {plan.id: plan for plan in db.session.scalars(plan_query)}
    rng = random.Random(sample.seed if sample.seed is not None else sample.id)  # noqa: S311
    doubles = set(rng.sample(range(len(members)), math.ceil(len(members) * double_mark_share)))
    load = open_load(auditors)
    audits: list[Audit] = []
    for position, member in enumerate(members):
        plan = plans[member.plan_id]
        eligible = [a for a in auditors if not (avoid_own_team and a.team and a.team == plan.team)]
        first = _least_loaded(eligible, load, plan)
        markers = [first]
        if position in doubles:
            others = [a for a in eligible if a.id != first.id]
            if not others:
                raise QaAuditError(
                    f"{plan.reference} is to be double-marked, but only one chosen auditor "
                    "can take it. Choose more auditors."
                )
            markers.append(min(others, key=lambda a: (a.agency == first.agency, load[a.id], a.id)))
            member.double_marked = True
        for auditor in markers:
            load[auditor.id] += 1
            audits.append(assign_audit(plan, auditor, due_on, sample))
    sample.method = {
        **sample.method,
        "assignment": {"avoid_own_team": avoid_own_team, "double_mark_share": double_mark_share},
    }
    db.session.flush()
    log.info("sample %s: %s audits assigned", sample.id, len(audits))
    return audits


def _least_loaded(eligible: list[User], load: dict[int, int], plan: Plan) -> User:
    if not eligible:
        raise QaAuditError(
            f"None of the chosen auditors can take {plan.reference}: they are all on its team "
            f"({plan.team}). Choose an auditor from another team."
        )
    return min(eligible, key=lambda a: (load[a.id], a.id))
