"""A plan's advice traced into a readable version (:func:`qa_audit.nlp.trace.trace`): each
recommendation reflected, watered down or missing, and provision no advice supports.

Only the jobs trace (:func:`qa_audit.advice.findings.store_trace`); pages and reports read the
stored findings (:mod:`qa_audit.advice.findings`) and count them with :func:`counts_in`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qa_audit.documents.advice_document import AdviceDocument, Recommendation
from qa_audit.documents.model import ParsedPlan
from qa_audit.models import Plan, PlanAdvice, PlanDocument

if TYPE_CHECKING:  # spaCy and numpy load when a trace is first asked for, not at start-up
    from qa_audit.nlp.trace import Trace, TracedAdvice


@dataclass(frozen=True)
class Counts:
    reflected: int
    watered_down: int
    missing: int
    who_left_out: int = 0  # carried (reflected or watered down) without the person named

    @property
    def total(self) -> int:
        return self.reflected + self.watered_down + self.missing


@dataclass
class AdviceTrace:
    """The trace, each traced document beside the stored advice it came from."""

    trace: Trace
    documents: list[tuple[PlanAdvice, TracedAdvice]]
    version: int  # the plan version traced


def counts_in(findings: Mapping[str, Any]) -> Counts:
    """The counts of a stored trace (:mod:`qa_audit.advice.findings`)."""
    items = [r for advice in findings.get("advice") or [] for r in advice["recommendations"]]
    watered = sum(bool(r["watered_down"]) for r in items)
    missing = sum(not r["reflected"] for r in items)
    unnamed = sum(bool(r.get("who_left_out")) for r in items)  # older traces lack the key
    return Counts(len(items) - watered - missing, watered, missing, unnamed)


def traceable_advice(plan: Plan) -> list[PlanAdvice]:
    """The plan's advice whose recommendations are still held (not purged)."""
    return [advice for advice in plan.advice if advice.recommendations]


def trace_plan(plan: Plan, document: PlanDocument | None = None) -> AdviceTrace | None:
    """The advice traced into ``document`` (default: the plan's newest version); None when
    that version cannot be read or there is no advice to trace."""
    from qa_audit.nlp.trace import trace

    document = document or plan.latest_document
    advice = traceable_advice(plan)
    if document is None or document.parsed is None or not advice:
        return None
    read = [
        (
            f"advice-{item.id}",
            AdviceDocument(
                item.source,
                [Recommendation(r["text"], r["heading"]) for r in item.recommendations],
            ),
        )
        for item in advice
    ]
    result = trace(plan.reference, ParsedPlan.from_dict(document.parsed), read)
    return AdviceTrace(result, list(zip(advice, result.advice, strict=True)), document.version)
