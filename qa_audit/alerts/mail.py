"""E-mailing new alerts when SMTP is set up (``SMTP_HOST``).

A message says which rule fired, how much and when, and links to the alert's page: it names
no person, no child and no plan, since e-mail leaves the service."""

from __future__ import annotations

import smtplib
from collections.abc import Mapping
from email.message import EmailMessage

from flask import current_app, url_for
from sqlalchemy import select

from qa_audit.alerts.checking import RULE_TITLES
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import Alert, User
from qa_audit.models._base import as_utc, utcnow
from qa_audit.unit_of_work import unit_of_work
from qa_audit.web.local_time import DISPLAY_ZONE

SMTP_TIMEOUT = 30  # seconds


def check_mail_settings(config: Mapping) -> None:
    """Refuse at start-up an SMTP set-up that could not send a useful message."""
    if not config["SMTP_HOST"]:
        return
    missing = [name for name in ("MAIL_FROM", "SERVICE_URL") if not config[name]]
    if missing:
        raise QaAuditError(
            f"SMTP_HOST is set, so alerts are e-mailed, but {' and '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} not: set "
            f"{'it' if len(missing) == 1 else 'them'} too (README: Alerts)."
        )
    if not config["SERVICE_URL"].startswith(("https://", "http://")):
        raise QaAuditError("SERVICE_URL must start with https:// (the address people use).")


def mail_configured() -> bool:
    return bool(current_app.config["SMTP_HOST"])


def recipients() -> list[str]:
    configured = current_app.config["ALERT_EMAIL_TO"]
    if configured:
        return [address.strip() for address in configured.split(",") if address.strip()]
    query = select(User.email).where(User.role == "admin", User.active.is_(True))
    return list(db.session.scalars(query.order_by(User.email)))


def send_pending_alerts() -> int:
    """E-mail each alert not yet sent nor acknowledged, each marked sent in a unit of its own
    (one that fails is tried again at the next check); returns how many were sent. Raises a
    QaAuditError saying why when the mail server refuses or cannot be reached."""
    pending = db.session.scalars(
        select(Alert)
        .where(Alert.emailed_at.is_(None), Alert.acknowledged_at.is_(None))
        .order_by(Alert.id)
    ).all()
    to = recipients()
    if not pending or not to:
        return 0
    config = current_app.config
    try:
        with smtplib.SMTP(config["SMTP_HOST"], config["SMTP_PORT"], timeout=SMTP_TIMEOUT) as smtp:
            if config["SMTP_STARTTLS"]:
                smtp.starttls()
            if config["SMTP_USERNAME"]:
                smtp.login(config["SMTP_USERNAME"], config["SMTP_PASSWORD"])
            for alert in pending:
                smtp.send_message(message(alert, to))
                with unit_of_work():
                    alert.emailed_at = utcnow()
    except (smtplib.SMTPException, OSError) as error:
        raise QaAuditError(
            f"An alert could not be e-mailed through {config['SMTP_HOST']}:"
            f"{config['SMTP_PORT']} ({type(error).__name__}: {error}); it stays on the "
            "alerts page and is sent at the next check."
        ) from error
    return len(pending)


def message(alert: Alert, to: list[str]) -> EmailMessage:
    title = RULE_TITLES[alert.rule]
    first = as_utc(alert.first_at).astimezone(DISPLAY_ZONE)
    last = as_utc(alert.last_at).astimezone(DISPLAY_ZONE)
    when = f"{first:%-d %B %Y}, {first:%H:%M}"
    if last > first:
        when += f" to {last:%H:%M}" if last.date() == first.date() else f" to {last:%-d %B %H:%M}"
    email = EmailMessage()
    email["Subject"] = f"Alert: {title}"
    email["From"] = current_app.config["MAIL_FROM"]
    email["To"] = ", ".join(to)
    email.set_content(
        f"The EHCP quality assurance service raised an alert.\n\n"
        f"What: {title}\n"
        f"Detail: {alert.summary}\n"
        f"When: {when} (UK time)\n\n"
        f"See the alert, and the access-log entries behind it, and acknowledge it:\n"
        f"{alert_link(alert.id)}\n\n"
        "This message names no one: the alert page does, for administrators.\n"
    )
    return email


def alert_link(alert_id: int) -> str:
    with current_app.test_request_context(base_url=current_app.config["SERVICE_URL"]):
        return url_for("alerts.show", alert_id=alert_id, _external=True)
