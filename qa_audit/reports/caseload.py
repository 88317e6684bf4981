"""Caseload screen: every analysed plan, not only the sample, from its latest document's analysis.

This is the only source of the "moved to the current template" figure: it is a count over the
whole caseload, so it has no sampling interval. Plans whose template could not be recognised
are left out of that share and reported.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from qa_audit.matrix import Matrix, Measure, rag
from qa_audit.matrix.evaluate import Rag
from qa_audit.reports.headline import is_census_measure
from qa_audit.reports.shares import Share

OUTDATED = "outdated"


@dataclass(frozen=True)
class CaseloadPlan:
    reference: str
    team: str | None
    template: str  # "current", "conversion" or "unknown"
    outcomes: int
    weak_outcomes: int
    outdated_outcomes: int
    plan_id: int | None = None


@dataclass(frozen=True)
class CaseloadRow:
    team: str
    plans: int
    on_conversion: int
    unknown_template: int
    outcomes: int
    weak_outcomes: int
    with_outdated: int

    @property
    def template_share(self) -> Share:
        """Plans on the current template among those whose template was recognised."""
        known = self.plans - self.unknown_template
        return Share(met=known - self.on_conversion, n=known)

    @property
    def weak_share(self) -> Share:
        return Share(met=self.weak_outcomes, n=self.outcomes)


@dataclass(frozen=True)
class TemplateFigure:
    measure: Measure
    share: Share
    rag: Rag | None


@dataclass(frozen=True)
class Caseload:
    total: CaseloadRow
    teams: tuple[CaseloadRow, ...]
    not_analysed: int
    template_figure: TemplateFigure | None
    plans: tuple[CaseloadPlan, ...] = ()


def plan_from_analysis(
    plan_id: int, reference: str, team: str | None, result: Mapping
) -> CaseloadPlan:
    """Reduce a stored analysis result (``PlanAnalysis.to_dict()``) to the caseload columns."""
    outcomes = result.get("outcomes") or []
    return CaseloadPlan(
        reference=reference,
        team=team,
        template=str((result.get("template") or {}).get("kind") or "unknown"),
        outcomes=len(outcomes),
        weak_outcomes=sum(bool(o.get("weak")) for o in outcomes),
        outdated_outcomes=sum(
            any(f.get("code") == OUTDATED for f in o.get("flags") or []) for o in outcomes
        ),
        plan_id=plan_id,
    )


def caseload_screen(
    plans: Sequence[CaseloadPlan], not_analysed: int, matrix: Matrix | None
) -> Caseload:
    teams = sorted({p.team or "No team" for p in plans})
    total = _row("All teams", plans)
    return Caseload(
        total=total,
        teams=tuple(_row(t, [p for p in plans if (p.team or "No team") == t]) for t in teams),
        not_analysed=not_analysed,
        template_figure=_template_figure(total, matrix),
        plans=tuple(plans),
    )


def _row(team: str, plans: Sequence[CaseloadPlan]) -> CaseloadRow:
    return CaseloadRow(
        team=team,
        plans=len(plans),
        on_conversion=sum(p.template == "conversion" for p in plans),
        unknown_template=sum(p.template not in ("current", "conversion") for p in plans),
        outcomes=sum(p.outcomes for p in plans),
        weak_outcomes=sum(p.weak_outcomes for p in plans),
        with_outdated=sum(p.outdated_outcomes > 0 for p in plans),
    )


def _template_figure(total: CaseloadRow, matrix: Matrix | None) -> TemplateFigure | None:
    if matrix is None:
        return None
    measure = next((m for m in matrix.measures if is_census_measure(matrix, m)), None)
    if measure is None:
        return None
    share = total.template_share
    value = share.value
    return TemplateFigure(measure, share, None if value is None else rag(matrix, measure.id, value))
