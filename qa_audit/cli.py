"""The ``qa-audit`` command: Flask's commands (run, routes, db ...) plus the project's own.

A command that fails answers in one plain sentence with exit status 1, never a traceback:
domain errors say what is wrong, a database with no tables says to run ``qa-audit db upgrade``,
an unreachable database says to check ``DATABASE_URL``. Anything else names only the kind of
error (its details may hold plan text); ``LOG_LEVEL=DEBUG`` logs the traceback.
"""

from __future__ import annotations

import logging

import click
from flask.cli import FlaskGroup
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError

from qa_audit.app import create_app
from qa_audit.errors import QaAuditError

log = logging.getLogger(__name__)
NOT_MIGRATED = ("no such table", "does not exist", "undefinedtable")


def plain_message(error: Exception) -> str:
    """One sentence saying why a command failed."""
    if isinstance(error, QaAuditError):
        return str(error)
    if isinstance(error, OperationalError | ProgrammingError) and any(
        marker in str(error.orig).lower() or marker in type(error.orig).__name__.lower()
        for marker in NOT_MIGRATED
    ):
        return "The database has not been set up yet: run 'qa-audit db upgrade' first."
    if isinstance(error, DBAPIError):
        return (
            "The database could not be used: check DATABASE_URL and that the database server "
            "is running."
        )
    if isinstance(error, OSError) and error.filename:
        return f"{error.strerror or 'Cannot use the file'}: {error.filename}."
    return f"The command stopped on an unexpected error ({type(error).__name__})."


class Commands(FlaskGroup):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as error:
            log.debug("command failed", exc_info=True)
            raise click.ClickException(plain_message(error)) from error


main = Commands(create_app=lambda: create_app(), help="Quality assurance of EHC plans.")
