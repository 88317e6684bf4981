"""What the sample page shows: members with their audits, and the make-up beside the population."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import Audit, Plan, Sample, SampleMember, User
from qa_audit.sampling.makeup import MakeUp, make_up
from qa_audit.sampling.population import candidates, term_plans
from qa_audit.terms import term_span


@dataclass
class MemberRow:
    member: SampleMember
    plan: Plan
    audits: list[tuple[Audit, User]] = field(default_factory=list)


def member_rows(sample: Sample) -> list[MemberRow]:
    plan_ids = [m.plan_id for m in sample.members]
    plans = {p.id: p for p in db.session.scalars(select(Plan).where(Plan.id.in_(plan_ids)))}
    rows = {m.plan_id: MemberRow(m, plans[m.plan_id]) for m in sample.members}
    audits = db.session.execute(
        select(Audit, User)
        .join(User, Audit.auditor_id == User.id)
        .where(Audit.sample_id == sample.id)
        .order_by(Audit.id)
    )
    for audit, auditor in audits:
        if audit.plan_id in rows:
            rows[audit.plan_id].audits.append((audit, auditor))
    return sorted(rows.values(), key=lambda row: row.plan.reference)


def sample_make_up(sample: Sample, rows: list[MemberRow]) -> list[MakeUp]:
    """For a random sample: its make-up beside the population it was drawn from."""
    method = sample.method
    excluded = set(method.get("excluded_plan_ids", []))
    if method.get("documented_only"):
        excluded |= set(method["no_document_plan_ids"])
    plans = term_plans(term_span(sample.term_id), method["kinds"])
    population = candidates([p for p in plans if p.id not in excluded])
    return make_up(population, candidates([row.plan for row in rows]))
