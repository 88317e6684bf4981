"""Files in the upload folder that no document version records. A file is stored before its
record is committed, so a server stopped between the two (killed, out of memory, power cut), or
a commit that fails, leaves the file behind. It holds a child's plan that retention would never
reach, so it is removed once it is old enough not to belong to an upload still in progress.
Plan versions and advice documents share the folder."""

from __future__ import annotations

import time
from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.files import storage
from qa_audit.models import PlanAdvice, PlanDocument


def remove_orphan_files(older_than: timedelta) -> list[str]:
    """Remove unrecorded files (whole or half-written) last changed before ``older_than``
    ago; returns their paths relative to the upload folder."""
    folder = current_app.config["UPLOAD_FOLDER"]
    recorded = {
        path
        for model in (PlanDocument, PlanAdvice)
        for path in db.session.scalars(
            select(model.stored_path).where(model.stored_path.is_not(None))
        )
    }
    cutoff = time.time() - older_than.total_seconds()
    removed = []
    for relative, modified in storage.stored_files(folder):
        if relative not in recorded and modified <= cutoff:
            storage.remove(folder, relative)
            current_app.logger.info("removed unrecorded upload file %s", relative)
            removed.append(relative)
    return removed
