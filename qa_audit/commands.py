"""Registers the project's command-line commands on the app."""

from __future__ import annotations

import click
from flask import Flask

from qa_audit.admin.account_events import record_creation
from qa_audit.auth import accounts
from qa_audit.errors import QaAuditError
from qa_audit.models.user import ROLES
from qa_audit.unit_of_work import unit_of_work


@click.command("create-user")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", type=click.Choice(ROLES), default="admin", show_default=True)
@click.option("--team", default=None)
@click.option("--agency", type=click.Choice(["education", "health", "social_care"]), default=None)
@click.password_option(help="At least 12 characters; asked for when not given.")
def create_user_command(email, name, role, team, agency, password):
    """Create an account (use it for the first administrator)."""
    try:
        with unit_of_work():
            user = accounts.create_user(
                email=email, name=name, role=role, password=password, team=team, agency=agency
            )
            record_creation(user)  # by no one signed in: the access log shows "system"
    except QaAuditError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Created {user.role} account for {user.email}.")


@click.command("demo")
def demo_command():
    """Bring the database schema up to date, then load demonstration data (once; safe to run
    again)."""
    from flask_migrate import upgrade

    from qa_audit.demo.caseload import load_demo

    upgrade()

    created, logins = load_demo()
    if created:
        click.echo("Loaded demonstration data.")
    else:
        click.echo("Demonstration data already loaded.")
    click.echo("Demo logins (password for all: {}):".format(logins["password"]))
    for role, email in logins["accounts"]:
        click.echo(f"  {role:<12} {email}")


def register(app: Flask) -> None:
    from qa_audit.advice.cli import advice_import_command
    from qa_audit.alerts.cli import alerts_group
    from qa_audit.analysis.cli import analyse_command, analyse_pending_command, worker_command
    from qa_audit.datacare.cli import (
        backup_command,
        purge_documents_command,
        record_backup_command,
        remove_orphan_files_command,
        restore_command,
    )
    from qa_audit.matrix.cli import matrix_group
    from qa_audit.nlp.cli import check_outcomes, eval_command
    from qa_audit.nlp.trace_cli import trace_command
    from qa_audit.reports.cli import report_command
    from qa_audit.timeliness.cli import caseload_group, kpis_command
    from qa_audit.uploads.cli import import_command, reread_command

    for command in (
        create_user_command,
        alerts_group,
        demo_command,
        matrix_group,
        import_command,
        reread_command,
        report_command,
        caseload_group,
        kpis_command,
        analyse_command,
        analyse_pending_command,
        worker_command,
        check_outcomes,
        eval_command,
        trace_command,
        advice_import_command,
        backup_command,
        record_backup_command,
        restore_command,
        purge_documents_command,
        remove_orphan_files_command,
    ):
        app.cli.add_command(command)
