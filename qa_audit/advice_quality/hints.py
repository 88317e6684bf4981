"""Automatic hints beside the advice scoring form, from checks the service already makes:
recommendations that do not say how much or who (the provision check), the plain English check
on the recommendations, and the days from request to receipt against the 6-week deadline.
Hints are for the auditor to check, never judgements."""

from __future__ import annotations

from dataclasses import dataclass

from qa_audit.advice.deadlines import DEADLINE_DAYS, on_time
from qa_audit.matrix.model import Matrix
from qa_audit.models import PlanAdvice

LATE = "advice_late"
QUANTITY = "provision_not_quantified"
READABILITY = ("long_sentence", "hard_to_read", "jargon")


@dataclass(frozen=True)
class Hint:
    code: str | None  # the flag code the auditor may confirm; None for a plain fact
    message: str
    text: str = ""  # the words of the advice it is about


def advice_hints(matrix: Matrix, advice: PlanAdvice) -> dict[str, list[Hint]]:
    """Criterion id -> the hints for the flags that criterion lists; the days taken, a plain
    fact rather than a flag, go beside the criterion that lists ``advice_late``."""
    texts = [r["text"] for r in advice.recommendations or ()]
    wanted = {code for criterion in matrix.criteria for code in criterion.flags}
    found: list[Hint] = []
    if LATE in wanted:
        found.extend(_timeliness(advice))
    if QUANTITY in wanted and texts:
        found.extend(_quantities(texts))
    if wanted & set(READABILITY) and texts:
        found.extend(_readability(texts))
    return {
        criterion.id: [h for h in found if h.code is None and LATE in criterion.flags]
        + [h for h in found if h.code in criterion.flags]
        for criterion in matrix.criteria
    }


def days_taken(advice: PlanAdvice) -> int | None:
    """Days from the request to receipt, when both dates are recorded."""
    if advice.requested_on is None:
        return None
    return (advice.received_on - advice.requested_on).days


def _timeliness(advice: PlanAdvice) -> list[Hint]:
    days = days_taken(advice)
    if days is None:
        return [Hint(None, "No request date is recorded, so the days taken are not known.")]
    fact = Hint(None, f"Received {days} days after the request (the deadline is {DEADLINE_DAYS}).")
    if on_time(advice.requested_on, advice.received_on):
        return [fact]
    late = Hint(LATE, f"Received {days - DEADLINE_DAYS} days after the 6-week deadline.")
    return [fact, late]


def _quantities(texts: list[str]) -> list[Hint]:
    from qa_audit.nlp.provision import check_provision  # spaCy loads when first needed

    return [
        Hint(QUANTITY, f"Recommendation not quantified ({flag.evidence}).", check.text)
        for check in check_provision(texts)
        for flag in check.flags
    ]


def _readability(texts: list[str]) -> list[Hint]:
    from qa_audit.nlp.readability import check_part, load_plain_english

    part = check_part("advice", texts, "\n".join(texts), load_plain_english())
    return [Hint(flag.code, flag.message, flag.evidence) for flag in part.flags]
