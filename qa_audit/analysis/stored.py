"""Stored analyses: which exist, which is current, which documents still need one.

Kept apart from :mod:`qa_audit.analysis.runner` so that pages reading results never import
spaCy, which only the code that computes an analysis needs.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import Analysis, PlanDocument
from qa_audit.models._base import as_utc, utcnow
from qa_audit.nlp.version import ANALYSER_VERSION

STALLED_AFTER = timedelta(minutes=15)
"""An analysis takes seconds; one queued or running this long will not finish by itself."""


def analysis_for(document_id: int) -> Analysis:
    """The current analyser's row for a document, created as ``queued`` when missing."""
    analysis = db.session.scalar(
        select(Analysis).where(
            Analysis.document_id == document_id, Analysis.analyser_version == ANALYSER_VERSION
        )
    )
    if analysis is None:
        analysis = Analysis(document_id=document_id, analyser_version=ANALYSER_VERSION)
        db.session.add(analysis)
        db.session.flush()
    return analysis


def latest_analysis(document: PlanDocument) -> Analysis | None:
    """The finished analysis by the current analyser, else the newest finished one."""
    done = [a for a in document.analyses if a.status == "done"]
    current = [a for a in done if a.analyser_version == ANALYSER_VERSION]
    pool = current or done
    return max(pool, key=lambda a: a.finished_at or a.created_at) if pool else None


def analysis_state(document: PlanDocument) -> str:
    """ "done", "pending" (queued or running), "stalled" (queued or running for longer than
    any analysis takes: its thread, worker or queue was lost) or "failed", for the current
    analyser."""
    current = [a for a in document.analyses if a.analyser_version == ANALYSER_VERSION]
    if not current:
        return "pending"
    analysis = current[0]
    if analysis.status in ("queued", "running"):
        since = as_utc(analysis.requested_at or analysis.created_at)
        return "stalled" if utcnow() - since > STALLED_AFTER else "pending"
    return analysis.status


def documents_needing_analysis() -> list[int]:
    """Document versions with no finished analysis by the current analyser (new, interrupted
    or failed runs, or results from older rules)."""
    finished = select(Analysis.document_id).where(
        Analysis.analyser_version == ANALYSER_VERSION, Analysis.status == "done"
    )
    query = select(PlanDocument.id).where(
        PlanDocument.parsed.is_not(None), PlanDocument.id.not_in(finished)
    )
    return list(db.session.scalars(query.order_by(PlanDocument.id)))
