"""Termly advice quality figures per source of advice: how much was audited, and the share
meeting each measure of the advice matrix (the quality threshold and on time, by default) with
its target. Only submitted audits of the term's advice sample count; plan audits never do."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select

from qa_audit.errors import MatrixError
from qa_audit.extensions import db
from qa_audit.matrix.kinds import require_kind
from qa_audit.matrix.model import Matrix, Measure
from qa_audit.matrix.versions import active_matrix_path, load_matrix_file, matrix_of
from qa_audit.models import AdviceAudit, AdviceSample, MatrixVersion, PlanAdvice
from qa_audit.reports.headline import Status, status_of
from qa_audit.reports.shares import Share, share_of
from qa_audit.terms import TermSpan

ALL_SOURCES = "All sources"


@dataclass(frozen=True)
class SourceQuality:
    source: str
    audited: int
    shares: dict[str, Share]  # measure id -> share of the audited advice meeting it


@dataclass(frozen=True)
class AdviceQuality:
    term: TermSpan
    sampled: int  # advice in the term's advice sample, submitted or not
    matrix: Matrix | None  # the newest advice matrix version the audits used, else the active one
    rows: list[SourceQuality]  # one per source, by name
    total: SourceQuality

    @property
    def audited(self) -> int:
        return self.total.audited

    @property
    def measures(self) -> tuple[Measure, ...]:
        return self.matrix.measures if self.matrix else ()

    def status(self, measure: Measure) -> Status | None:
        """RAG status of all sources together, as the headline measures give it."""
        assert self.matrix is not None  # there are measures only with a matrix
        return status_of(self.matrix, measure, self.total.shares[measure.id])


def advice_quality(term: TermSpan) -> AdviceQuality:
    """The term's figures, from the submitted audits of its advice sample."""
    in_term = select(AdviceSample.id).where(AdviceSample.term_id == term.id)
    sampled = db.session.scalar(
        select(func.count(AdviceAudit.id)).where(AdviceAudit.sample_id.in_(in_term))
    )
    rows = db.session.execute(
        select(PlanAdvice.source, AdviceAudit.measures, AdviceAudit.matrix_version_id)
        .join(PlanAdvice, PlanAdvice.id == AdviceAudit.advice_id)
        .where(AdviceAudit.sample_id.in_(in_term), AdviceAudit.status == "submitted")
    ).all()
    matrix = _matrix(max((row.matrix_version_id for row in rows), default=None))
    measures = matrix.measures if matrix else ()
    by_source: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_source[row.source].append(row.measures or {})
    return AdviceQuality(
        term=term,
        sampled=sampled or 0,
        matrix=matrix,
        rows=[_row(source, by_source[source], measures) for source in sorted(by_source)],
        total=_row(ALL_SOURCES, [row.measures or {} for row in rows], measures),
    )


def _row(source: str, results: list[dict], measures: tuple[Measure, ...]) -> SourceQuality:
    return SourceQuality(
        source, len(results), {m.id: share_of(r.get(m.id) for r in results) for m in measures}
    )


def _matrix(version_id: int | None) -> Matrix | None:
    """The newest version the term's audits used, else the active advice matrix (None when it
    cannot be loaded: the figures then show counts only)."""
    if version_id is not None:
        return matrix_of(db.session.get_one(MatrixVersion, version_id))
    try:
        return require_kind(load_matrix_file(active_matrix_path("advice")), "advice")
    except MatrixError:
        return None
