from collections import Counter
from datetime import date

import pytest

from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import Plan
from qa_audit.sampling.assignment import assign_sample
from qa_audit.sampling.operations import SampleRequest, create_sample
from qa_audit.sampling.progress import term_progress
from tests.sampling.helpers import autumn_plans

DUE = date(2025, 12, 12)


def sample_of(make, count, **request):
    autumn_plans(make, count)
    return create_sample(SampleRequest("autumn-2025", percent=100, seed=4, **request), None)


def test_load_is_balanced_counting_open_audits(make):
    auditors = [make.user("auditor", team="Health") for _ in range(3)]
    busy = make.plan(issue_date=date(2025, 5, 1))
    for _ in range(3):
        make.audit(busy, auditors[0], status="draft")
    make.audit(busy, auditors[1], status="submitted")  # finished work is not load
    sample = sample_of(make, 9)
    audits = assign_sample(sample, auditors, DUE, avoid_own_team=False)
    per_auditor = Counter(a.auditor_id for a in audits)
    # Open load before: 3, 0, 0. Twelve in total after: 4 each.
    assert per_auditor == {auditors[0].id: 1, auditors[1].id: 4, auditors[2].id: 4}
    assert {a.status for a in audits} == {"assigned"} and {a.due_on for a in audits} == {DUE}


def test_auditors_are_kept_off_their_own_team(make):
    north = make.user("auditor", team="North")
    south = make.user("auditor", team="South")
    sample = sample_of(make, 10)
    audits = assign_sample(sample, [north, south], DUE, avoid_own_team=True)
    assert {a.plan_id for a in audits} == {m.plan_id for m in sample.members}
    for audit in audits:
        auditor_team = north.team if audit.auditor_id == north.id else south.team
        assert db.session.get(Plan, audit.plan_id).team != auditor_team


def test_no_eligible_auditor_is_explained(make):
    north = make.user("auditor", team="North")
    sample = sample_of(make, 5)
    with pytest.raises(QaAuditError, match="all on its team"):
        assign_sample(sample, [north], DUE, avoid_own_team=True)


def test_a_share_is_double_marked_by_two_auditors_of_different_agencies(make):
    education = make.user("auditor", agency="education")
    education_2 = make.user("auditor", agency="education")
    health = make.user("auditor", agency="health")
    sample = sample_of(make, 10)
    audits = assign_sample(sample, [education, education_2, health], DUE, double_mark_share=0.2)
    doubled = [m for m in sample.members if m.double_marked]
    assert len(doubled) == 2  # 20% of 10
    assert len(audits) == 12
    agency = {education.id: "education", education_2.id: "education", health.id: "health"}
    for member in doubled:
        markers = [a.auditor_id for a in audits if a.plan_id == member.plan_id]
        assert len(markers) == 2 and markers[0] != markers[1]
        assert {agency[m] for m in markers} == {"education", "health"}
    with pytest.raises(QaAuditError, match="already assigned"):
        assign_sample(sample, [health], DUE)


def test_double_marking_needs_two_auditors(make):
    sample = sample_of(make, 4)
    with pytest.raises(QaAuditError, match="Choose more auditors"):
        assign_sample(sample, [make.user("auditor")], DUE, double_mark_share=0.5)


def test_progress_counts_status_and_overdue_per_auditor(make):
    first = make.user("auditor", name="Ann First")
    second = make.user("auditor", name="Ben Second")
    sample = sample_of(make, 4)
    audits = assign_sample(sample, [first, second], DUE, avoid_own_team=False)
    audits[0].status = "submitted"
    audits[1].status = "draft"
    db.session.commit()
    rows = term_progress("autumn-2025", today=date(2025, 12, 20))
    assert [(r.auditor.name, r.assigned, r.draft, r.submitted, r.overdue) for r in rows] == [
        ("Ann First", 1, 0, 1, 1),
        ("Ben Second", 1, 1, 0, 2),
    ]
