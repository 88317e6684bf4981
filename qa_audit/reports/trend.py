"""The headline measures over the last few terms, from each term's headline sample.

A term whose audits used several matrix versions pools them (measure ids are stable across
versions); targets shown are those of the newest version used by the report's own term.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from qa_audit.matrix import Matrix, Measure
from qa_audit.models.plan import PLAN_KINDS as PLAN_KIND_LABELS
from qa_audit.reports.headline import HEADLINE_KINDS, is_census_measure
from qa_audit.reports.records import PlanResult
from qa_audit.reports.shares import Share, percent, share_of
from qa_audit.terms import TermSpan, term_for

DEFAULT_TERMS = 6


@dataclass(frozen=True)
class TrendSeries:
    measure: Measure
    kind: str
    terms: tuple[str, ...]  # term labels, oldest first
    shares: tuple[Share, ...]

    @property
    def title(self) -> str:
        return f"{self.measure.title} ({PLAN_KIND_LABELS.get(self.kind, self.kind).lower()})"

    @property
    def direction(self) -> str:
        """The latest term's share against the last earlier term with enough plans to show
        one, in words ("Up 7 points on Spring 2026 (62%)")."""
        latest = self.shares[-1]
        if latest.suppressed:
            return "Too few plans this term to compare"
        earlier = zip(reversed(self.terms[:-1]), reversed(self.shares[:-1]), strict=True)
        previous = next(((t, s) for t, s in earlier if not s.suppressed), None)
        if previous is None:
            return "No earlier term with enough plans to compare"
        label, before = previous
        points = round(100 * (latest.value - before.value))
        if points == 0:
            return f"Level with {label} ({percent(before.value)})"
        way = "Up" if points > 0 else "Down"
        return f"{way} {abs(points)} point{'s' if abs(points) != 1 else ''} on {label} " + (
            f"({percent(before.value)})"
        )


def terms_up_to(term: TermSpan, setting: str, count: int = DEFAULT_TERMS) -> list[TermSpan]:
    """``count`` terms ending with ``term``, oldest first."""
    spans = [term]
    while len(spans) < count:
        spans.append(term_for(spans[-1].starts_on - timedelta(days=1), setting))
    return spans[::-1]


def trend(
    per_term: Sequence[tuple[TermSpan, Sequence[PlanResult]]], matrix: Matrix | None
) -> list[TrendSeries]:
    """One series per sampled headline measure and kind of plan in ``matrix``."""
    if matrix is None:
        return []
    labels = tuple(term.label for term, _ in per_term)
    return [
        TrendSeries(
            measure=measure,
            kind=kind,
            terms=labels,
            shares=tuple(
                share_of(r.measures.get(measure.id) for r in results if r.plan.kind == kind)
                for _, results in per_term
            ),
        )
        for kind in HEADLINE_KINDS
        for measure in matrix.measures
        if kind in measure.applies_to and not is_census_measure(matrix, measure)
    ]
