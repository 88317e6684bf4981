"""Headline measures broken down by team, plan kind, phase and primary need.

Cells with fewer than :data:`~qa_audit.reports.shares.SUPPRESS_BELOW` plans show counts only:
a percentage of three plans says little and can point at an individual child.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from qa_audit.matrix import Measure
from qa_audit.models.plan import PHASES, PLAN_KINDS, PRIMARY_NEEDS
from qa_audit.reports.records import PlanInfo, PlanResult
from qa_audit.reports.shares import Share, share_of

DIMENSIONS: dict[str, tuple[str, Callable[[PlanInfo], str | None], dict[str, str]]] = {
    "team": ("Team", lambda p: p.team, {}),
    "kind": ("Kind of plan", lambda p: p.kind, PLAN_KINDS),
    "phase": ("Phase", lambda p: p.phase, PHASES),
    "primary_need": ("Primary need", lambda p: p.primary_need, PRIMARY_NEEDS),
}


@dataclass(frozen=True)
class BreakdownRow:
    label: str
    plans: int
    shares: tuple[Share, ...]  # one per measure, in the table's measure order


@dataclass(frozen=True)
class Breakdown:
    title: str
    measures: tuple[Measure, ...]
    rows: tuple[BreakdownRow, ...]


def breakdown(
    results: Sequence[PlanResult], measures: Sequence[Measure], dimension: str
) -> Breakdown:
    title, value_of, labels = DIMENSIONS[dimension]
    values = sorted({value_of(r.plan) or "" for r in results})
    rows = []
    for value in values:
        members = [r for r in results if (value_of(r.plan) or "") == value]
        rows.append(
            BreakdownRow(
                label=labels.get(value, value) or "Not recorded",
                plans=len(members),
                shares=tuple(share_of(r.measures.get(m.id) for r in members) for m in measures),
            )
        )
    return Breakdown(title, tuple(measures), tuple(rows))


def all_breakdowns(results: Sequence[PlanResult], measures: Sequence[Measure]) -> list[Breakdown]:
    return [breakdown(results, measures, dimension) for dimension in DIMENSIONS]
