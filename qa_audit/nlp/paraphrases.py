"""Ideas that advice and plans word differently: ``rules/send_paraphrases.json`` names each
idea with the phrases that say it ("bilateral coordination", "both hands", "catching"), so
that a recommendation and its rewording in the plan share a word even when they share no
other."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from qa_audit.nlp.errors import RuleFileError
from qa_audit.nlp.rulefiles import read_json, rules_dir

PARAPHRASES_FILE = "send_paraphrases.json"
IDEA_PREFIX = "idea:"
"""What an idea's token starts with, so that it never equals a word of the text."""


@lru_cache(maxsize=4)
def load_paraphrases(rules_path: str | None = None) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each idea's token with one pattern matching any of its phrases as whole words."""
    path = rules_dir(rules_path) / PARAPHRASES_FILE
    groups = read_json(path).get("groups")
    if not isinstance(groups, dict) or not groups:
        raise RuleFileError(f"Rule file {path.name}: 'groups' must map ideas to phrase lists.")
    found = []
    for idea, phrases in groups.items():
        if not isinstance(phrases, list) or not phrases:
            raise RuleFileError(f"Rule file {path.name}, group '{idea}': needs a phrase list.")
        if not all(isinstance(p, str) and p.strip() for p in phrases):
            raise RuleFileError(f"Rule file {path.name}, group '{idea}': phrases must be text.")
        alternatives = "|".join(re.escape(p.strip().lower()) for p in phrases)
        pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
        found.append((IDEA_PREFIX + idea.replace(" ", "_"), pattern))
    return tuple(found)


def ideas(doc: Doc) -> list[str]:
    """The tokens of the ideas ``doc`` expresses, in the words written or in their lemmas."""
    written = " ".join(token.lower_ for token in doc)
    lemmas = " ".join(token.lemma_.lower() for token in doc)
    return [
        token
        for token, pattern in load_paraphrases()
        if pattern.search(written) or pattern.search(lemmas)
    ]
