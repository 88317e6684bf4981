"""Accuracy of advice tracing on generated plans whose provision rewords the advice.

Each case (:func:`qa_audit.synthetic.advice_docs.generate_trace_case`) is rendered to .docx or
PDF, read through the same isolated readers as an upload, traced, and compared with the truth:
"missing" (a recommendation the plan dropped), "watered_down" (kept without its amount) and
"unsupported" (plan provision no advice asked for). A recommendation the reader did not find
counts as predicted missing; a line read as a recommendation that is not one counts against
precision when it is reported missing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from qa_audit.documents.advice_document import read_advice
from qa_audit.documents.reader import read_plan
from qa_audit.nlp.evaluation import Score
from qa_audit.nlp.trace import Trace, TracedRecommendation, trace
from qa_audit.synthetic.advice_docs import TraceCase, generate_trace_case

LABELS = ("missing", "watered_down", "unsupported")
PREFIX = 25  # characters of a recommendation's start that identify it across layouts
SEED_BASE = {
    "dev": 1000,
    "tune": 3000,
    "heldout": 5000,
    "fresh": 7000,
    "fresh2": 8000,
    "blind": 9000,
    "blind2": 10000,
    "blind3": 11000,
    "blind4": 12000,
}
SPLIT_NOTES = {
    "dev": "its pairs were written with the word lists: not a test",
    "tune": "chose the tracer's settings: not a test",
    "heldout": "read while the word lists grew, and helped choose the settings: not blind",
    "fresh": "written blind, then read and used to choose the settings: not blind",
    "fresh2": "written blind, then read and used to change the amount check: not blind",
    "blind": "written blind; its figures then helped choose the threshold: not blind",
    "blind2": "written blind by another hand; its figures then helped choose the threshold",
    "blind3": "written blind by a third hand; its figures then helped choose the threshold",
    "blind4": "written blind to the tracer by a fourth hand, never tuned on: a test",
}


@dataclass(frozen=True)
class TraceEvaluation:
    split: str
    cases: int
    recommendations: int
    scores: list[Score]
    baseline: dict[str, float]
    """Precision of the trivial tracer that flags every candidate (every recommendation
    missing or watered down, every provision statement unsupported)."""
    carried: int  # recommendations the plan carries and the tracer found reflected
    unnamed: int  # of those, how many it found without the person the advice names


def run_case(case: TraceCase) -> Trace:
    plan = read_plan(case.plan_data, case.plan_filename)
    advice = [(a.filename, read_advice(a.data, a.filename)) for a in case.advice]
    return trace(case.plan_filename, plan, advice)


def evaluate_trace(split: str, cases: int = 12) -> TraceEvaluation:
    """Scores over ``cases`` generated cases of ``split``, alternating .docx and PDF."""
    counts: Counter[tuple[str, str]] = Counter()
    total = provision = 0
    for n in range(cases):
        case = generate_trace_case(SEED_BASE[split] + n, split, "docx" if n % 2 else "pdf")
        result = run_case(case)
        total += sum(len(a.recommendations) for a in case.advice)
        provision += len(case.unsupported) + sum(
            1 for a in case.advice for r in a.recommendations if r.plan
        )
        _count(case, result, counts)
    scores = [
        Score(label, counts[label, "tp"], counts[label, "fp"], counts[label, "fn"])
        for label in LABELS
    ]
    candidates = {"missing": total, "watered_down": total, "unsupported": provision}
    baseline = {
        s.label: s.support / candidates[s.label] if candidates[s.label] else 0.0 for s in scores
    }
    return TraceEvaluation(
        split, cases, total, scores, baseline, counts["who", "carried"], counts["who", "unnamed"]
    )


def _count(case: TraceCase, result: Trace, counts: Counter[tuple[str, str]]) -> None:
    for truth_file, traced in zip(case.advice, result.advice, strict=True):
        found = {r.text[:PREFIX]: r for r in traced.recommendations}
        for truth in truth_file.recommendations:
            predicted = found.pop(truth.advice[:PREFIX], None)
            _tally(counts, "missing", truth.status == "missing", _missing(predicted))
            watered = predicted is not None and predicted.watered_down
            _tally(counts, "watered_down", truth.status == "watered_down", watered)
            if truth.status != "missing" and not _missing(predicted):
                counts["who", "carried"] += 1
                counts["who", "unnamed"] += bool(predicted and predicted.who_left_out)
        for extra in found.values():  # read as a recommendation, but is none
            _tally(counts, "missing", False, _missing(extra))
    flagged = {s.text for s in result.unsupported}
    truly = set(case.unsupported)
    counts["unsupported", "tp"] += len(flagged & truly)
    counts["unsupported", "fp"] += len(flagged - truly)
    counts["unsupported", "fn"] += len(truly - flagged)


def _missing(predicted: TracedRecommendation | None) -> bool:
    return predicted is None or not predicted.reflected


def _tally(counts: Counter[tuple[str, str]], label: str, expected: bool, got: bool) -> None:
    if expected and got:
        counts[label, "tp"] += 1
    elif got:
        counts[label, "fp"] += 1
    elif expected:
        counts[label, "fn"] += 1
