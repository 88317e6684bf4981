"""Content words and themes of a text, used to link the parts of the golden thread."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from qa_audit.nlp.errors import RuleFileError
from qa_audit.nlp.rulefiles import read_json, rules_dir

THEMES_FILE = "themes.json"
MIN_WORD_LENGTH = 3


@dataclass(frozen=True)
class ThemeLexicon:
    generic_words: frozenset[str]
    areas: dict[str, frozenset[str]]  # area of need -> lemmas
    adulthood: dict[str, frozenset[str]]  # Preparing for Adulthood area -> lemmas and phrases
    theme_words: frozenset[str]  # every word of every theme


@lru_cache(maxsize=4)
def load_themes(rules_path: str | None = None) -> ThemeLexicon:
    """Read and validate ``themes.json``."""
    path = rules_dir(rules_path) / THEMES_FILE
    data = read_json(path)
    areas = _groups(path.name, "areas_of_need", data.get("areas_of_need"))
    adulthood = _groups(path.name, "adulthood", data.get("adulthood"), phrases=True)
    return ThemeLexicon(
        generic_words=frozenset(_words(path.name, "generic_words", data.get("generic_words"))),
        areas=areas,
        adulthood=adulthood,
        theme_words=frozenset().union(*areas.values(), *adulthood.values()),
    )


def _groups(
    file: str, key: str, raw: object, *, phrases: bool = False
) -> dict[str, frozenset[str]]:
    if not isinstance(raw, dict) or not raw:
        raise RuleFileError(f"Rule file {file}: '{key}' must map theme names to word lists.")
    return {
        name: frozenset(_words(file, f"{key}.{name}", words, phrases=phrases))
        for name, words in raw.items()
    }


def _words(file: str, where: str, raw: object, *, phrases: bool = False) -> list[str]:
    if not isinstance(raw, list) or not raw:
        raise RuleFileError(f"Rule file {file}, '{where}': must be a non-empty list of words.")
    kind = "lower-case word or phrase" if phrases else "single lower-case word"
    for word in raw:
        valid = isinstance(word, str) and word == word.lower() and bool(word.split())
        if not valid or (" " in word and (not phrases or word.split() != word.split(" "))):
            raise RuleFileError(f"Rule file {file}, '{where}': {word!r} must be a {kind}.")
    return raw


def content_words(doc: Doc, lexicon: ThemeLexicon) -> frozenset[str]:
    """Lemmas that carry meaning: no stop words, generic plan words, numbers or names.

    Capitalised words (but not acronyms such as GCSE, nor theme words such as a sentence-initial
    "Reading") are taken to be names of the child, a school... and ignored, so that two
    statements about the same child do not look linked by the name alone.
    """
    return frozenset(
        token.lemma_
        for token in doc
        if token.is_alpha
        and len(token) >= MIN_WORD_LENGTH
        and not (_looks_like_name(token.text) and token.lemma_ not in lexicon.theme_words)
        and token.lemma_ not in STOP_WORDS
        and token.lemma_ not in lexicon.generic_words
    )


def _looks_like_name(text: str) -> bool:
    return text[0].isupper() and not text.isupper()


def themes_in(words: frozenset[str], groups: dict[str, frozenset[str]]) -> frozenset[str]:
    """Names of the theme groups sharing at least one word with ``words``."""
    return frozenset(name for name, group in groups.items() if words & group)


def phrase_themes(doc: Doc, groups: dict[str, frozenset[str]]) -> frozenset[str]:
    """Names of the theme groups one of whose phrases (lemmas joined by spaces, such as "work
    experience", or holding a hyphen or digit, such as "post-16") occurs in ``doc``: words too
    common to be a theme alone ("work" in "finish their work") can still name one in a phrase."""
    lemmas = f" {' '.join(token.lemma_.lower() for token in doc if not token.is_punct)} "
    return frozenset(
        name
        for name, group in groups.items()
        if any(f" {phrase} " in lemmas for phrase in group if not phrase.isalpha())
    )


def main_themes(words: frozenset[str], groups: dict[str, frozenset[str]]) -> frozenset[str]:
    """Names of the theme groups sharing the most words with ``words`` (none when no group
    shares any): what a statement is mainly about, not every group one of its words falls in."""
    shared = {name: len(words & group) for name, group in groups.items()}
    most = max(shared.values(), default=0)
    return frozenset(name for name, count in shared.items() if count and count == most)
