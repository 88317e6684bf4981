import logging

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import AccessLog, Analysis, PlanDocument
from tests.factories import csrf_token_from, login


def test_viewing_a_plan_is_recorded_in_the_access_log(client, make, caplog):
    caplog.set_level(logging.INFO)
    lead = make.user("qa_lead")
    plan = make.plan(reference="EHCP-2025-0042")
    login(client, lead)
    response = client.get(f"/plans/{plan.id}")
    assert response.status_code == 200
    assert "EHCP-2025-0042" in response.get_data(as_text=True)
    entry = db.session.scalars(select(AccessLog).where(AccessLog.action == "view_plan")).one()
    assert (entry.user_id, entry.action, entry.object_type, entry.object_id) == (
        lead.id,
        "view_plan",
        "plan",
        plan.id,
    )
    assert f"action=view_plan plan={plan.id}" in caplog.text


def test_sen_manager_sees_only_their_teams_plans(client, make):
    north, south = make.plan(team="North"), make.plan(team="South")
    login(client, make.user("sen_manager", team="North"))
    listing = client.get("/plans/").get_data(as_text=True)
    assert north.reference in listing and south.reference not in listing
    assert client.get(f"/plans/{south.id}").status_code == 404


def test_auditor_sees_only_plans_assigned_to_them(client, make):
    auditor, other = make.user("auditor"), make.user("auditor")
    mine, theirs = make.plan(), make.plan()
    make.audit(mine, auditor)
    make.audit(theirs, other)
    login(client, auditor)
    assert client.get(f"/plans/{mine.id}").status_code == 200
    assert client.get(f"/plans/{theirs.id}").status_code == 404


def test_refused_plan_views_are_logged_as_refusals_not_views(client, make):
    plan = make.plan(team="South")
    login(client, make.user("sen_manager", team="North"))
    client.get(f"/plans/{plan.id}")
    actions = db.session.scalars(select(AccessLog.action)).all()
    assert actions == ["sign_in", "refused"]


def test_opening_the_edit_form_is_logged_as_a_plan_view(client, make):
    manager = make.user("sen_manager", team="North")
    plan = make.plan(team="North", reference="EHCP-EDIT-1")
    login(client, manager)
    assert client.get(f"/plans/{plan.id}/edit").status_code == 200
    entry = db.session.scalar(select(AccessLog).where(AccessLog.action == "view_plan"))
    assert (entry.user_id, entry.object_id, entry.plan_reference) == (
        manager.id,
        plan.id,
        "EHCP-EDIT-1",
    )


def test_renaming_to_another_teams_reference_does_not_confirm_it_and_is_logged(client, make):
    manager = make.user("sen_manager", team="North")
    mine = make.plan(team="North", reference="EHCP-MINE")
    theirs = make.plan(team="South", reference="EHCP-THEIRS")
    login(client, manager)
    form = {
        "csrf_token": csrf_token_from(client, f"/plans/{mine.id}/edit"),
        "reference": "EHCP-THEIRS",
        "kind": "new",
    }
    body = client.post(f"/plans/{mine.id}/edit", data=form).get_data(as_text=True)
    assert "This plan reference cannot be used. Check it and try again." in body
    assert "Another plan already has" not in body
    refusal = db.session.scalar(select(AccessLog).where(AccessLog.action == "refused"))
    assert (refusal.user_id, refusal.object_id, refusal.detail) == (manager.id, theirs.id, "rename")
    db.session.refresh(mine)
    assert mine.reference == "EHCP-MINE"


def test_plans_list_searches_filters_and_shows_status_within_what_the_user_sees(client, make):
    auditor = make.user("auditor")
    analysed = make.plan(reference="EHCP-N-0001", team="North")
    document = PlanDocument(
        plan_id=analysed.id,
        version=1,
        sha256="d" * 64,
        size=10,
        original_name="plan.docx",
        file_type="docx",
    )
    db.session.add(document)
    db.session.flush()
    db.session.add(Analysis(document_id=document.id, analyser_version="1", status="done"))
    waiting = make.plan(reference="EHCP-N-0002", team="North")
    make.audit(waiting, auditor)
    done = make.plan(reference="EHCP-N-0003", team="North")
    make.audit(done, auditor, status="submitted")
    make.plan(reference="EHCP-N-0004", team="North")
    hidden = make.plan(reference="EHCP-S-0001", team="South")
    make.audit(hidden, auditor)
    db.session.commit()

    login(client, make.user("sen_manager", team="North"))
    page = client.get("/plans/").get_data(as_text=True)
    for label in ("Analysed", "Awaiting audit", "Audited", "No document"):
        assert f'<td class="govuk-table__cell">{label}</td>' in page
    assert "EHCP-S-0001" not in page and "South" not in page  # nor offered as a team filter

    found = client.get("/plans/?reference=n-0002").get_data(as_text=True)
    assert "EHCP-N-0002" in found and "EHCP-N-0001" not in found and "1 plan found" in found
    by_status = client.get("/plans/?status=awaiting_audit").get_data(as_text=True)
    assert "EHCP-N-0002" in by_status and "EHCP-N-0003" not in by_status
    assert "EHCP-S-0001" not in by_status
    other_team = client.get("/plans/?team=South&reference=S-0001").get_data(as_text=True)
    assert "EHCP-S-0001" not in other_team and "No plans you can see match" in other_team
    wildcard = client.get("/plans/?reference=%25").get_data(as_text=True)
    assert "No plans you can see match" in wildcard
    assert client.get("/plans/?status=nonsense").status_code == 200
