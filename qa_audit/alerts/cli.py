"""``qa-audit alerts check``: apply the alert rules and e-mail new alerts; run it every few
minutes (cron, a systemd timer)."""

from __future__ import annotations

from datetime import timedelta

import click
from flask.cli import with_appcontext

from qa_audit.alerts.checking import LOOKBACK, RULE_TITLES, check_alerts
from qa_audit.alerts.mail import mail_configured, send_pending_alerts
from qa_audit.alerts.rules import current_rules
from qa_audit.errors import QaAuditError
from qa_audit.models._base import utcnow
from qa_audit.unit_of_work import unit_of_work


@click.group("alerts")
def alerts_group() -> None:
    """Alerts on unusual activity."""


@alerts_group.command("check")
@click.option(
    "--hours",
    type=click.IntRange(min=1),
    default=int(LOOKBACK.total_seconds() // 3600),
    show_default=True,
    help="How far back in the access log to look.",
)
@with_appcontext
def check_command(hours: int) -> None:
    """Apply the alert rules to the access log and the backup record; store each new alert
    once, and e-mail it when SMTP is set up."""
    with unit_of_work():
        new = check_alerts(current_rules(), utcnow(), timedelta(hours=hours))
        found = [(alert.rule, alert.summary) for alert in new]
    for rule, summary in found:
        click.echo(f"Alert raised: {RULE_TITLES[rule]}: {summary}.")
    click.echo(f"{len(found)} alert(s) raised (new, or going on after acknowledged).")
    if not mail_configured():
        return
    try:
        sent = send_pending_alerts()
    except QaAuditError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"E-mailed {sent} alert(s).")
