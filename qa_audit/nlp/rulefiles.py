"""Loading and validating the rule files under ``qa_audit/nlp/rules/``.

Every rule file is JSON. A bad file stops the analyser with a :class:`RuleFileError` naming the
file and the entry at fault, so whoever edits the rules sees exactly what to fix.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.errors import MatchPatternError
from spacy.matcher import Matcher
from spacy.vocab import Vocab

from qa_audit.nlp.errors import RuleFileError

CUE_LABELS = frozenset(
    {
        "VAGUE",
        "OPEN",
        "SERVICE",
        "MEASURE",
        "TIME",
        "STAGE",
        "PROVISION",
        "POST_SCHOOL",
        "WHO",
        "FREQUENCY",
        "DURATION",
        "GROUP_SIZE",
        "VAGUE_PROVISION",
    }
)
"""Labels a cue pattern may carry; the flag logic reads exactly these."""


@dataclass(frozen=True)
class CueRule:
    """One validated entry of a cue file: a token pattern or a list of phrases."""

    rule_id: str
    label: str
    pattern: list[dict[str, Any]] | None = None
    phrases: tuple[str, ...] = ()
    unless_near: str | None = None


def rules_dir(custom: str | None = None) -> Path:
    """Folder holding the rule files: ``custom`` when given, else the packaged one."""
    if custom:
        return Path(custom)
    return Path(str(resources.files("qa_audit.nlp") / "rules"))


def read_json(path: Path) -> dict[str, Any]:
    """Parse one rule file; any failure becomes a :class:`RuleFileError` naming the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise RuleFileError(f"Rule file {path.name} was not found in {path.parent}.") from err
    except json.JSONDecodeError as err:
        raise RuleFileError(
            f"Rule file {path.name} is not valid JSON (line {err.lineno}, column {err.colno}): "
            f"{err.msg}."
        ) from err
    if not isinstance(data, dict):
        raise RuleFileError(f"Rule file {path.name} must contain a JSON object at the top level.")
    return data


def load_cue_rules(path: Path) -> list[CueRule]:
    """Read and validate a cue file (``lists`` and ``patterns``)."""
    data = read_json(path)
    lists = _word_lists(path.name, data.get("lists", {}))
    entries = data.get("patterns")
    if not isinstance(entries, list) or not entries:
        raise RuleFileError(f"Rule file {path.name} needs a non-empty 'patterns' list.")
    checker = Matcher(Vocab(), validate=True)
    rules: list[CueRule] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        rule = _cue_rule(path.name, index, entry, lists, checker)
        if rule.rule_id in seen:
            raise RuleFileError(
                f"Rule file {path.name}, entry {index}: the id '{rule.rule_id}' is used twice."
            )
        seen.add(rule.rule_id)
        rules.append(rule)
    return rules


def _word_lists(file: str, raw: object) -> dict[str, list[str]]:
    if not isinstance(raw, dict):
        raise RuleFileError(f"Rule file {file}: 'lists' must map names to lists of words.")
    for name, words in raw.items():
        if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
            raise RuleFileError(f"Rule file {file}, list '{name}': must be a non-empty word list.")
    return raw


def _cue_rule(
    file: str, index: int, entry: object, lists: dict[str, list[str]], checker: Matcher
) -> CueRule:
    where = f"Rule file {file}, entry {index}"
    if not isinstance(entry, dict):
        raise RuleFileError(f"{where}: each entry must be a JSON object.")
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleFileError(f"{where}: 'id' is missing.")
    where = f"{where} ('{rule_id}')"
    label = entry.get("label")
    if label not in CUE_LABELS:
        raise RuleFileError(f"{where}: label {label!r} is not one of {sorted(CUE_LABELS)}.")
    unless_near = entry.get("unless_near")
    if unless_near is not None and unless_near not in CUE_LABELS:
        raise RuleFileError(f"{where}: 'unless_near' {unless_near!r} is not a known label.")
    if ("pattern" in entry) == ("phrases" in entry):
        raise RuleFileError(f"{where}: give exactly one of 'pattern' or 'phrases'.")
    if "phrases" in entry:
        phrases = entry["phrases"]
        if not isinstance(phrases, list) or not phrases:
            raise RuleFileError(f"{where}: 'phrases' must be a non-empty list.")
        if not all(isinstance(p, str) and p.strip() for p in phrases):
            raise RuleFileError(f"{where}: every phrase must be non-empty text.")
        return CueRule(
            rule_id, label, phrases=tuple(p.lower() for p in phrases), unless_near=unless_near
        )
    pattern = _expand_lists(where, entry["pattern"], lists)
    try:
        checker.add(rule_id, [pattern])
    except (MatchPatternError, ValueError, TypeError) as err:
        raise RuleFileError(f"{where}: the token pattern is not valid: {err}") from err
    return CueRule(rule_id, label, pattern=pattern, unless_near=unless_near)


def _expand_lists(where: str, pattern: object, lists: dict[str, list[str]]) -> list[dict]:
    """Replace ``"@name"`` references in ``IN`` / ``NOT_IN`` with the named word list."""
    if not isinstance(pattern, list) or not pattern:
        raise RuleFileError(f"{where}: 'pattern' must be a non-empty list of token specs.")
    expanded: list[dict] = []
    for token in pattern:
        if not isinstance(token, dict):
            raise RuleFileError(f"{where}: each token spec must be a JSON object.")
        expanded.append({key: _expand_value(where, value, lists) for key, value in token.items()})
    return expanded


def _expand_value(where: str, value: object, lists: dict[str, list[str]]) -> object:
    if not isinstance(value, dict):
        return value
    result = dict(value)
    for op in ("IN", "NOT_IN"):
        ref = result.get(op)
        if isinstance(ref, str) and ref.startswith("@"):
            if ref[1:] not in lists:
                raise RuleFileError(f"{where}: word list '{ref[1:]}' is not defined in 'lists'.")
            result[op] = lists[ref[1:]]
    return result
