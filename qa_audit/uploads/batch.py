"""Import many documents, one unit of work per file (:mod:`qa_audit.unit_of_work`): a bad file
is reported and skipped, and each file is recorded as soon as it is stored."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from flask import current_app

from qa_audit.extensions import db
from qa_audit.files.incoming import safe_filename
from qa_audit.models import User
from qa_audit.unit_of_work import unit_of_work
from qa_audit.uploads.importing import ImportResult, import_document, log_refusal
from qa_audit.uploads.metadata import PlanMetadata


def import_batch(
    files: Iterable[tuple[str, bytes]],
    metadata: dict[str, PlanMetadata],
    *,
    user: User | None,
    progress: Callable[[ImportResult], None] | None = None,
) -> list[ImportResult]:
    results = []
    for filename, data in files:
        details = metadata.get(safe_filename(filename))
        try:
            with unit_of_work():
                result = import_document(data, filename, user=user, metadata=details)
                if result.status == "failed":
                    db.session.rollback()
                    log_refusal(result)
        except Exception:
            current_app.logger.exception("import failed unexpectedly")
            result = ImportResult(
                safe_filename(filename),
                "failed",
                "The file could not be imported because of a problem in the service. "
                "Nothing was stored for it.",
            )
        results.append(result)
        if progress:
            progress(result)
    return results
