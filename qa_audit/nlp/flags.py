"""Flag codes (a stable contract), their plain-English messages, and the rule for "weak"."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

VAGUE = "vague"
NOT_MEASURABLE = "not_measurable"
NOT_TIME_BOUND = "not_time_bound"
PROVISION_NOT_OUTCOME = "provision_not_outcome"
OUTDATED = "outdated"
NO_LINKED_NEED = "no_linked_need"
PROVISION_NOT_QUANTIFIED = "provision_not_quantified"
ADVICE_NOT_REFLECTED = "advice_not_reflected"
ADVICE_NOT_SPECIFIC = "advice_not_specific"
ADVICE_SOURCE_UNKNOWN = "advice_source_unknown"
PFA_MISSING = "pfa_missing"
LONG_SENTENCE = "long_sentence"
HARD_TO_READ = "hard_to_read"
JARGON = "jargon"

READABILITY_CODES = (LONG_SENTENCE, HARD_TO_READ, JARGON)
"""Flags of the plain English check on section A and the outcomes in E."""

OUTCOME_CODES = (VAGUE, NOT_MEASURABLE, NOT_TIME_BOUND, PROVISION_NOT_OUTCOME, OUTDATED)
"""Flags :func:`qa_audit.nlp.check_outcomes` can raise on a single statement."""

WEAK_CODES = frozenset(OUTCOME_CODES)
"""Flags that make an outcome not SMART. ``no_linked_need`` is a golden-thread gap, not weakness."""

MESSAGES = {
    VAGUE: (
        "Its aim (quoted) is a general change, a feeling or a service, not a skill or behaviour "
        "someone could see the child or young person show."
    ),
    NOT_MEASURABLE: (
        "Its aim (quoted) is open-ended, and no criterion, level, count or frequency says when "
        "it is met."
    ),
    NOT_TIME_BOUND: "Gives no time frame for achieving it.",
    PROVISION_NOT_OUTCOME: (
        "Describes provision, access or what adults will do, not what the child or young person "
        "will achieve."
    ),
    OUTDATED: "The target date had already passed on the reference date.",
    NO_LINKED_NEED: "Does not answer any need recorded in sections B, C or D.",
    PROVISION_NOT_QUANTIFIED: (
        "Provision must be specific: say how often or for how long, and who delivers it."
    ),
    ADVICE_NOT_REFLECTED: "This professional's advice is not mentioned in the needs or provision.",
    ADVICE_NOT_SPECIFIC: (
        "This professional is mentioned, but not in provision that is specific and quantified."
    ),
    ADVICE_SOURCE_UNKNOWN: (
        "The advice source was not recognised; check by hand that it is reflected."
    ),
    PFA_MISSING: "From Year 9 the plan needs Preparing for Adulthood outcomes; none were found.",
    LONG_SENTENCE: "A long sentence in a part written for the family (quoted).",
    HARD_TO_READ: (
        "This part, written for the family, is hard to read: shorter sentences and everyday "
        "words would help."
    ),
    JARGON: "A professional term or abbreviation the family may not know (quoted).",
}


@dataclass(frozen=True)
class Flag:
    """A machine hint: ``code`` from the contract, ``message`` saying why, ``evidence`` quoting
    the words that triggered it or naming the missing element."""

    code: str
    message: str
    evidence: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def make_flag(code: str, evidence: str, detail: str = "") -> Flag:
    """Build a flag with its standard message, optionally followed by a detail sentence."""
    message = f"{MESSAGES[code]} {detail}".strip()
    return Flag(code=code, message=message, evidence=evidence)


def is_weak(flags: Iterable[Flag]) -> bool:
    """Decide whether an outcome is weak (not SMART).

    An outcome is weak when it carries any of :data:`WEAK_CODES`: it is vague (its aim is a
    general change, a feeling or a service), not measurable, not time-bound, describes provision
    rather than an outcome, or its target date has passed. A missing link to a need
    (``no_linked_need``) is reported in the golden thread but does not by itself make the wording
    weak, so that a statement gets the same verdict on its own (``check_outcomes``) and inside a
    plan (``analyse_plan``).
    """
    return any(flag.code in WEAK_CODES for flag in flags)
