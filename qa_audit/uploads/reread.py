"""Read stored plan documents again with the current parser.

A release that reads documents better (a table layout it used to miss, a need link it used to
guess) only helps documents uploaded after it, unless the stored ones are read again. The
original file is kept for that (until ``purge-documents`` removes it); what was read from it
is replaced only when the new reading differs, and a file the parser now refuses keeps its old
reading. Plan details (reference, team, dates) are never changed here: people may have
corrected them since.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import select, update

from qa_audit.documents import read_plan
from qa_audit.errors import BadDocument
from qa_audit.extensions import db
from qa_audit.files import storage
from qa_audit.files.incoming import document_limits
from qa_audit.models import PlanDocument
from qa_audit.unit_of_work import unit_of_work


@dataclass
class Rereading:
    changed: list[int] = field(default_factory=list)  # document ids
    unchanged: int = 0
    refused: dict[int, str] = field(default_factory=dict)  # document id -> why
    without_file: int = 0

    def summary(self) -> str:
        return (
            f"{len(self.changed)} changed, {self.unchanged} unchanged, "
            f"{len(self.refused)} refused (kept as they were), "
            f"{self.without_file} without a stored file (purged)"
        )


def reread_documents() -> Rereading:
    """Read every stored document version again; commit each change as it is made (a unit of
    work per document).

    Column queries and UPDATEs rather than loaded objects, so that one document's text at a
    time is held in memory, however many there are."""
    outcome = Rereading()
    folder = current_app.config["UPLOAD_FOLDER"]
    for document_id in db.session.scalars(select(PlanDocument.id).order_by(PlanDocument.id)):
        stored_path, name, old = db.session.execute(
            select(PlanDocument.stored_path, PlanDocument.original_name, PlanDocument.parsed).where(
                PlanDocument.id == document_id
            )
        ).one()
        if stored_path is None:
            outcome.without_file += 1
            continue
        try:
            data = storage.load_path(folder, stored_path).read_bytes()
            parsed = read_plan(data, name, document_limits()).to_dict()
        except OSError as error:
            outcome.refused[document_id] = f"The stored file cannot be read: {error.strerror}"
            continue
        except BadDocument as error:
            outcome.refused[document_id] = str(error)
            continue
        if parsed == old:
            outcome.unchanged += 1
            continue
        with unit_of_work():
            db.session.execute(
                update(PlanDocument).where(PlanDocument.id == document_id).values(parsed=parsed)
            )
        outcome.changed.append(document_id)
    return outcome
