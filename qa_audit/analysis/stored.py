"""Stored analyses: which exist, which is current, which documents still need one.

Kept apart from :mod:`qa_audit.analysis.runner` so that pages reading results never import
spaCy, which only the code that computes an analysis needs.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased

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


def counted_analyses(document_ids: Iterable[int]) -> dict[int, Analysis]:
    """Document id -> the analysis of it that counts, in one query for any number of documents.

    The rule every page, sample and report follows: of the finished analyses of a document
    version, the current analyser's; without one, the newest finished by an older analyser
    (latest ``finished_at``, else ``created_at``; then the latest row). Documents with no
    finished analysis are left out."""
    ids = sorted(set(document_ids))
    if not ids:
        return {}
    rank = (
        func.row_number()
        .over(
            partition_by=Analysis.document_id,
            order_by=(
                case((Analysis.analyser_version == ANALYSER_VERSION, 0), else_=1),
                func.coalesce(Analysis.finished_at, Analysis.created_at).desc(),
                Analysis.id.desc(),
            ),
        )
        .label("rank")
    )
    ranked = (
        select(Analysis, rank)
        .where(Analysis.document_id.in_(ids), Analysis.status == "done")
        .subquery()
    )
    chosen = aliased(Analysis, ranked)
    found = db.session.scalars(select(chosen).where(ranked.c.rank == 1))
    return {analysis.document_id: analysis for analysis in found}


def counted_analysis(document_id: int | None) -> Analysis | None:
    """The analysis of one document version that counts (see :func:`counted_analyses`)."""
    if document_id is None:
        return None
    return counted_analyses([document_id]).get(document_id)


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
