"""Headline measures for a term: share, Wilson interval, target and RAG, per kind of plan.

The status is the matrix's RAG band for the share only where the sample can tell whether the
target is met (the 95% interval lies wholly on one side of it); otherwise it is
``"insufficient"``, shown as "Not enough evidence", so the status never contradicts the reading.

Targets and bands come only from the matrix versions the audits used. Versions whose measures
are defined identically are pooled; versions with different measure definitions are reported as
separate groups, each naming its versions.

A measure fed only by criteria that carry the ``conversion_template`` pre-flag (the "moved to
the current template" measure) is not taken from the sample: the caseload screen, which covers
every analysed plan, is its only source (see :mod:`qa_audit.reports.caseload`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from qa_audit.matrix import Matrix, Measure, rag
from qa_audit.matrix.evaluate import Rag
from qa_audit.models.plan import PLAN_KINDS as PLAN_KIND_LABELS
from qa_audit.reports.records import PlanResult, VersionInfo
from qa_audit.reports.shares import Share, reading, share_of, verdict

HEADLINE_KINDS = ("new", "amended")
TEMPLATE_FLAG = "conversion_template"
Status = Rag | Literal["insufficient"]


@dataclass(frozen=True)
class MeasureFigure:
    measure: Measure
    kind: str
    share: Share
    rag: Status | None
    reading: str

    @property
    def kind_label(self) -> str:
        return PLAN_KIND_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True)
class HeadlineGroup:
    versions: tuple[VersionInfo, ...]
    figures: tuple[MeasureFigure, ...]

    @property
    def version_labels(self) -> str:
        return "; ".join(v.label for v in self.versions)


def is_census_measure(matrix: Matrix, measure: Measure) -> bool:
    """True for the template measure, which the caseload screen reports instead of the sample."""
    return measure.source == "criteria" and all(
        TEMPLATE_FLAG in matrix.criterion(c).flags for c in measure.criteria
    )


def measure_figure(results: Sequence[PlanResult], matrix: Matrix, measure: Measure, kind: str):
    """The figure for one measure over the results of one kind of plan."""
    share = share_of(r.measures.get(measure.id) for r in results if r.plan.kind == kind)
    return MeasureFigure(
        measure=measure,
        kind=kind,
        share=share,
        rag=status_of(matrix, measure, share),
        reading=reading(share, measure.target),
    )


def status_of(matrix: Matrix, measure: Measure, share: Share) -> Status | None:
    """The RAG band of ``share``, or "insufficient" when the sample cannot tell whether the
    target is met; None with no figure."""
    if verdict(share, measure.target) == "unclear":
        return "insufficient"
    return None if share.value is None else rag(matrix, measure.id, share.value)


def headline(
    results: Sequence[PlanResult],
    versions: Mapping[int, VersionInfo],
    kinds: Sequence[str] = HEADLINE_KINDS,
) -> list[HeadlineGroup]:
    """One group per distinct set of measure definitions among the versions used."""
    groups: dict[tuple[Measure, ...], list[VersionInfo]] = {}
    for version_id in sorted({r.version_id for r in results}):
        version = versions[version_id]
        groups.setdefault(version.matrix.measures, []).append(version)
    built = []
    for measures, group_versions in groups.items():
        ids = {v.id for v in group_versions}
        matrix = group_versions[-1].matrix
        members = [r for r in results if r.version_id in ids]
        figures = tuple(
            measure_figure(members, matrix, measure, kind)
            for kind in kinds
            for measure in measures
            if kind in measure.applies_to and not is_census_measure(matrix, measure)
        )
        built.append(HeadlineGroup(tuple(group_versions), figures))
    return built
