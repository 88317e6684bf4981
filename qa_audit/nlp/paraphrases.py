"""Ideas that advice and plans word differently: ``rules/send_paraphrases.json`` names each
idea with the phrases that say it ("bilateral coordination", "both hands", "catching"), so
that a recommendation and its rewording in the plan share a word even when they share no
other. A phrase is also known by its lemmas, so "uses both hands" meets "use both hands"."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from qa_audit.nlp.components import LowercaseLemmas
from qa_audit.nlp.errors import RuleFileError
from qa_audit.nlp.rulefiles import read_json, rules_dir

PARAPHRASES_FILE = "send_paraphrases.json"
IDEA_PREFIX = "idea:"
"""What an idea's token starts with, so that it never equals a word of the text."""


WORD = re.compile(r"[a-z0-9:%']+")


@lru_cache(maxsize=4)
def load_paraphrases(rules_path: str | None = None) -> dict[tuple[str, ...], frozenset[str]]:
    """Each phrase, as its words (a hyphen parts words: "pre-teach" is "pre teach") and as the
    lemmas of those words, with the tokens of the ideas it expresses."""
    path = rules_dir(rules_path) / PARAPHRASES_FILE
    groups = read_json(path).get("groups")
    if not isinstance(groups, dict) or not groups:
        raise RuleFileError(f"Rule file {path.name}: 'groups' must map ideas to phrase lists.")
    lemmas = LowercaseLemmas()
    found: dict[tuple[str, ...], set[str]] = {}
    for idea, phrases in groups.items():
        if not isinstance(phrases, list) or not phrases:
            raise RuleFileError(f"Rule file {path.name}, group '{idea}': needs a phrase list.")
        if not all(isinstance(p, str) and WORD.search(p.lower()) for p in phrases):
            raise RuleFileError(f"Rule file {path.name}, group '{idea}': phrases must be text.")
        for phrase in phrases:
            words = tuple(WORD.findall(phrase.lower()))
            lemma_words = tuple(lemmas.lemma(word) for word in words)
            for form in {words, lemma_words}:
                found.setdefault(form, set()).add(IDEA_PREFIX + idea.replace(" ", "_"))
    return {words: frozenset(tokens) for words, tokens in found.items()}


def ideas(doc: Doc) -> list[str]:
    """The tokens of the ideas ``doc`` expresses, in the words written or in their lemmas."""
    phrases = load_paraphrases()
    longest = max(map(len, phrases))
    found: set[str] = set()
    for text in (doc.text, " ".join(token.lemma_ for token in doc)):
        words = WORD.findall(text.lower())
        for start in range(len(words)):
            for end in range(start + 1, min(start + longest, len(words)) + 1):
                found |= phrases.get(tuple(words[start:end]), frozenset())
    return sorted(found)
