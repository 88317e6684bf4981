"""Report outputs follow the same visibility rules as the pages (``qa_audit.visibility``):
a double-marked plan is in no report until both markings are submitted, and a SEN manager's
data files list only their team's plans while the figures stay council-wide."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from qa_audit.extensions import db
from qa_audit.models import AccessLog, ReportBuild
from qa_audit.reports.builds import request_build, run_build
from qa_audit.sampling.assignment import assign_sample
from qa_audit.sampling.operations import SampleRequest, create_sample
from tests.factories import login
from tests.moderation.helpers import submit
from tests.reports.demo_term import build_demo_term
from tests.reports.factories import analysis_result

DOWNLOAD = "/reports/download?term=autumn-2025&format={}"


def _csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200, response.status_code
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))


def _references(rows) -> set[str]:
    column = rows[0].index("plan reference")
    return {row[column] for row in rows[1:]}


@pytest.fixture
def double_marked(make):
    """One plan in a random sample, double-marked by an auditor and by a QA lead."""
    plan = make.plan(issue_date=date(2025, 9, 3), reference="EHCP-PAIR-1")
    auditor = make.user("auditor", agency="education")
    lead = make.user("qa_lead", agency="health")
    sample = create_sample(SampleRequest("autumn-2025", percent=100, seed=3), lead)
    audits = assign_sample(sample, [auditor, lead], date(2025, 12, 1), double_mark_share=1.0)
    db.session.commit()
    by_marker = {a.auditor_id: a for a in audits}
    return plan, auditor, lead, by_marker[auditor.id], by_marker[lead.id]


def test_one_marking_of_a_double_marked_plan_is_in_no_report_until_both_are_in(
    client, double_marked
):
    plan, _, lead, auditors_audit, leads_audit = double_marked
    submit(auditors_audit, "requires-improvement")
    login(client, lead)  # the other marker
    rows = _csv_rows(client.get(DOWNLOAD.format("csv")))
    assert plan.reference not in _references(rows) and len(rows) == 1
    workbook = load_workbook(io.BytesIO(client.get(DOWNLOAD.format("xlsx")).data))
    cells = {cell for row in workbook["Plan results"].iter_rows(values_only=True) for cell in row}
    assert plan.reference not in cells and "requires-improvement" not in cells
    page = client.get("/reports/?term=autumn-2025").get_data(as_text=True)
    assert "1 double-marked plan with only one audit submitted so far is left out" in page
    assert "requires-improvement" not in page

    submit(leads_audit, "requires-improvement")
    rows = _csv_rows(client.get(DOWNLOAD.format("csv")))
    assert _references(rows) == {plan.reference}
    assert rows[1][rows[0].index("result basis")] == "double-marked, agreed"


def _sen_manager_world(world, make):
    build_demo_term(world)
    for team in ("North", "South"):
        world.analysis(world.plan(team=team), analysis_result())  # caseload, unaudited
    return make.user("sen_manager", team="North")


def test_a_sen_managers_data_files_list_only_their_teams_plans(client, make, world):
    manager = _sen_manager_world(world, make)
    login(client, manager)
    rows = _csv_rows(client.get(DOWNLOAD.format("csv")))
    team = rows[0].index("team")
    assert len(rows) > 1 and {row[team] for row in rows[1:]} == {"North"}
    workbook = load_workbook(io.BytesIO(client.get(DOWNLOAD.format("xlsx")).data))
    for sheet in ("Plan results", "Caseload"):
        found = list(workbook[sheet].iter_rows(values_only=True))
        column = found[0].index("team")
        assert len(found) > 1 and {row[column] for row in found[1:]} == {"North"}, sheet
    page = client.get("/reports/?term=autumn-2025").get_data(as_text=True)
    assert "South" in page and "Post-16" in page  # the figures stay council-wide

    lead = client.application.test_client()
    login(lead, make.user("qa_lead"))
    all_rows = _csv_rows(lead.get(DOWNLOAD.format("csv")))
    assert {row[team] for row in all_rows[1:]} == {"North", "South", "Post-16"}


def test_a_background_build_holds_its_requesters_rows_and_is_theirs_alone(app, make, world):
    manager = _sen_manager_world(world, make)
    app.config.update(REPORT_BACKGROUND_ABOVE=0, ANALYSIS_QUEUE="inline")
    lead = make.user("qa_lead")
    leads = request_build("autumn-2025", "csv", lead)
    managers = request_build("autumn-2025", "csv", manager)
    assert managers.id != leads.id  # not shared, even while the other is waiting
    for build in (leads, managers):
        if build.status == "queued":
            run_build(build.id)
    client = app.test_client()
    login(client, manager)
    with client.get(f"/reports/builds/{managers.id}/file") as response:
        rows = _csv_rows(response)
    assert {row[rows[0].index("team")] for row in rows[1:]} == {"North"}
    assert client.get(f"/reports/builds/{leads.id}").status_code == 404
    assert client.get(f"/reports/builds/{leads.id}/file").status_code == 404
    refused = db.session.query(AccessLog).filter_by(action="refused").all()
    assert [(r.user_id, r.object_type, r.object_id) for r in refused] == [
        (manager.id, "build", leads.id)
    ] * 2
    assert db.session.get(ReportBuild, leads.id).status == "done"
