"""Auditor, SEN manager and administrator homes: what each needs first, and nothing of anyone
else's."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from qa_audit.extensions import db
from qa_audit.feedback.views import NOT_READY
from qa_audit.models import Alert, BackupRecord, SampleMember
from qa_audit.moderation.operations import record_moderation
from qa_audit.moderation.pairs import pair_for
from tests.factories import login
from tests.home.world import (
    TODAY,
    YESTERDAY,
    count_statements,
    follow_up,
    member,
    sample,
    submit,
    upload,
)
from tests.moderation.helpers import default_matrix

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


NOW = datetime.now(UTC)


def text(response) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.get_data(as_text=True))


def test_auditor_sees_drafts_first_then_audits_due_with_dates(client, make):
    auditor = make.user("auditor")
    other = make.user("auditor")
    drawn = sample()
    later, soon, overdue_draft, draft, done, not_mine = (
        make.plan(reference=f"EHCP-A-{n}") for n in range(6)
    )
    for plan in (later, soon, overdue_draft, draft, done, not_mine):
        member(drawn, plan)
    make.audit(later, auditor, sample_id=drawn.id, due_on=TODAY + timedelta(days=30))
    make.audit(soon, auditor, sample_id=drawn.id, due_on=TODAY + timedelta(days=3))
    make.audit(overdue_draft, auditor, sample_id=drawn.id, due_on=YESTERDAY, status="draft")
    make.audit(
        draft, auditor, sample_id=drawn.id, due_on=TODAY + timedelta(days=20), status="draft"
    )
    submit(make.audit(done, auditor, sample_id=drawn.id))
    make.audit(not_mine, other, sample_id=drawn.id, due_on=YESTERDAY)
    login(client, auditor)
    page = text(client.get("/"))
    assert "4 audits to do, 2 in draft, 1 overdue. 1 submitted." in page
    table = page[page.index('id="audits-due"') :]
    order = [table.index(f"EHCP-A-{n}<") for n in (2, 3, 1, 0)]
    assert order == sorted(order), "drafts first, then earliest due"
    assert "EHCP-A-4<" not in table  # submitted
    assert "EHCP-A-5" not in page  # another auditor's
    assert (
        YESTERDAY.strftime("%-d %B %Y") + ' <strong class="govuk-tag govuk-tag--red">Overdue'
    ) in page
    assert re.search(r'class="govuk-button"[^>]*>\s*Continue plan EHCP-A-2\s*<', page)


def test_auditor_with_nothing_assigned_is_told_who_assigns(client, make):
    login(client, make.user("auditor"))
    assert "No audits are assigned to you yet." in text(client.get("/"))


def team_world(make):
    manager = make.user("sen_manager", team="North")
    auditor = make.user("auditor")
    north = [make.plan(team="North", reference=f"EHCP-N-{n}") for n in range(4)]
    south = [make.plan(team="South", reference=f"EHCP-S-{n}") for n in range(2)]
    upload(north[0], "failed")
    upload(north[1], "queued")
    upload(north[2], "done")
    upload(south[0], "failed")
    now = datetime.now(UTC)
    north_audit = make.audit(north[3], auditor)
    submit(north_audit, when=now)
    south_audit = make.audit(south[1], auditor)
    submit(south_audit, when=now)
    last_year = make.audit(north[2], auditor)
    submit(last_year, when=now - timedelta(days=400))
    follow_up(north_audit, TODAY + timedelta(days=7), owner=manager)
    follow_up(north_audit, YESTERDAY, kind="training")
    follow_up(south_audit, TODAY + timedelta(days=7))
    return manager, north_audit, south_audit


def test_sen_manager_sees_their_teams_uploads_feedback_and_follow_ups_only(client, make):
    manager, north_audit, south_audit = team_world(make)
    login(client, manager)
    page = text(client.get("/"))
    uploads = page[page.index('id="uploads"') : page.index("Feedback sheets this term")]
    assert "EHCP-N-0" in uploads and "Analysis failed" in uploads
    assert "EHCP-N-1" in uploads and "Being analysed" in uploads
    assert "EHCP-N-2" not in uploads  # analysed
    assert "1 feedback sheet from audits in" in page
    assert f'href="/audits/{north_audit.id}/feedback"' in page
    follow_ups = page[page.index('id="follow-ups"') :]
    assert "EHCP-N-3" in follow_ups and "Amend the plan" in follow_ups
    overdue = 'Training</td> <td class="govuk-table__cell">' + YESTERDAY.strftime("%-d %B %Y")
    assert overdue + ' <strong class="govuk-tag govuk-tag--red">Overdue' in follow_ups
    assert "EHCP-S" not in page  # nothing of another team leaks
    assert f"/audits/{south_audit.id}/" not in page


def double_marked(make, drawn, reference: str, grades: tuple[str | None, str | None]):
    """A North plan in ``drawn`` marked by two auditors, each submitting the grade given
    (None: not submitted yet); returns its sample member."""
    plan = make.plan(team="North", reference=reference)
    row = member(drawn, plan, double_marked=True)
    for agency, grade in zip(("education", "health"), grades, strict=True):
        audit = make.audit(plan, make.user("auditor", agency=agency), sample_id=drawn.id)
        if grade is not None:
            submit(audit, grade)
    return row


def moderate(row: SampleMember, lead) -> None:
    grades = {c.id: "good" for c in default_matrix().criteria} | {"overall": "good"}
    record_moderation(pair_for(row), lead, grades, "Most outcomes are SMART.")
    db.session.commit()


def feedback_links(client) -> list[str]:
    page = text(client.get("/"))
    listed = page[page.index('id="feedback"') : page.index('id="follow-ups"')]
    return re.findall(r'href="(/audits/\d+/feedback)"', listed)


def test_double_marked_plan_is_listed_once_its_moderation_is_decided(client, make):
    manager = make.user("sen_manager", team="North")
    lead = make.user("qa_lead")
    drawn = sample()
    disagreed = double_marked(make, drawn, "EHCP-D-0", ("good", "outstanding"))
    half = double_marked(make, drawn, "EHCP-D-1", ("good", None))
    agreed = double_marked(make, drawn, "EHCP-D-2", ("good", "good"))
    login(client, manager)
    assert feedback_links(client) == [f"/audits/{pair_for(agreed).first.id}/feedback"]
    assert "1 feedback sheet from audits in" in text(client.get("/"))

    moderate(disagreed, lead)
    links = feedback_links(client)
    assert sorted(links) == sorted(
        f"/audits/{pair_for(row).first.id}/feedback" for row in (disagreed, agreed)
    )
    assert f"/audits/{pair_for(half).first.id}/" not in text(client.get("/"))
    for link in links:  # every sheet listed opens, none "not ready yet"
        assert NOT_READY not in text(client.get(link))


def test_admin_sees_accounts_open_alerts_and_that_no_backup_is_recorded(client, make):
    admin = make.user("admin")
    make.user("auditor")
    gone = make.user("sen_manager")
    gone.active = False
    db.session.add(Alert(rule="failed_sign_ins", first_at=NOW, last_at=NOW, count=5, summary="x"))
    db.session.commit()
    login(client, admin)
    page = text(client.get("/"))
    assert "No backup has been recorded" in page
    assert "qa-audit backup" in page and "qa-audit record-backup" in page
    assert re.search(r"Auditor</th> <td class=\"govuk-table__cell\">1</td>", page)
    assert "2 active accounts, 1 deactivated." in page
    assert "1 active account has never signed in." in page
    alerts = page[page.index('id="alerts"') :]
    assert "1</strong> open alert to review." in alerts and 'href="/admin/alerts/"' in alerts


def test_admin_sees_the_last_backup_its_age_and_a_warning_when_it_is_old(client, make):
    admin = make.user("admin")
    db.session.add_all(
        [
            BackupRecord(
                at=NOW - timedelta(hours=30), location="/b/old", size_bytes=1, succeeded=True
            ),
            BackupRecord(
                at=NOW - timedelta(hours=5),
                location="/b/new.sqlite3",
                size_bytes=2_500_000,
                succeeded=True,
            ),
        ]
    )
    db.session.commit()
    login(client, admin)
    backups = text(client.get("/")).split('id="backups"')[1]
    assert "Last backup:" in backups and "5 hours ago, 2.5 MB, to <code>/b/new.sqlite3" in backups
    assert "Warning" not in backups and "No open alerts" in text(client.get("/"))

    failed = BackupRecord(
        at=NOW - timedelta(hours=1), location="/b/x", succeeded=False, problem="disk full"
    )
    db.session.add(failed)
    db.session.commit()
    backups = text(client.get("/")).split('id="backups"')[1]
    assert "5 hours ago" in backups  # the last good one still
    assert "The latest backup" in backups and "failed: disk full" in backups

    db.session.delete(failed)
    db.session.query(BackupRecord).filter_by(location="/b/new.sqlite3").delete()
    db.session.commit()
    backups = text(client.get("/")).split('id="backups"')[1]
    assert "30 hours ago" in backups
    assert "The last backup is more than 26 hours old." in backups  # matrix/alerts/rules.toml


def test_a_bigger_team_takes_no_more_queries(client, make):
    manager = make.user("sen_manager", team="North")
    auditor = make.user("auditor")

    def add_plans(count: int) -> None:
        for index in range(count):
            plan = make.plan(team="North")
            upload(plan, ("failed", "queued", None)[index % 3])
            audit = make.audit(plan, auditor)
            submit(audit)
            follow_up(audit, YESTERDAY)

    add_plans(3)
    login(client, manager)
    client.get("/")
    small = count_statements(client)
    add_plans(30)
    assert count_statements(client) == small


def test_more_double_marked_plans_take_no_more_queries(client, make):
    manager = make.user("sen_manager", team="North")
    lead = make.user("qa_lead")
    drawn = sample()

    def add_plans(count: int) -> None:
        for index in range(count):
            marks = (("good", "outstanding"), ("good", "good"), ("good", None))[index % 3]
            row = double_marked(make, drawn, f"EHCP-Q-{drawn.id}-{index}-{count}", marks)
            if index % 6 == 0:
                moderate(row, lead)

    add_plans(6)
    login(client, manager)
    small = count_statements(client)
    assert len(feedback_links(client)) == 3  # two agreed, one moderated
    add_plans(30)
    assert count_statements(client) == small
    assert len(feedback_links(client)) == 3 + 15


def test_the_menu_calls_the_home_page_home(client, make):
    login(client, make.user("auditor"))
    page = text(client.get("/"))
    assert re.search(r'href="/"[^>]*>(?:\s*<[^>]+>)*\s*Home\b', page)
    assert "Dashboard</a>" not in page
