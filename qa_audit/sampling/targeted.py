"""Targeted samples: every plan matching a known risk, outside the random sample.

A targeted sample has ``Sample.kind = "targeted"``. Its results are reported on their own and
never counted in the headline figures, which come from random samples only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import Plan, Sample, SampleMember, User
from qa_audit.sampling.describe import describe_targeted
from qa_audit.sampling.operations import ensure_term
from qa_audit.sampling.population import counted_results, template_kind
from qa_audit.terms import term_span


def _on_conversion_template(plan: Plan, result: Mapping | None) -> bool:
    return plan.kind == "conversion" or template_kind(plan, result) == "conversion"


# rule id -> (plain-English label, test on a plan and the result of its analysis that counts)
TARGET_RULES: dict[str, tuple[str, Callable[[Plan, Mapping | None], bool]]] = {
    "conversion_template": (
        "every plan still on the conversion template, or recorded as a conversion",
        _on_conversion_template,
    ),
}


def create_targeted_sample(term_id: str, rule: str, user: User | None) -> Sample:
    """Every plan issued by the end of the term that matches ``rule``."""
    if rule not in TARGET_RULES:
        raise QaAuditError("Choose one of the listed targets.")
    label, matches = TARGET_RULES[rule]
    span = term_span(term_id)
    query = (
        select(Plan)
        .where(or_(Plan.issue_date.is_(None), Plan.issue_date <= span.ends_on))
        .options(selectinload(Plan.documents))
        .order_by(Plan.id)
    )
    plans = list(db.session.scalars(query))
    results = counted_results(plans)
    plan_ids = [plan.id for plan in plans if matches(plan, results.get(plan.id))]
    if not plan_ids:
        raise QaAuditError(f"No plans match this target: {label}.")
    ensure_term(span.id)
    sample = Sample(
        term_id=span.id,
        kind="targeted",
        method={"rule": rule, "rule_label": label, "size": len(plan_ids), "swaps": []},
        description=describe_targeted(label, len(plan_ids), span.label),
        created_by_id=user.id if user else None,
    )
    db.session.add(sample)
    db.session.flush()
    db.session.add_all(SampleMember(sample_id=sample.id, plan_id=pid) for pid in plan_ids)
    db.session.flush()
    return sample
