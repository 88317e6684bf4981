"""Machine pre-flags as hints in the matrix's vocabulary, read from a stored analysis result.

An analysis result (``qa-audit analyse --json`` shape) holds flags in several places: on each
outcome, each provision line, each piece of advice and on plan-wide checks. Every list named
``flags`` is read, wherever it is, so new checks appear without changes here. Two plan-wide
findings are not flags in the result and are added here: gaps in the golden thread and the
conversion template. Analyser codes are renamed to the matrix's codes (:data:`ANALYSER_CODES`).
The stored trace of the plan's advice into the version (:mod:`qa_audit.advice.findings`) adds
one ``advice_not_reflected`` hint for each recommendation missing, watered down or carried
without the person the advice names.

This is the one translation: the scoring page shows these hints, auditors confirm them, and
the report's calibration counts the same codes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from qa_audit.analysis.stored import counted_analysis
from qa_audit.matrix.codes import FLAG_SECTIONS
from qa_audit.matrix.model import Criterion, Matrix

_SKIPPED_KEYS = frozenset({"summary"})  # counts only, no flags to show

ANALYSER_CODES = {
    "pfa_missing": "no_pfa_outcomes",
    "advice_not_specific": "advice_not_reflected",
    "advice_source_unknown": "advice_not_reflected",
}
"""Analyser code -> the matrix code of the same hint (codes not listed are the same in both)."""


@dataclass(frozen=True)
class PreFlag:
    code: str
    message: str  # why the analyser raised it
    text: str  # the words in the plan it points at ("" when it concerns the whole plan)
    context: str = field(default="", compare=False)  # the statement it was raised on, if any


def latest_analysis_result(document_id: int | None) -> Mapping[str, Any] | None:
    """The result of the document's analysis that counts, if it has one."""
    analysis = counted_analysis(document_id)
    return analysis.result if analysis else None


def collect_preflags(
    result: Mapping[str, Any] | None, traced: Mapping[str, Any] | None = None
) -> list[PreFlag]:
    """Every hint in ``result`` (an analysis result) and ``traced`` (stored trace findings),
    in document order, each once, in the matrix's codes."""
    found: list[PreFlag] = []
    if result:
        _walk(result, found)
        found.extend(_plan_findings(result))
    if traced:
        found.extend(_trace_findings(traced))
    return list(dict.fromkeys(found))


def _trace_findings(traced: Mapping[str, Any]) -> list[PreFlag]:
    """A hint for each recommendation the plan left out, kept without its amounts or kept
    without the person the advice names: the message quotes the advice and who gave it; a carried
    one points at the plan's words, a missing one at the nearest plan statement if any."""
    found = []
    for advice in traced.get("advice") or []:
        source = str(advice.get("source") or "Uploaded")
        for item in advice.get("recommendations") or []:
            asked = f"{source} advice asks for '{item.get('text', '')}'"
            if not item.get("reflected"):
                nearest = item.get("nearest") or {}
                message = f"{asked}; the plan does not carry it." + (
                    f" The nearest plan statement (section {nearest.get('section', '?')}, "
                    "quoted) is too different to count: check whether it says the same."
                    if nearest
                    else ""
                )
                found.append(PreFlag("advice_not_reflected", message, str(nearest.get("text", ""))))
                continue
            gaps = []
            if item.get("watered_down"):
                gaps.append(f"has it without: {', '.join(map(str, item.get('lost') or []))}")
            if item.get("who_left_out"):
                named = ", ".join(map(str, item["who_left_out"]))
                gaps.append(f"does not name the person the advice names ({named})")
            if gaps:
                where = item.get("where") or {}
                message = f"{asked}; section {where.get('section', '?')} {' and '.join(gaps)}."
                found.append(PreFlag("advice_not_reflected", message, str(where.get("text", ""))))
    return found


THREAD_GAPS = (
    ("needs_without_provision", "need(s) in B to D have no matching provision."),
    ("outcomes_without_need", "outcome(s) in E answer no recorded need."),
    ("outcomes_without_provision", "outcome(s) in E have no provision in F to H serving them."),
)
"""Golden-thread gaps of an analysis result and how the hint describes them."""


def _plan_findings(result: Mapping[str, Any]) -> list[PreFlag]:
    found = []
    thread = result.get("golden_thread") or {}
    for key, description in THREAD_GAPS:
        gaps = thread.get(key)
        if gaps:
            message = f"{len(gaps)} {description}"
            found.append(PreFlag("golden_thread", message, "; ".join(map(str, gaps))))
    template = result.get("template") or {}
    if isinstance(template, Mapping) and template.get("kind") == "conversion":
        evidence = "; ".join(map(str, template.get("evidence") or []))
        message = "The plan looks like the old conversion (statement) template."
        found.append(PreFlag("conversion_template", message, evidence))
    return found


def preflags_by_criterion(
    matrix: Matrix, result: Mapping[str, Any] | None, traced: Mapping[str, Any] | None = None
) -> dict[str, list[PreFlag]]:
    """Criterion id -> the flags it shows as hints (empty without an analysis or a trace):
    those whose codes it lists and that concern its sections, so an outcome's "vague" stays
    with the outcomes criterion even when a provision criterion also lists the code."""
    flags = collect_preflags(result, traced)
    return {
        criterion.id: [flag for flag in flags if concerns(criterion, flag.code)]
        for criterion in matrix.criteria
    }


def concerns(criterion: Criterion, code: str) -> bool:
    """Whether a flag with ``code`` is a hint for ``criterion``."""
    sections = FLAG_SECTIONS.get(code)
    return code in criterion.flags and (
        sections is None or not set(sections).isdisjoint(criterion.sections)
    )


def _walk(node: Mapping[str, Any], found: list[PreFlag]) -> None:
    for key, value in node.items():
        if key in _SKIPPED_KEYS:
            continue
        if key == "flags" and isinstance(value, list):
            found.extend(_flag(item, node) for item in value if _is_flag(item))
        elif isinstance(value, Mapping):
            _walk(value, found)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, Mapping):
                    _walk(item, found)


def _is_flag(item: Any) -> bool:
    return isinstance(item, Mapping) and isinstance(item.get("code"), str)


def _flag(item: Mapping[str, Any], owner: Mapping[str, Any]) -> PreFlag:
    statement = str(owner.get("text") or "")
    text = item.get("evidence") or statement
    code = ANALYSER_CODES.get(item["code"], item["code"])
    message = str(item.get("message") or "")
    return PreFlag(code=code, message=message, text=str(text), context=statement)
