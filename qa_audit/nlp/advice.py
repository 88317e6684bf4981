"""Is each piece of professional advice (section K) carried into the needs and provision?

The advice source is matched to a discipline from ``rules/advice_sources.json``; the advice counts
as reflected when that discipline is named in provision that is itself specific (not flagged
``provision_not_quantified``). Advice from the family is reflected when the plan records their
views (section A or aspirations).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from qa_audit.documents.model import Advice
from qa_audit.nlp import flags as f
from qa_audit.nlp.errors import RuleFileError
from qa_audit.nlp.provision import ProvisionCheck
from qa_audit.nlp.rulefiles import read_json, rules_dir

ADVICE_FILE = "advice_sources.json"
REFLECTED_IN = ("provision", "views")
SHORT_TERM = 3
"""Terms this short (OT, EP, GP) must match a whole word; longer ones may match a word start."""


@dataclass(frozen=True)
class Discipline:
    discipline_id: str
    name: str
    source_terms: tuple[re.Pattern[str], ...]
    mention_terms: tuple[re.Pattern[str], ...]
    reflected_in: str


@dataclass
class AdviceCheck:
    source: str
    date: str | None
    discipline: str | None
    reflected: bool
    evidence: list[str] = field(default_factory=list)
    flags: list[f.Flag] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "date": self.date,
            "discipline": self.discipline,
            "reflected": self.reflected,
            "evidence": self.evidence,
            "flags": [flag.to_dict() for flag in self.flags],
        }


def _term(text: str) -> re.Pattern[str]:
    end = r"\b" if len(text) <= SHORT_TERM else ""
    return re.compile(rf"\b{re.escape(text.lower())}{end}")


@lru_cache(maxsize=4)
def load_disciplines(rules_path: str | None = None) -> tuple[Discipline, ...]:
    path = rules_dir(rules_path) / ADVICE_FILE
    entries = read_json(path).get("disciplines")
    if not isinstance(entries, list) or not entries:
        raise RuleFileError(f"Rule file {path.name} needs a non-empty 'disciplines' list.")
    return tuple(_discipline(path.name, i, e) for i, e in enumerate(entries, start=1))


def _discipline(file: str, index: int, entry: object) -> Discipline:
    where = f"Rule file {file}, entry {index}"
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise RuleFileError(f"{where}: each discipline needs an 'id'.")
    where = f"{where} ('{entry['id']}')"
    reflected_in = entry.get("reflected_in", "provision")
    if reflected_in not in REFLECTED_IN:
        raise RuleFileError(f"{where}: 'reflected_in' must be one of {list(REFLECTED_IN)}.")
    lists = {}
    for key in ("source_terms", "mention_terms"):
        terms = entry.get(key, [])
        if not isinstance(terms, list) or not all(isinstance(t, str) and t for t in terms):
            raise RuleFileError(f"{where}: '{key}' must be a list of words or phrases.")
        lists[key] = tuple(_term(t) for t in terms)
    if not lists["source_terms"] or (reflected_in == "provision" and not lists["mention_terms"]):
        raise RuleFileError(f"{where}: 'source_terms' and 'mention_terms' must not be empty.")
    name = entry.get("name") or entry["id"]
    return Discipline(
        entry["id"], name, lists["source_terms"], lists["mention_terms"], reflected_in
    )


def classify(source: str, disciplines: Sequence[Discipline]) -> Discipline | None:
    text = source.lower()
    return next((d for d in disciplines if any(t.search(text) for t in d.source_terms)), None)


def check_advice(
    advice: Sequence[Advice],
    provision: Sequence[ProvisionCheck],
    need_texts: Sequence[str],
    has_views: bool,
    disciplines: Sequence[Discipline],
) -> list[AdviceCheck]:
    return [_check_one(a, provision, need_texts, has_views, disciplines) for a in advice]


def _check_one(
    item: Advice,
    provision: Sequence[ProvisionCheck],
    need_texts: Sequence[str],
    has_views: bool,
    disciplines: Sequence[Discipline],
) -> AdviceCheck:
    when = item.date.isoformat() if item.date else None
    discipline = classify(f"{item.source} {item.author or ''}", disciplines)
    if discipline is None:
        flag = f.make_flag(f.ADVICE_SOURCE_UNKNOWN, item.source)
        return AdviceCheck(item.source, when, None, reflected=False, flags=[flag])
    check = AdviceCheck(item.source, when, discipline.name, reflected=False)
    if discipline.reflected_in == "views":
        check.reflected = has_views
        check.evidence = ["views recorded in section A"] if has_views else []
        if not has_views:
            check.flags.append(f.make_flag(f.ADVICE_NOT_REFLECTED, "no views in section A"))
        return check
    mentions = [p for p in provision if _mentions(p.text, discipline)]
    specific = [p.text for p in mentions if p.quantified]
    in_needs = [t for t in need_texts if _mentions(t, discipline)]
    check.reflected = bool(specific)
    check.evidence = specific or [p.text for p in mentions] or in_needs
    if not specific:
        code = f.ADVICE_NOT_SPECIFIC if mentions or in_needs else f.ADVICE_NOT_REFLECTED
        missing = f"no specific provision from {discipline.name.lower()}"
        check.flags.append(f.make_flag(code, missing))
    return check


def _mentions(text: str, discipline: Discipline) -> bool:
    lowered = text.lower()
    return any(term.search(lowered) for term in discipline.mention_terms)
