"""Alerts through the app: the command that raises them, the page that lists them, and their
acknowledgement, on both databases; administrators only, every look logged."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import AccessLog, Alert, BackupRecord
from tests.alerts.helpers import entry
from tests.factories import csrf_token_from, login


def page_text(response) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.get_data(as_text=True))


def failed_sign_ins(account, count: int) -> None:
    now = datetime.now(UTC)
    for n in range(count):
        entry(now - timedelta(minutes=count - n), "sign_in_failed", "account", account.id)


def recent_backup() -> None:
    db.session.add(BackupRecord(at=datetime.now(UTC), location="/b", succeeded=True))
    db.session.commit()


def test_the_check_command_raises_each_alert_once(runner, make):
    target = make.user("auditor")
    recent_backup()
    failed_sign_ins(target, 4)
    result = runner.invoke(args=["alerts", "check"])
    assert result.exit_code == 0, result.output
    assert "0 alert(s) raised" in result.output  # the shipped rule wants five
    failed_sign_ins(target, 1)
    result = runner.invoke(args=["alerts", "check"])
    assert "Alert raised: Repeated failed sign-ins to one account: 5 failed sign-ins." in (
        result.output
    )
    assert "E-mailed" not in result.output  # no SMTP set up
    again = runner.invoke(args=["alerts", "check"])
    assert "0 alert(s) raised" in again.output
    assert len(db.session.scalars(select(Alert)).all()) == 1


def test_an_administrator_sees_opens_and_acknowledges_an_alert(client, make, runner):
    admin, target = make.user("admin"), make.user("auditor")
    recent_backup()
    failed_sign_ins(target, 5)
    assert runner.invoke(args=["alerts", "check"]).exit_code == 0
    alert = db.session.scalar(select(Alert))
    login(client, admin)
    assert "1</strong> open alert to review." in page_text(client.get("/"))

    listing = page_text(client.get("/admin/alerts/"))
    open_part = listing[listing.index('id="open-alerts"') : listing.index('id="acknowledged')]
    assert "Open alerts (1)" in open_part and target.email in open_part
    assert f'href="/admin/alerts/{alert.id}">Repeated failed sign-ins' in open_part

    shown = page_text(client.get(f"/admin/alerts/{alert.id}"))
    assert "5 failed sign-ins" in shown and "Account signed in to" in shown
    assert "/admin/access-log/?action=sign_in_failed&amp;since=" in shown
    token = csrf_token_from(client, f"/admin/alerts/{alert.id}")
    done = client.post(f"/admin/alerts/{alert.id}", data={"csrf_token": token})
    assert done.status_code == 302 and done.headers["Location"] == "/admin/alerts/"
    listing = page_text(client.get("/admin/alerts/"))
    assert "Alert acknowledged." in listing and "Open alerts (0)" in listing
    db.session.expire_all()
    assert alert.acknowledged_by_id == admin.id and alert.acknowledged_at is not None
    assert "No open alerts." in page_text(client.get("/"))
    shown = page_text(client.get(f"/admin/alerts/{alert.id}"))
    assert f"by {admin.email}" in shown and "Acknowledge</button>" not in shown

    logged = db.session.scalars(
        select(AccessLog.action).where(
            AccessLog.user_id == admin.id, AccessLog.object_type == "alert"
        )
    ).all()
    assert logged.count("view_alerts") == 2 and "acknowledge_alert" in logged
    assert logged.count("view_alert") == 3  # the token was read from the page too


def test_an_acknowledgement_without_its_token_changes_nothing(client, make):
    admin = make.user("admin")
    now = datetime.now(UTC)
    alert = Alert(rule="no_recent_backup", first_at=now, last_at=now, count=1, summary="x")
    db.session.add(alert)
    db.session.commit()
    login(client, admin)
    assert client.post(f"/admin/alerts/{alert.id}").status_code == 400
    assert client.get("/admin/alerts/999999").status_code == 404
    db.session.expire_all()
    assert alert.acknowledged_at is None


def test_the_alert_links_to_the_persons_access_log_entries(client, make):
    admin, reader = make.user("admin"), make.user("qa_lead")
    now = datetime.now(UTC)
    alert = Alert(
        rule="many_plans_viewed",
        user_id=reader.id,
        first_at=now,
        last_at=now,
        count=30,
        summary="30 different plans opened",
    )
    db.session.add(alert)
    db.session.commit()
    login(client, admin)
    shown = page_text(client.get(f"/admin/alerts/{alert.id}"))
    link = re.search(r'href="([^"]+)" id="log-link"', shown)[1].replace("&amp;", "&")
    assert f"user_id={reader.id}" in link
    assert f"since={now.day}&since={now.month}&since={now.year}" in link
    assert client.get(link).status_code == 200
