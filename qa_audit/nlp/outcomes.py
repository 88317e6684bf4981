"""SMART checks on outcome statements (section E)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from qa_audit.nlp import flags as f
from qa_audit.nlp.dates import SchoolContext, target_date
from qa_audit.nlp.pipeline import cues, inside, longest, parse


@dataclass
class OutcomeCheck:
    text: str
    weak: bool
    flags: list[f.Flag] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "weak": self.weak,
            "flags": [flag.to_dict() for flag in self.flags],
        }


def check_outcomes(
    texts: Sequence[str], *, reference_date: date | None = None
) -> list[OutcomeCheck]:
    """Check each outcome statement on its own. ``reference_date`` (default today) decides
    whether a dated target has passed; school-stage targets are not dated here (no year group)."""
    reference = reference_date or date.today()
    return [outcome_check(doc, reference) for doc in parse(texts)]


def outcome_check(
    doc: Doc,
    reference: date | None,
    school: SchoolContext | None = None,
    *,
    time_frame_given: bool = False,
) -> OutcomeCheck:
    """Check one statement. ``reference`` is the date a target must not precede (``None``: no
    known date, so ``outdated`` is not judged); ``time_frame_given`` says the plan gives the time
    frame outside the statement (a "by when" column, or an annual goal)."""
    found = outcome_flags(doc, reference, school, time_frame_given=time_frame_given)
    return OutcomeCheck(text=doc.text, weak=f.is_weak(found), flags=found)


def outcome_flags(
    doc: Doc,
    reference: date | None,
    school: SchoolContext | None = None,
    *,
    time_frame_given: bool = False,
) -> list[f.Flag]:
    vague = cues(doc, "VAGUE")
    times = longest(cues(doc, "TIME"))
    provision = [s for s in cues(doc, "PROVISION") if s.start < _purpose_clause_start(doc)]
    not_measures = [*times, *vague, *cues(doc, "STAGE")]
    result: list[f.Flag] = []
    not_skills = [*vague, *provision, *times]
    skills = [s for s in cues(doc, "SKILL") if not inside(s, not_skills)]
    if not skills:
        evidence = _quote(longest(vague)) or "no concrete skill or behaviour named"
        result.append(f.make_flag(f.VAGUE, evidence))
    measures = [s for s in cues(doc, "MEASURE") if not inside(s, not_measures)]
    if not measures:
        result.append(f.make_flag(f.NOT_MEASURABLE, "no criterion, level, count or frequency"))
    if not times and not time_frame_given:
        result.append(f.make_flag(f.NOT_TIME_BOUND, "no time frame"))
    if provision:
        result.append(f.make_flag(f.PROVISION_NOT_OUTCOME, _quote(longest(provision))))
    passed = None if reference is None else _passed_target(times, reference, school)
    if passed is not None:
        result.append(
            f.make_flag(
                f.OUTDATED,
                passed[0],
                f"It points to {passed[1]:%d %B %Y}; the reference date is {reference:%d %B %Y}.",
            )
        )
    return result


def _purpose_clause_start(doc: Doc) -> int:
    """Token index where a "so that ..." purpose clause begins (end of doc when none)."""
    for token in doc[:-1]:
        if token.lower_ == "so" and doc[token.i + 1].lower_ == "that":
            return token.i
    return len(doc)


def _passed_target(
    times: list[Span], reference: date, school: SchoolContext | None
) -> tuple[str, date] | None:
    dated = [(span.text, target_date(span.text, school)) for span in times]
    known = [(text, when) for text, when in dated if when is not None]
    if not known:
        return None
    text, latest = max(known, key=lambda item: item[1])
    return (text, latest) if latest < reference else None


def _quote(spans: list[Span]) -> str:
    return "; ".join(dict.fromkeys(span.text for span in spans))
