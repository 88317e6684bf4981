from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import Audit, Sample, Term
from qa_audit.sampling.describe import no_document_note
from qa_audit.sampling.hand_changes import add_by_hand, swap_plan
from qa_audit.sampling.operations import SampleRequest, create_sample, draw_sample
from qa_audit.sampling.targeted import create_targeted_sample
from tests.sampling.helpers import autumn_plans


def member_ids(sample: Sample) -> set[int]:
    return {m.plan_id for m in sample.members}


def test_population_is_the_term_plans_of_the_chosen_kinds(make):
    in_term = autumn_plans(make, 6)
    make.plan(issue_date=date(2025, 8, 31))  # summer term
    make.plan(issue_date=date(2026, 1, 1))  # spring term
    amended = make.plan(issue_date=date(2025, 10, 3), kind="amended")
    drawn = draw_sample(SampleRequest("autumn-2025", percent=100, seed=1))
    assert set(drawn.chosen) == {p.id for p in in_term}
    with_amended = draw_sample(
        SampleRequest("autumn-2025", percent=100, seed=1, kinds=("new", "amended"))
    )
    assert amended.id in with_amended.chosen


def test_create_records_the_method_seed_and_term(make, app):
    autumn_plans(make, 20)
    lead = make.user("qa_lead")
    sample = create_sample(SampleRequest("autumn-2025", percent=25, strata=("team",)), lead)
    db.session.commit()
    assert db.session.get(Term, "autumn-2025").starts_on == date(2025, 9, 1)
    assert sample.kind == "random" and len(sample.members) == 5
    assert sample.seed == sample.method["seed"] and sample.seed is not None
    assert sample.method["strata"] == ["team"] and sample.method["population"] == 20
    assert "Stratified random sample of 5 plans (25% of 20 plans" in sample.description
    assert f"Seed {sample.seed}" in sample.description
    again = draw_sample(
        SampleRequest("autumn-2025", percent=25, strata=("team",), seed=sample.seed)
    )
    assert set(again.chosen) == member_ids(sample)


def test_a_second_headline_sample_for_the_term_is_refused(make):
    autumn_plans(make, 8)
    lead = make.user("qa_lead")
    create_sample(SampleRequest("autumn-2025", percent=50, seed=3), lead)
    db.session.commit()
    with pytest.raises(QaAuditError, match="Autumn 2025 already has a headline random sample"):
        create_sample(SampleRequest("autumn-2025", percent=50, seed=4), lead)
    db.session.rollback()
    assert db.session.scalar(select(func.count(Sample.id))) == 1
    # another term is unaffected
    make.plan(issue_date=date(2026, 2, 2))
    assert create_sample(SampleRequest("spring-2026", count=1, seed=1), lead).kind == "random"


def test_plans_without_a_document_are_counted_and_can_be_left_out(make):
    plans = autumn_plans(make, 3)
    documented = make.document(plans[1])
    request = SampleRequest("autumn-2025", percent=100, seed=1)
    everything = draw_sample(request)
    assert set(everything.chosen) == {p.id for p in plans}
    assert everything.method["no_document_plan_ids"] == sorted([plans[0].id, plans[2].id])
    assert no_document_note(everything.method) == (
        "2 plans in the population had no uploaded document, and 2 drawn: they cannot be "
        "audited until one is uploaded."
    )
    only = draw_sample(replace(request, documented_only=True))
    assert only.chosen == [documented.plan_id] and only.method["population"] == 1
    assert no_document_note(only.method) == (
        "Plans with no uploaded document were left out (2 plans)."
    )
    sample = create_sample(replace(request, documented_only=True), None)
    assert "Plans with no uploaded document were left out (2 plans)." in sample.description


def test_recently_audited_plans_are_left_out(make):
    plans = autumn_plans(make, 4)
    auditor = make.user("auditor")
    make.audit(
        plans[0], auditor, status="submitted", submitted_at=datetime(2025, 11, 10, tzinfo=UTC)
    )
    make.audit(
        plans[1], auditor, status="submitted", submitted_at=datetime(2025, 3, 10, tzinfo=UTC)
    )
    make.audit(plans[2], auditor, status="draft")
    request = SampleRequest("autumn-2025", percent=100, seed=1, exclude_months=6)
    drawn = draw_sample(request, today=date(2025, 12, 15))
    assert set(drawn.chosen) == {plans[1].id, plans[2].id, plans[3].id}
    assert drawn.method["excluded_plan_ids"] == [plans[0].id]
    assert drawn.method["audited_since"] == "2025-06-15"


def test_an_empty_population_is_explained(make):
    with pytest.raises(QaAuditError, match="No plans of the chosen kinds"):
        draw_sample(SampleRequest("spring-2026", count=3))


def test_targeted_sample_is_separate_and_marked(make):
    autumn_plans(make, 5)
    conversion = make.plan(issue_date=date(2024, 5, 1), kind="conversion")
    lead = make.user("qa_lead")
    targeted = create_targeted_sample("autumn-2025", "conversion_template", lead)
    random_sample = create_sample(SampleRequest("autumn-2025", percent=100, seed=3), lead)
    assert targeted.kind == "targeted" and member_ids(targeted) == {conversion.id}
    assert conversion.id not in member_ids(random_sample)
    assert "never counted in the headline figures" in targeted.description


def test_add_and_swap_by_hand_keep_the_reason(make):
    plans = autumn_plans(make, 4)
    extra = make.plan(reference="EHCP-EXTRA-1", issue_date=date(2025, 7, 1))
    other = make.plan(reference="EHCP-EXTRA-2", issue_date=date(2025, 7, 2))
    lead = make.user("qa_lead")
    sample = create_sample(SampleRequest("autumn-2025", count=2, seed=9), lead)
    added = add_by_hand(sample, "EHCP-EXTRA-1", "Complaint from a parent", lead)
    assert added.added_by_hand and added.reason == "Complaint from a parent"
    out = sorted(member_ids(sample) - {extra.id})[0]
    swap_plan(sample, out, "EHCP-EXTRA-2", "Plan is being re-issued", lead)
    db.session.commit()
    assert member_ids(sample) == (member_ids(sample) - {out}) | {other.id}
    assert out not in member_ids(sample)
    assert sample.method["swaps"][0] | {"at": None} == {
        "out": out,
        "in": other.id,
        "reason": "Plan is being re-issued",
        "by": lead.id,
        "at": None,
    }
    with pytest.raises(QaAuditError, match="reason"):
        add_by_hand(sample, plans[3].reference, "  ", lead)
    with pytest.raises(QaAuditError, match="already in this sample"):
        add_by_hand(sample, "EHCP-EXTRA-1", "again", lead)


def test_a_started_audit_blocks_a_swap_and_an_unstarted_one_is_withdrawn(make):
    plans = autumn_plans(make, 2)
    make.plan(reference="EHCP-SPARE-1", issue_date=date(2025, 5, 1))
    make.plan(reference="EHCP-SPARE-2", issue_date=date(2025, 5, 1))
    lead, auditor = make.user("qa_lead"), make.user("auditor")
    sample = create_sample(SampleRequest("autumn-2025", percent=100, seed=2), lead)
    started = make.audit(plans[0], auditor, sample_id=sample.id, status="draft")
    waiting = make.audit(plans[1], auditor, sample_id=sample.id, status="assigned")
    with pytest.raises(QaAuditError, match="already begun"):
        swap_plan(sample, plans[0].id, "EHCP-SPARE-1", "Wrong team", lead)
    swap_plan(sample, plans[1].id, "EHCP-SPARE-2", "Wrong team", lead)
    db.session.commit()
    assert db.session.get(Audit, waiting.id) is None
    assert db.session.get(Audit, started.id) is not None
