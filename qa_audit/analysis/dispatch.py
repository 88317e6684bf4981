"""Analysis jobs, handed to the background (:mod:`qa_audit.background`), never run inside the
upload request."""

from __future__ import annotations

from collections.abc import Iterable

from qa_audit.analysis.stored import analysis_for
from qa_audit.background import run_in_background
from qa_audit.models._base import utcnow
from qa_audit.unit_of_work import after_commit


def enqueue_analysis(document_ids: Iterable[int]) -> None:
    """Mark each document ``queued`` and hand it on once that is committed with the upload
    (:func:`~qa_audit.unit_of_work.after_commit`), so a restart can resume it.

    With Redis unreachable the upload still stands: the documents stay ``queued``, which
    ``qa-audit analyse-pending`` works through."""
    ids = list(document_ids)
    for document_id in ids:
        analysis = analysis_for(document_id)
        analysis.status, analysis.requested_at = "queued", utcnow()
    after_commit(
        lambda: run_in_background("qa_audit.analysis.runner.analyse_document", ids, "analysis")
    )
