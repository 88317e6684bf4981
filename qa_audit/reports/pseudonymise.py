"""Make short examples from auditor comments safer to quote in a report.

Finding every person's name in free text is not possible with rules, so this is a deliberately
blunt heuristic, and reports say so:

* only comments on criteria graded below the threshold are quoted (they illustrate weaknesses);
* every capitalised word that does not start a sentence and is not on a short allow-list of
  domain words (SENCo, EP, Year, Key Stage, ...) becomes "[name]"; so do initials such as "J.S.";
* the result is cut to about 200 characters at a word boundary.

It will also hide harmless words (place names, "Mum"), which is the safe way to fail; it cannot
catch a name written in lower case or at the start of a sentence.
"""

from __future__ import annotations

import re

MAX_CHARS = 200
PLACEHOLDER = "[name]"
ALLOWED = frozenset(
    {
        "I",
        "SENCo",
        "SENCO",
        "SEN",
        "SEND",
        "EHC",
        "EHCP",
        "EP",
        "SaLT",
        "SALT",
        "SLT",
        "OT",
        "TA",
        "CAMHS",
        "PfA",
        "Year",
        "Key",
        "Stage",
        "KS1",
        "KS2",
        "KS3",
        "KS4",
        "Section",
        "Sections",
        "English",
        "Maths",
        "Preparing",
        "Adulthood",
        "Code",
        "Practice",
        "Good",
        "Outstanding",
        "Requires",
        "Inadequate",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
    }
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*(?:\.[A-Z]\.?)*")
_INITIALS = re.compile(r"\b(?:[A-Z]\.\s?){1,3}(?=[\s,;:)]|$)")
_SENTENCE_END = re.compile(r"[.!?:]\s*$")
_SECTION_LETTER = re.compile(r"^[A-K]\d?$")


def pseudonymise(text: str) -> str:
    """The comment with likely names replaced by "[name]", whitespace collapsed, truncated."""
    text = " ".join(text[: MAX_CHARS * 3].split())
    text = _INITIALS.sub(f"{PLACEHOLDER} ", text).strip()
    out = ""
    position = 0
    for match in _WORD.finditer(text):
        out += text[position : match.start()]
        starts_sentence = not out.strip() or bool(_SENTENCE_END.search(out))
        word = match.group()
        out += word if _keep(word, starts_sentence) else PLACEHOLDER
        position = match.end()
    out += text[position:]
    out = " ".join(out.split())
    return truncate(out.replace(f"{PLACEHOLDER} {PLACEHOLDER}", PLACEHOLDER))


def _keep(word: str, starts_sentence: bool) -> bool:
    if not word[0].isupper() or starts_sentence:
        return True
    return word in ALLOWED or bool(_SECTION_LETTER.match(word))


def truncate(text: str, limit: int = MAX_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:- ")
    return f"{cut}…"
