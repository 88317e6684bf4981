"""Plain English in the parts of a plan written for the family: section A and the outcomes in E.

For each part: the Flesch reading ease and Flesch-Kincaid grade (computed by ``textstat``), the
sentences over the length limit, and the professional terms and unexplained abbreviations it
uses (``rules/plain_english.json``). Each finding is a flag quoting its evidence: the long
sentence, the hardest sentence, or the word. An abbreviation counts as explained when the plan
spells it out anywhere: its meaning from the word list, or words in brackets next to it whose
initials are its letters ("Emotional Literacy Support Assistant (ELSA)").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import textstat

from qa_audit.documents.model import ParsedPlan
from qa_audit.nlp import flags as f
from qa_audit.nlp.errors import RuleFileError
from qa_audit.nlp.rulefiles import read_json, rules_dir

PLAIN_ENGLISH_FILE = "plain_english.json"
PARTS = ("A", "E")
"""The parts checked: section A (views, interests and aspirations) and the outcomes in E."""

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019&-]*")
_ABBREVIATION = re.compile(r"\b[A-Z][A-Za-z]{0,3}[A-Z][A-Za-z0-9]{0,3}\b")
_SMALL_WORDS = frozenset({"and", "of", "the", "for", "in", "on", "to", "&"})


@dataclass(frozen=True)
class Term:
    """A word the family may not know: a professional term, or an abbreviation and its meaning."""

    text: str
    plain: str
    source: str
    abbreviation: bool


@dataclass(frozen=True)
class PlainEnglishRules:
    long_sentence_words: int
    reading_ease_below: float
    terms: tuple[Term, ...]
    everyday: frozenset[str]

    def abbreviation(self, word: str) -> Term | None:
        """The listed abbreviation written exactly as ``word`` ("EP", not "ep"), if any."""
        return next((t for t in self.terms if t.abbreviation and t.text == word), None)

    @cached_property
    def jargon(self) -> dict[str, Term]:
        """Lower-cased professional term -> its entry."""
        return {t.text.lower(): t for t in self.terms if not t.abbreviation}

    @cached_property
    def jargon_patterns(self) -> dict[str, tuple[str, re.Pattern[str]]]:
        """Lower-cased term -> (its first word, a pattern finding it as whole words)."""
        return {
            key: (_WORD.findall(key)[0], re.compile(rf"\b{re.escape(key)}\b"))
            for key in self.jargon
        }


@dataclass
class PartReadability:
    """The figures and findings for one part of the plan."""

    part: str
    present: bool
    long_sentence_words: int
    words: int = 0
    sentences: int = 0
    reading_ease: float | None = None
    grade: float | None = None
    long_sentences: list[str] = field(default_factory=list)
    terms: list[dict[str, object]] = field(default_factory=list)
    flags: list[f.Flag] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "present": self.present,
            "long_sentence_words": self.long_sentence_words,
            "words": self.words,
            "sentences": self.sentences,
            "reading_ease": self.reading_ease,
            "grade": self.grade,
            "long_sentences": self.long_sentences,
            "terms": self.terms,
            "flags": [flag.to_dict() for flag in self.flags],
        }


@lru_cache(maxsize=4)
def load_plain_english(rules_path: str | None = None) -> PlainEnglishRules:
    """Read and validate the plain English word list; a mistake names the file and the entry."""
    path = rules_dir(rules_path) / PLAIN_ENGLISH_FILE
    data = read_json(path)
    thresholds = data.get("thresholds")
    if not isinstance(thresholds, dict):
        raise RuleFileError(f"Rule file {path.name} needs a 'thresholds' object.")
    limit, ease = thresholds.get("long_sentence_words"), thresholds.get("reading_ease_below")
    if not isinstance(limit, int) or limit < 5:
        raise RuleFileError(f"Rule file {path.name}: 'long_sentence_words' must be 5 or more.")
    if not isinstance(ease, int | float) or not 0 <= ease <= 100:
        raise RuleFileError(f"Rule file {path.name}: 'reading_ease_below' must be 0 to 100.")
    terms = [
        *_entries(path.name, data, "jargon", "term", "plain", abbreviation=False),
        *_entries(path.name, data, "abbreviations", "short", "meaning", abbreviation=True),
    ]
    seen: set[str] = set()
    for term in terms:
        key = term.text if term.abbreviation else term.text.lower()
        if key in seen:
            raise RuleFileError(f"Rule file {path.name}: '{term.text}' is listed twice.")
        seen.add(key)
    everyday = data.get("everyday_abbreviations", [])
    if not isinstance(everyday, list) or not all(isinstance(w, str) and w for w in everyday):
        raise RuleFileError(f"Rule file {path.name}: 'everyday_abbreviations' must list words.")
    return PlainEnglishRules(limit, float(ease), tuple(terms), frozenset(everyday))


def _entries(
    file: str, data: dict, key: str, name: str, plain: str, *, abbreviation: bool
) -> list[Term]:
    entries = data.get(key)
    if not isinstance(entries, list) or not entries:
        raise RuleFileError(f"Rule file {file} needs a non-empty '{key}' list.")
    found = []
    for index, entry in enumerate(entries, start=1):
        where = f"Rule file {file}, {key} entry {index}"
        if not isinstance(entry, dict):
            raise RuleFileError(f"{where}: each entry must be a JSON object.")
        values = [entry.get(field_name) for field_name in (name, plain, "source")]
        if not all(isinstance(value, str) and value.strip() for value in values):
            raise RuleFileError(f"{where}: '{name}', '{plain}' and 'source' must all be given.")
        found.append(Term(values[0].strip(), values[1].strip(), values[2].strip(), abbreviation))
    return found


def load_syllable_dictionary() -> None:
    """Load the pronouncing dictionary ``textstat`` counts syllables with (about a second, once
    per process), so that processes forked for each job inherit it."""
    textstat.syllable_count("ready")


def check_readability(
    plan: ParsedPlan, rules: PlainEnglishRules | None = None
) -> dict[str, PartReadability]:
    """Part ("A", "E") -> its figures and findings."""
    rules = rules or load_plain_english()
    whole = plan_text(plan)
    parts = {"A": _section_lines(plan, "A"), "E": [o.text for o in plan.outcomes]}
    if not parts["E"]:
        parts["E"] = _section_lines(plan, "E")
    return {key: check_part(key, lines, whole, rules) for key, lines in parts.items()}


def plan_text(plan: ParsedPlan) -> str:
    """All the words of the plan, where an abbreviation may be spelled out."""
    pieces = [section.text for section in plan.sections.values()]
    pieces += [item.text for item in (*plan.needs, *plan.outcomes, *plan.provision)]
    return "\n".join(pieces)


def _section_lines(plan: ParsedPlan, key: str) -> list[str]:
    section = plan.sections.get(key)
    return section.text.split("\n") if section else []


def check_part(
    part: str, lines: Iterable[str], whole: str, rules: PlainEnglishRules
) -> PartReadability:
    """Figures and findings for the text of one part, one paragraph or statement per line."""
    sentences = [s for line in lines for s in split_sentences(line)]
    if not sentences:
        return PartReadability(part, False, rules.long_sentence_words)
    counts = [len(_WORD.findall(s)) for s in sentences]
    text = " ".join(_ended(s) for s in sentences)
    result = PartReadability(
        part,
        True,
        rules.long_sentence_words,
        words=sum(counts),
        sentences=len(sentences),
        reading_ease=round(textstat.flesch_reading_ease(text), 1),
        grade=round(textstat.flesch_kincaid_grade(text), 1),
    )
    for sentence, count in zip(sentences, counts, strict=True):
        if count > rules.long_sentence_words:
            result.long_sentences.append(sentence)
            detail = f"It has {count} words; aim for {rules.long_sentence_words} or fewer."
            result.flags.append(f.make_flag(f.LONG_SENTENCE, sentence, detail))
    if result.reading_ease < rules.reading_ease_below:
        hardest = max(sentences, key=lambda s: textstat.flesch_kincaid_grade(_ended(s)))
        detail = (
            f"Reading ease {result.reading_ease} (grade {result.grade}); the hardest sentence "
            "is quoted."
        )
        result.flags.append(f.make_flag(f.HARD_TO_READ, hardest, detail))
    for found in find_terms(text, whole, rules):
        result.terms.append(found)
        result.flags.append(f.make_flag(f.JARGON, str(found["term"]), _term_detail(found)))
    return result


def split_sentences(line: str) -> list[str]:
    """The sentences of one paragraph (a line without a full stop is one sentence)."""
    return [s.strip() for s in _SENTENCE_END.split(line.strip()) if _WORD.search(s)]


def _ended(sentence: str) -> str:
    return sentence if sentence[-1] in ".!?" else f"{sentence}."


def find_terms(text: str, whole: str, rules: PlainEnglishRules) -> list[dict[str, object]]:
    """The professional terms and unexplained abbreviations in ``text``, each once, in the order
    they first appear."""
    found: dict[str, tuple[int, dict[str, object]]] = {}
    lowered = text.lower()
    words = set(_WORD.findall(lowered))
    for key, (first, pattern) in rules.jargon_patterns.items():
        starts = [m.start() for m in pattern.finditer(lowered)] if first in words else []
        if starts:
            found[key] = (
                starts[0],
                _term_found(rules.jargon[key].text, len(starts), rules.jargon[key]),
            )
    for match in _ABBREVIATION.finditer(text):
        word = _singular(match.group())
        if not _mostly_capitals(word) or word in rules.everyday or word in found:
            continue
        term = rules.abbreviation(word)
        if not _spelled_out(word, term, whole):
            count = len(re.findall(rf"\b{re.escape(word)}s?\b", text))
            found[word] = (match.start(), _term_found(word, count, term, abbreviation=True))
    return [item for _, item in sorted(found.values(), key=lambda pair: pair[0])]


def _singular(word: str) -> str:
    """ "TAs" -> "TA"; an abbreviation ending in a capital S stays as it is."""
    return word[:-1] if len(word) > 2 and word.endswith("s") and word[-2].isupper() else word


def _mostly_capitals(word: str) -> bool:
    """Abbreviations ("SENCo", "PfA", "KS2") rather than names written in camel case ("McKay")."""
    letters = [c for c in word if c.isalpha()]
    return sum(c.isupper() for c in letters) * 2 > len(letters)


def _term_found(
    text: str, count: int, term: Term | None, *, abbreviation: bool = False
) -> dict[str, object]:
    return {
        "term": text,
        "kind": "abbreviation" if abbreviation else "jargon",
        "count": count,
        "plain": term.plain if term else None,
        "source": term.source if term else None,
    }


def _term_detail(found: dict[str, object]) -> str:
    if found["kind"] == "abbreviation" and found["plain"]:
        return f"Spell it out: it stands for {found['plain']}."
    if found["kind"] == "abbreviation":
        return "Spell it out the first time it is used."
    return f"Say it in everyday words, for example: {found['plain']}."


def _spelled_out(word: str, term: Term | None, whole: str) -> bool:
    """Whether the plan explains the abbreviation: its meaning written out anywhere, or words in
    brackets next to it (before or after) whose initials are its letters."""
    if term is not None and _normalised(term.plain) in _normalised_plan(whole):
        return True
    letters = word.lower()
    for bracketed in re.finditer(rf"\(\s*{re.escape(word)}\s*\)", whole):
        before = re.search(
            r"[A-Za-z ,&'-]+$", whole[max(0, bracketed.start() - 120) : bracketed.start()]
        )
        if before and _initials_match(before.group(), letters):
            return True
    after = re.finditer(rf"\b{re.escape(word)}\s*\(([^)]{{1,120}})\)", whole)
    return any(_initials_match(m.group(1), letters) for m in after)


def _initials_match(words: str, letters: str) -> bool:
    tokens = [t for t in re.split(r"[\s,-]+", words) if t]
    initials = [t[0].lower() for t in tokens if t.lower() not in _SMALL_WORDS]
    every = [t[0].lower() for t in tokens]
    return any("".join(seq[-len(letters) :]) == letters for seq in (initials, every) if seq)


@lru_cache(maxsize=2)
def _normalised_plan(whole: str) -> str:
    """The plan's words normalised once for every abbreviation looked up in it."""
    return _normalised(whole)


def _normalised(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", text.lower()).split())
