"""Alerts e-mailed through a real SMTP server (aiosmtpd) that the tests start on loopback."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import Alert, BackupRecord
from tests.alerts.helpers import entry

USER, PASSWORD = "qa-audit", "mail-password"


@dataclass
class Mailbox:
    received: list = field(default_factory=list)
    logins: list = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and (
            auth_data.login.decode(),
            auth_data.password.decode(),
        ) == (USER, PASSWORD)
        self.logins.append(ok)
        return AuthResult(success=ok, handled=False)  # the server answers 235 or 535


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(
        mailbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=mailbox.authenticate,
        auth_require_tls=False,  # loopback only; production mail goes over STARTTLS
    )
    controller.start()
    yield mailbox, port
    controller.stop()


def mail_settings(port: int, **extra) -> dict:
    return {
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": port,
        "SMTP_STARTTLS": False,
        "MAIL_FROM": "qa-audit@council.example",
        "SERVICE_URL": "https://qa.council.example",
        **extra,
    }


def overdue_and_failing(make):
    """Five failed sign-ins to a named account, a plan opened, a backup three days old."""
    target = make.user("qa_lead", name="Dana Example", email="dana@council.example")
    plan = make.plan(reference="EHCP-SECRET-REF")
    now = datetime.now(UTC)
    for n in range(5):
        entry(now - timedelta(minutes=5 - n), "sign_in_failed", "account", target.id)
    entry(now, "view_plan", "plan", plan.id, target, plan.reference)
    db.session.add(
        BackupRecord(at=now - timedelta(days=3), location="/b", succeeded=True, size_bytes=1)
    )
    db.session.commit()
    return target


def run_check(extra_app, **settings):
    app = extra_app(**settings)
    with app.app_context():
        return app.test_cli_runner().invoke(args=["alerts", "check"])


def test_new_alerts_are_emailed_once_to_the_administrators(make, extra_app, smtp_server):
    mailbox, port = smtp_server
    admin = make.user("admin", email="it-admin@council.example")
    gone = make.user("admin", email="old-admin@council.example")
    gone.active = False
    db.session.commit()
    overdue_and_failing(make)
    result = run_check(extra_app, **mail_settings(port))
    assert result.exit_code == 0, result.output
    assert "2 alert(s) raised" in result.output and "E-mailed 2 alert(s)." in result.output
    assert len(mailbox.received) == 2
    subjects = sorted(message["Subject"] for _, _, message in mailbox.received)
    assert subjects == ["Alert: No recent backup", "Alert: Repeated failed sign-ins to one account"]
    sender, recipients, message = next(m for m in mailbox.received if "sign-ins" in m[2]["Subject"])
    assert sender == "qa-audit@council.example" and recipients == [admin.email]
    body = message.get_content()
    alert = db.session.scalar(select(Alert).where(Alert.rule == "failed_sign_ins"))
    assert f"https://qa.council.example/admin/alerts/{alert.id}" in body.splitlines()
    assert "Detail: 5 failed sign-ins" in body and "(UK time)" in body
    for private in ("Dana", "dana@", "EHCP-SECRET-REF"):
        assert all(private not in m.as_string() for _, _, m in mailbox.received), private
    assert alert.emailed_at is not None

    again = run_check(extra_app, **mail_settings(port))
    assert "E-mailed 0 alert(s)." in again.output and len(mailbox.received) == 2


def test_a_server_that_asks_for_a_login_gets_one(make, extra_app, smtp_server):
    mailbox, port = smtp_server
    make.user("admin")
    overdue_and_failing(make)
    settings = mail_settings(port, ALERT_EMAIL_TO="security@council.example, it@council.example")
    wrong = run_check(extra_app, **settings, SMTP_USERNAME=USER, SMTP_PASSWORD="wrong")
    assert wrong.exit_code == 1 and "could not be e-mailed through 127.0.0.1" in wrong.output
    assert "Traceback" not in wrong.output and mailbox.received == []
    right = run_check(extra_app, **settings, SMTP_USERNAME=USER, SMTP_PASSWORD=PASSWORD)
    assert right.exit_code == 0, right.output
    assert mailbox.logins[-1] and not any(mailbox.logins[:-1])  # smtplib tries two ways
    assert {tuple(to) for _, to, _ in mailbox.received} == {
        ("security@council.example", "it@council.example")
    }


def test_an_unreachable_mail_server_keeps_the_alert_for_the_next_check(
    make, extra_app, smtp_server
):
    mailbox, port = smtp_server
    make.user("admin")
    overdue_and_failing(make)
    down = run_check(extra_app, **mail_settings(free_port()))
    assert down.exit_code == 1
    assert "it stays on the alerts page and is sent at the next check" in down.output
    assert db.session.scalars(select(Alert.emailed_at)).all() == [None, None]
    up = run_check(extra_app, **mail_settings(port))
    assert "0 alert(s) raised" in up.output and "E-mailed 2 alert(s)." in up.output
    assert len(mailbox.received) == 2
