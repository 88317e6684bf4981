"""Who may see what, asked of the one module every page, download and report output asks:
each role against plans, document versions, audits (and their feedback sheets), report rows and
report files, of their own team or another, and objects that do not exist."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from qa_audit.errors import NotAllowed, NotFound, NotVisible
from qa_audit.extensions import db
from qa_audit.models import PlanDocument, ReportBuild, Sample, SampleMember, Term
from qa_audit.models.user import ROLES
from qa_audit.visibility import (
    get_own_build,
    get_visible_audit,
    get_visible_document,
    get_visible_plan,
    report_rows,
    visible_documents,
    visible_plans,
)

MISSING = 10_000
SEES, HIDDEN = "sees", "hidden"

# role -> what it gets for (plan of its team it audits, plan of another team)
PLANS = {
    "admin": (HIDDEN, HIDDEN),
    "qa_lead": (SEES, SEES),
    "auditor": (SEES, HIDDEN),
    "sen_manager": (SEES, HIDDEN),
}
# role -> (the North auditor's audit, the other auditor's audit of the South plan)
AUDITS = {
    "admin": (HIDDEN, HIDDEN),
    "qa_lead": (SEES, SEES),
    "auditor": (SEES, HIDDEN),
    "sen_manager": (SEES, HIDDEN),
}
# role -> the plans its report rows may list (None: it may not read reports at all)
REPORT_ROWS = {
    "admin": None,
    "qa_lead": {"north", "south"},
    "auditor": None,
    "sen_manager": {"north"},
}


def _document(plan) -> PlanDocument:
    document = PlanDocument(
        plan_id=plan.id,
        version=1,
        sha256=f"{plan.id:064d}",
        size=10,
        original_name="plan.docx",
        file_type="docx",
    )
    db.session.add(document)
    db.session.commit()
    return document


@pytest.fixture
def world(app, make):
    users = {role: make.user(role, team="North") for role in ROLES}
    other_auditor = make.user("auditor", team="South")
    plans = {"north": make.plan(team="North"), "south": make.plan(team="South")}
    audits = {
        "north": make.audit(plans["north"], users["auditor"]),
        "south": make.audit(plans["south"], other_auditor),
    }
    documents = {name: _document(plan) for name, plan in plans.items()}
    return {"users": users, "plans": plans, "audits": audits, "documents": documents}


def _outcome(call) -> str:
    try:
        call()
    except NotVisible:
        return HIDDEN
    return SEES


@pytest.mark.parametrize("role", ROLES)
def test_plans_and_their_documents(world, role):
    user = world["users"][role]
    for name, want in zip(("north", "south"), PLANS[role], strict=True):
        plan, document = world["plans"][name], world["documents"][name]
        assert _outcome(lambda: get_visible_plan(user, plan.id)) == want, name
        assert _outcome(lambda: get_visible_document(user, document.id)) == want, name
        assert (plan in set(db.session.scalars(visible_plans(user)))) == (want == SEES), name
        versions = set(db.session.scalars(visible_documents(user)))
        assert (document in versions) == (want == SEES), name
    with pytest.raises(NotFound):
        get_visible_plan(user, MISSING)
    with pytest.raises(NotFound):
        get_visible_document(user, MISSING)


def test_a_sen_manager_without_a_team_sees_every_plan_and_its_audits(world, make):
    manager = make.user("sen_manager")
    for name in ("north", "south"):
        assert get_visible_plan(manager, world["plans"][name].id) is world["plans"][name]
        assert get_visible_audit(manager, world["audits"][name].id) is world["audits"][name]


@pytest.mark.parametrize("role", ROLES)
def test_audits_and_feedback_sheets(world, role):
    user = world["users"][role]
    for name, want in zip(("north", "south"), AUDITS[role], strict=True):
        audit = world["audits"][name]
        assert _outcome(lambda: get_visible_audit(user, audit.id)) == want, name
    with pytest.raises(NotFound):
        get_visible_audit(user, MISSING)


@pytest.mark.parametrize("role", ROLES)
def test_report_rows(world, role):
    user = world["users"][role]
    if REPORT_ROWS[role] is None:
        with pytest.raises(NotAllowed) as refused:
            report_rows(user)
        assert not isinstance(refused.value, NotVisible)
        return
    rows = report_rows(user)
    shown = {name for name, plan in world["plans"].items() if rows.shows(plan.id)}
    assert shown == REPORT_ROWS[role]


def test_a_deactivated_account_gets_no_report_rows(world):
    lead = world["users"]["qa_lead"]
    lead.active = False
    with pytest.raises(NotAllowed):
        report_rows(lead)


@pytest.mark.parametrize("role", ["qa_lead", "sen_manager"])
def test_report_files_are_their_requesters_alone(world, role):
    user = world["users"][role]
    other = world["users"]["qa_lead" if role == "sen_manager" else "sen_manager"]
    own = ReportBuild(term_id="autumn-2025", fmt="csv", requested_by=user.id)
    theirs = ReportBuild(term_id="autumn-2025", fmt="csv", requested_by=other.id)
    db.session.add_all([own, theirs])
    db.session.commit()
    assert get_own_build(user, own.id) is own
    with pytest.raises(NotVisible):
        get_own_build(user, theirs.id)
    with pytest.raises(NotFound):
        get_own_build(user, MISSING)


def test_a_second_marker_sees_the_first_marking_only_once_both_are_in(world, make):
    """A QA lead sees every audit, except the other marking of a plan they mark themselves."""
    lead = world["users"]["qa_lead"]
    plan, first = world["plans"]["north"], world["audits"]["north"]
    db.session.add(
        Term(
            id="autumn-2025",
            label="Autumn 2025",
            starts_on=date(2025, 9, 1),
            ends_on=date(2025, 12, 31),
        )
    )
    db.session.flush()
    sample = Sample(term_id="autumn-2025", kind="random", seed=1, method={})
    db.session.add(sample)
    db.session.flush()
    db.session.add(SampleMember(sample_id=sample.id, plan_id=plan.id, double_marked=True))
    first.sample_id = sample.id
    db.session.commit()
    second = make.audit(plan, lead, sample_id=sample.id)
    with pytest.raises(NotVisible):
        get_visible_audit(lead, first.id)
    assert get_visible_audit(world["users"]["auditor"], first.id) is first
    for audit in (first, second):
        audit.status, audit.submitted_at = "submitted", datetime(2025, 11, 1, tzinfo=UTC)
    db.session.commit()
    assert get_visible_audit(lead, first.id) is first
