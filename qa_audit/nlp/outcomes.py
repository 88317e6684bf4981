"""SMART checks on outcome statements (section E)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from qa_audit.nlp import flags as f
from qa_audit.nlp.components import CUES_KEY
from qa_audit.nlp.dates import SchoolContext, target_date
from qa_audit.nlp.pipeline import cues, inside, longest, parse
from qa_audit.nlp.structure import Structure, structure


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


DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "my", "all", "any", "some"})


def outcome_check(
    doc: Doc,
    reference: date | None,
    school: SchoolContext | None = None,
    *,
    time_frame_given: bool = False,
    start: date | None = None,
    annual_goal: bool = False,
    framed_by: Sequence[str] = (),
) -> OutcomeCheck:
    """Check one statement. ``reference`` is the date a target must not precede (``None``: no
    known date, so ``outdated`` is not judged); ``start`` is the date relative time frames count
    from ("within 12 months"; default ``reference``); ``time_frame_given`` says the plan gives
    the time frame outside the statement without saying it (an annual goal); ``framed_by``
    holds the time frames the plan gives it outside the statement, as written (the "by the
    end of Key Stage 2" of the column heading or subheading it sits under); ``annual_goal``
    applies the US IEP convention (:func:`_missing_criterion`)."""
    found = outcome_flags(
        doc,
        reference,
        school,
        time_frame_given=time_frame_given,
        start=start or reference,
        annual_goal=annual_goal,
        framed_by=framed_by,
    )
    return OutcomeCheck(text=doc.text, weak=f.is_weak(found), flags=found)


def outcome_flags(
    doc: Doc,
    reference: date | None,
    school: SchoolContext | None = None,
    *,
    time_frame_given: bool = False,
    start: date | None = None,
    annual_goal: bool = False,
    framed_by: Sequence[str] = (),
) -> list[f.Flag]:
    times = longest(cues(doc, "TIME"))
    shape = structure(doc, times)
    main = [s for s in doc.spans[CUES_KEY] if s.start < shape.main_end]
    provision = _labelled(main, "PROVISION")
    if not shape.modal:  # a bare phrase naming a service ("5 hours of TA support")
        provision += _labelled(main, "SERVICE")
    head_vague = [s for s in _labelled(main, "VAGUE") if shape.at_head(s)]
    counted = [*times, *head_vague, *cues(doc, "STAGE")]
    measures = [s for s in cues(doc, "MEASURE") if not inside(s, counted)]
    vague = [] if measures else head_vague  # a criterion says how the change will be seen
    head_provision = [s for s in provision if shape.at_head(s) or not shape.modal]
    no_action = [s for s in head_provision if not _names_child_action(doc, s, shape)]
    result: list[f.Flag] = []
    if vague or no_action:
        result.append(f.make_flag(f.VAGUE, _quote(longest(vague or no_action))))
    open_ended = [
        s
        for s in _labelled(main, "OPEN")
        if (s.id_ != "OPEN:open-verb" or shape.at_head(s)) and not inside(s, times)
    ]
    unmeasured = longest([*vague, *head_provision, *open_ended])
    if unmeasured and not measures:
        result.append(f.make_flag(f.NOT_MEASURABLE, _quote(unmeasured)))
    elif annual_goal and not measures:
        behaviour = _missing_criterion(doc, shape)
        if behaviour:
            result.append(f.make_flag(f.NOT_MEASURABLE, behaviour, ANNUAL_GOAL_NOTE))
    if not times and not framed_by and not time_frame_given:
        result.append(f.make_flag(f.NOT_TIME_BOUND, "no time frame"))
    if provision:
        result.append(f.make_flag(f.PROVISION_NOT_OUTCOME, _quote(longest(provision))))
    frames = [span.text for span in times] or list(framed_by)
    passed = None if reference is None else _passed_target(frames, reference, school, start)
    if passed is not None:
        result.append(
            f.make_flag(
                f.OUTDATED,
                passed[0],
                f"It points to {passed[1]:%d %B %Y}; the reference date is {reference:%d %B %Y}."
                + ("" if times else " The date is in the heading it is listed under."),
            )
        )
    return result


def _passed_target(
    frames: list[str], reference: date, school: SchoolContext | None, start: date | None
) -> tuple[str, date] | None:
    dated = [(text, target_date(text, school, start)) for text in frames]
    known = [(text, when) for text, when in dated if when is not None]
    if not known:
        return None
    text, latest = max(known, key=lambda item: item[1])
    return (text, latest) if latest < reference else None


ANNUAL_GOAL_NOTE = (
    "An annual goal states a condition, a behaviour and a criterion (accuracy, count, trials, "
    "frequency or level); this one names no criterion."
)


def _missing_criterion(doc: Doc, shape: Structure) -> str:
    """The behaviour of an annual goal that names no criterion, or "" when none is needed.

    US IEP annual goals are written as condition, behaviour and criterion ("Given a list of 10
    words, Joey will decode at least 8"); with no criterion the goal cannot be measured. A
    postsecondary goal ("After high school, Ava will enroll in ...") is measured by whether it
    happens, so it needs none: it is dated by leaving school instead."""
    if shape.head is None or cues(doc, "POST_SCHOOL"):
        return ""
    return doc[shape.head : shape.main_end].text.rstrip(" .;,")


def _names_child_action(doc: Doc, provision: Span, shape: Structure) -> bool:
    """Whether provision at the head goes on to say what the child will do ("staff will teach
    Harry to write his name", "Esme will be supported to use her board")."""
    after = doc[provision.start + 1 : shape.main_end]
    to = next((t for t in after if t.lower_ == "to" and t.i + 1 < len(doc)), None)
    if to is None:
        return False
    action = to.nbor()
    vague_starts = {s.start for s in doc.spans[CUES_KEY] if s.label_ == "VAGUE"}
    return action.is_alpha and action.lower_ not in DETERMINERS and action.i not in vague_starts


def _labelled(spans: list[Span], label: str) -> list[Span]:
    return sorted((s for s in spans if s.label_ == label), key=lambda s: (s.start, -s.end))


def _quote(spans: list[Span]) -> str:
    return "; ".join(dict.fromkeys(span.text for span in spans))
