"""How much, how often and by whom a statement says, and whether a rewording kept it.

The spans come from the provision cues (``rules/provision_cues.json``: ``WHO``, ``FREQUENCY``,
``DURATION``); this module only reads the amounts in them, so that "daily" and "every day",
"twice weekly" and "two times a week", "30 minutes" and "half an hour", "fortnightly" and
"every two weeks" count as the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from qa_audit.nlp.pipeline import cues, inside, longest
from qa_audit.nlp.roles import load_roles

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "sixty": 60,
}
NUMBER = r"(\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
MINUTES = re.compile(NUMBER + r"\s*-?\s*(minutes?|mins?|hours?|hrs?)\b", re.IGNORECASE)
FRACTIONS_OF_AN_HOUR = (  # longest first: "three quarters of an hour" holds "quarters of an hour"
    (re.compile(r"\bhour and a half\b|\b(?:one and a half|1\.5) hours\b", re.I), 90.0),
    (re.compile(r"\bthree[- ]quarters? (?:of an )?hour\b", re.IGNORECASE), 45.0),
    (re.compile(r"\bhalf an hour\b|\bhalf[- ]hour\b", re.IGNORECASE), 30.0),
    (re.compile(r"\bquarter (?:of an )?hour\b|\bquarter-hour\b", re.IGNORECASE), 15.0),
)
AN_HOUR = re.compile(r"\b(?:an|one) hour\b", re.IGNORECASE)
# "Six weekly sessions" is a block of six, not six a week: a period word before the noun is
# not allowed in a count.
COUNT = re.compile(  # "three times", "three 20-minute sessions", "two half-hour slots"
    NUMBER
    + r"\s+(?:(?:\S+[- ](?:minutes?|mins?|hours?)|(?:half|quarter)[- ]hour)\s+)?"
    + r"(?:times|sessions|visits|lessons|days|occasions|slots)\b",
    re.IGNORECASE,
)
EVERY_ONE_OF = re.compile(
    r"\ball (?:of )?(?:his |her |their |the )?"
    r"(lessons|sessions|mornings|afternoons|days|breaks|lunchtimes)\b",
    re.IGNORECASE,
)
"""A frequency said as a whole: "in all of her lessons" is every lesson."""
COUNT_WORDS = {"once": 1, "twice": 2, "thrice": 3}
EVERY_OTHER_WEEK = re.compile(
    r"\b(?:every|each)\s+(?:two|2|other|second|alternate)\s+weeks?\b|\balternate weeks\b", re.I
)
"""A fortnight in other words, read as one before "week" is looked for."""
PERIODS = (
    (re.compile(r"\bhalf[- ]?term(?:ly)?\b", re.IGNORECASE), "half-term"),
    (
        re.compile(
            r"\b(?:days?|daily|mornings?|afternoons?|weekdays?|nightly|lunchtimes?|playtimes?)\b",
            re.I,
        ),
        "day",
    ),
    (re.compile(r"\b(?:weeks?|weekly)\b", re.IGNORECASE), "week"),
    (re.compile(r"\b(?:fortnights?|fortnightly|biweekly)\b", re.IGNORECASE), "fortnight"),
    (re.compile(r"\b(?:months?|monthly)\b", re.IGNORECASE), "month"),
    (re.compile(r"(?<!half-)(?<!half )\b(?:terms?|termly)\b", re.IGNORECASE), "term"),
    (re.compile(r"\b(?:years?|yearly|annually|annual)\b", re.IGNORECASE), "year"),
    (re.compile(r"\blessons?\b", re.IGNORECASE), "lesson"),
)


@dataclass(frozen=True)
class Quantities:
    who: tuple[str, ...]
    frequency: tuple[str, ...]
    duration: tuple[str, ...]
    agents: frozenset[str] = frozenset()  # lemmas of the "by ..." phrases outside named roles

    @property
    def stated(self) -> bool:
        return bool(self.frequency or self.duration)


def quantities(doc: Doc) -> Quantities:
    def texts(label: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(span.text for span in longest(cues(doc, label))))

    roles = cues(doc, "WHO")  # named roles are matched by their names, not word by word
    agents = frozenset(
        token.lemma_.lower()
        for by in doc
        if by.lower_ == "by"
        for token in doc[by.i + 1 : _clause_end(doc, by.i)]
        if token.is_alpha and not token.is_stop and not inside(doc[token.i : token.i + 1], roles)
    )
    return Quantities(texts("WHO"), texts("FREQUENCY"), texts("DURATION"), agents)


def lost(advice: Quantities, plan_doc: Doc, plan: Quantities) -> list[str]:
    """What the advice states that the plan statement does not keep (empty when all kept): how
    often (its periods and count), how long (minutes) and who (:func:`who_left_out`)."""
    return _amounts_lost(advice, plan_doc.text, plan) + who_left_out(advice, plan_doc, plan)


def watered_down(advice: Quantities, plan_doc: Doc, plan: Quantities) -> list[str]:
    """The amounts (how often, how long) the plan statement lost of the advice's, on evidence a
    person can point at: the plan states a smaller amount, says it vaguely ("regularly", "as
    needed") or states no amount at all. A plan that states the amount in words this reader
    does not know has not watered it down."""
    text = plan_doc.text
    missing = _amounts_lost(advice, text, plan)
    if not missing or cues(plan_doc, "VAGUE_PROVISION") or not _states_amount(text):
        return missing
    unread = set(advice.frequency) if not plan.frequency else set()
    if _minutes(text) is None:
        unread |= set(advice.duration)
    return [item for item in missing if item not in unread]


def who_left_out(advice: Quantities, plan_doc: Doc, plan: Quantities) -> list[str]:
    """Who the advice says delivers it, when the plan statement names none of them by any of
    their names (``rules/roles.json``) and either names no one or the advice names a qualified
    professional ("a TA" where the advice asked for a speech and language therapist)."""
    if not advice.who or _who_named(advice, plan_doc):
        return []
    roles = load_roles()
    if plan.who and not any(roles.is_qualified(who) for who in advice.who):
        return []  # someone else named where the advice named no professional
    return list(advice.who)


def _amounts_lost(advice: Quantities, text: str, plan: Quantities) -> list[str]:
    missing: list[str] = []
    if advice.frequency and not _frequency_kept(" ".join(advice.frequency), text, plan):
        missing += advice.frequency
    wanted = _minutes(" ".join(advice.duration))
    if wanted and (_minutes(text) or 0) < wanted:
        missing += [d for d in advice.duration if _minutes(d)]
    return missing


@lru_cache(maxsize=4096)
def _states_amount(text: str) -> bool:
    """Whether ``text`` states any amount: a count or a length ("three sessions", "twice",
    "20 minutes") or a period said as a frequency ("daily", "each morning", "every lesson",
    "in all of her lessons"); not a number alone ("with two other pupils") nor a period alone
    ("over the year")."""
    if _count(text) is not None or _minutes(text) is not None or EVERY_ONE_OF.search(text):
        return True
    each = re.findall(r"\b(?:every|each|per|a)\s+(\S+(?:\s\S+)?)", text, re.IGNORECASE)
    adverbs = re.findall(r"\b\w+ly\b", text, re.IGNORECASE)
    return bool(_periods(" ".join(each)) or _periods(" ".join(adverbs)))


def _who_named(advice: Quantities, plan_doc: Doc) -> bool:
    """Whether the plan statement names who the advice says does it: one of its roles by any
    of the role's names ("TA" for "teaching assistant"), or a word of its "by ..." phrase
    ("overseen by the maths lead" for "a teaching assistant supervised by the maths lead")."""
    roles = load_roles()
    if any(_names(plan_doc.text, name) for who in advice.who for name in roles.names_of(who)):
        return True
    return any(t.lemma_.lower() in advice.agents for t in plan_doc if t.is_alpha)


def _clause_end(doc: Doc, start: int) -> int:
    """Index of the first punctuation mark after ``start`` (or the end of ``doc``)."""
    return next((t.i for t in doc[start:] if t.is_punct), len(doc))


@lru_cache(maxsize=4096)
def _names(text: str, who: str) -> bool:
    """Whether ``text`` names the role ``who``, in the singular or plural ("class teachers")."""
    return re.search(rf"\b{re.escape(who)}s?\b", text, re.IGNORECASE) is not None


def _frequency_kept(advised: str, text: str, plan: Quantities) -> bool:
    if not plan.frequency and not EVERY_ONE_OF.search(text):
        return False
    count = _count(advised)
    if _periods(advised) == {"week"} and "day" in _periods(text) and (count or 1) <= 5:
        return True  # every (school) day keeps up to five times a week
    if not _periods(advised) <= _periods(text):
        return False
    return count is None or (_count(text) or 1) >= count


@lru_cache(maxsize=4096)
def _periods(text: str) -> frozenset[str]:
    text = EVERY_OTHER_WEEK.sub("fortnightly", text)
    return frozenset(period for pattern, period in PERIODS if pattern.search(text))


def _number(word: str) -> float:
    lowered = word.lower()
    return float(NUMBER_WORDS[lowered]) if lowered in NUMBER_WORDS else float(lowered)


@lru_cache(maxsize=4096)
def _count(text: str) -> float | None:
    counts = [_number(m.group(1)) for m in COUNT.finditer(text)]
    counts += [float(n) for word, n in COUNT_WORDS.items() if re.search(rf"\b{word}\b", text, re.I)]
    return max(counts, default=None)


@lru_cache(maxsize=4096)
def _minutes(text: str) -> float | None:
    found = [
        _number(m.group(1)) * (60 if m.group(2).lower().startswith("h") else 1)
        for m in MINUTES.finditer(text)
    ]
    for pattern, minutes in FRACTIONS_OF_AN_HOUR:  # each read once, then out of the way
        if pattern.search(text):
            found.append(minutes)
            text = pattern.sub(" ", text)
    if AN_HOUR.search(text):
        found.append(60.0)
    return max(found, default=None)
