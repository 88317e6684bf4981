"""The load test's own database: migrated, with auditors each assigned one plan (a generated
document, parsed and pre-flagged as an upload is) and SEN managers to upload more."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_migrate import upgrade

from qa_audit.app import create_app
from qa_audit.audits.operations import assign_audit
from qa_audit.extensions import db
from qa_audit.matrix.model import Matrix
from qa_audit.matrix.versions import active_matrix_version
from qa_audit.synthetic import LAYOUTS
from tests.factories import PASSWORD, Factory

TEAM = "North"
DUE = date(2026, 3, 31)


@dataclass(frozen=True)
class Cast:
    """Who the simulated users sign in as, and what they work on."""

    password: str
    auditors: list[tuple[str, int]]  # (email, id of the audit assigned to them)
    managers: list[str]
    matrix: Matrix  # the active matrix the audits are scored against


def seed(database_url: str, upload_folder: str, *, auditors: int, managers: int) -> Cast:
    """Build the schema with the committed migrations and add the cast."""
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "UPLOAD_FOLDER": upload_folder,
            "SECRET_KEY": "seeding-only",
            "ANALYSIS_QUEUE": "inline",
        }
    )
    with app.app_context():
        upgrade()
        _, matrix = active_matrix_version()
        db.session.commit()
        make = Factory()
        assigned = []
        for number in range(auditors):
            auditor = make.user("auditor")
            plan = make.plan(team=TEAM)
            layout = LAYOUTS[number % len(LAYOUTS)]
            make.document(
                plan, seed=number, layout=layout, fmt="pdf" if number % 4 == 3 else "docx"
            )
            audit = assign_audit(plan, auditor, DUE)
            db.session.commit()
            assigned.append((auditor.email, audit.id))
        uploaders = [make.user("sen_manager", team=TEAM).email for _ in range(managers)]
        db.session.remove()
        db.engine.dispose()
    return Cast(PASSWORD, assigned, uploaders, matrix)
