"""Demonstration audit cycles: past terms fully audited (some plans double-marked, their
disagreements moderated, follow-up actions opened and some closed) and the current term part
way through, and in each past term an annual-review sample of plans amended after a review,
from the demo's caseload extract. Auditors mark what each plan's document holds (see
:class:`qa_audit.demo.audits.DemoMarker`). Deterministic: a fixed seed drives every choice.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta

from flask import current_app
from sqlalchemy import select

from qa_audit.audits.double_marking import OVERALL
from qa_audit.audits.operations import submit_audit
from qa_audit.demo.audits import DemoMarker, audit_hints
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.matrix.versions import active_matrix_version
from qa_audit.models import Audit, Plan, Sample, User
from qa_audit.moderation.follow_ups import close_follow_up, create_follow_up
from qa_audit.moderation.operations import final_result, record_moderation
from qa_audit.moderation.pairs import pair_for
from qa_audit.sampling.assignment import assign_sample
from qa_audit.sampling.operations import SampleRequest, create_sample
from qa_audit.synthetic import PlanTruth
from qa_audit.terms import TermSpan, recent_terms

DEMO_SEED = 2026
TERMS = 4  # three past terms and the current one


def demo_terms(today: date) -> list[TermSpan]:
    """The terms the demo runs audit cycles in, oldest first."""
    return recent_terms(today, current_app.config["TERM_STARTS"], TERMS)


def load_sampling_demo(truths: Mapping[int, PlanTruth], today: date | None = None) -> None:
    """Add the audit cycles, unless some samples exist already. ``truths`` (plan id -> what
    its generated document holds) is what the demo auditors find when they read a plan."""
    if db.session.scalar(select(Sample.id).limit(1)) is not None:
        return
    today = today or date.today()
    lead = db.session.scalar(select(User).where(User.role == "qa_lead").order_by(User.id))
    auditors = list(db.session.scalars(select(User).where(User.role == "auditor")))
    if lead is None or len(auditors) < 2:
        return
    _, matrix = active_matrix_version()
    rng = random.Random(DEMO_SEED)  # noqa: S311 (reproducible demo data, not security)
    marker = DemoMarker(rng, matrix)
    spans = demo_terms(today)
    for span in spans:
        current = span is spans[-1]
        sample = _draw(span, lead, auditors, rng, today if current else span.ends_on)
        if sample is None:
            continue
        audits = db.session.scalars(select(Audit).where(Audit.sample_id == sample.id)).all()
        for audit in audits if not current else audits[: len(audits) // 2]:
            _mark(audit, marker, truths, span, rng)
        if not current:
            _moderate(sample, lead, marker, truths)
            _follow_up(sample, lead, span, today, rng)
            _review_cycle(span, lead, auditors, marker, truths, rng)
    db.session.flush()


def _review_cycle(span: TermSpan, lead, auditors, marker, truths, rng: random.Random) -> None:
    """A past term's annual-review sample: half the plans the extract says were amended after
    a review in the term (those with a document), each marked by one auditor."""
    request = SampleRequest(
        span.id, percent=50, draws_from="amended", documented_only=True, seed=rng.randrange(10**6)
    )
    try:
        sample = create_sample(request, lead, today=span.ends_on)
        assign_sample(sample, auditors, span.ends_on - timedelta(days=14), double_mark_share=0)
    except QaAuditError:
        return  # no reviewed plan with a document this term
    for audit in db.session.scalars(select(Audit).where(Audit.sample_id == sample.id)):
        _mark(audit, marker, truths, span, rng)


def _draw(span: TermSpan, lead, auditors, rng: random.Random, drawn_on: date) -> Sample | None:
    request = SampleRequest(
        span.id,
        percent=50,
        strata=("team",),
        kinds=("new", "amended", "phase_transfer"),
        exclude_months=6,
        seed=rng.randrange(1_000_000),
    )
    try:
        sample = create_sample(request, lead, today=drawn_on)
        due = span.ends_on - timedelta(days=14)
        assign_sample(sample, auditors, due, avoid_own_team=True, double_mark_share=0.3)
    except QaAuditError:
        return None  # a term without plans (or auditors to take them) has no cycle
    return sample


def _mark(
    audit: Audit, marker: DemoMarker, truths: Mapping[int, PlanTruth], span: TermSpan, rng
) -> None:
    """Each auditor marks the plan independently, so double-marked plans can disagree."""
    plan = db.session.get_one(Plan, audit.plan_id)
    sheet = marker.sheet(plan.year_group, truths.get(plan.id), audit_hints(marker.matrix, audit))
    day = span.starts_on + timedelta(days=rng.randint(20, (span.ends_on - span.starts_on).days))
    when = datetime.combine(min(day, span.ends_on), time(15, 30), tzinfo=UTC)
    submit_audit(audit, sheet, audit.revision, submitted_at=when)


def _grades(audit: Audit) -> dict[str, str]:
    return {s.criterion_id: s.grade for s in audit.scores} | {OVERALL: audit.overall_grade}


def _moderate(
    sample: Sample, lead: User, marker: DemoMarker, truths: Mapping[int, PlanTruth]
) -> None:
    for member in sample.members:
        pair = pair_for(member)
        if pair is None or not pair.awaiting_moderation:
            continue
        first, second = _grades(pair.first), _grades(pair.second)
        final, reason = marker.settle(first, second, truths.get(member.plan_id), OVERALL)
        record_moderation(pair, lead, final, reason)


def _follow_up(sample: Sample, lead: User, span: TermSpan, today: date, rng) -> None:
    for member in sample.members:
        result = final_result(member)
        if result is None or result.evaluation.meets_threshold is not False:
            continue
        plan = db.session.get(Plan, member.plan_id)
        owner = db.session.scalar(
            select(User).where(User.role == "sen_manager", User.team == plan.team)
        )
        audit = db.session.get(Audit, result.audit_ids[0])
        kind = rng.choice(("amend", "amend", "re_audit", "training"))
        due = span.ends_on + timedelta(days=42)
        action = create_follow_up(audit, kind, owner or lead, due, "Agreed at the QA group.")
        if due < today and rng.random() < 0.7:
            close_follow_up(action, "Done and checked by the QA lead.")
