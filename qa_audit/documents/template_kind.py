"""Is the plan on the current EHC plan template or the old statement-conversion one?"""

from __future__ import annotations

import re

from .model import TemplateVerdict

CONVERSION_CUES: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), weight)
    for pattern, weight in (
        (r"in place of (?:a|the|his|her|their) statement", 3),
        (r"transferr?(?:ed|ing)? from (?:a|the|his|her|their) statement", 3),
        (r"statement of special educational needs", 2),
        (r"conversion (?:plan|review|meeting)|converted from", 2),
        (r"\bthe (?:local )?education authority\b", 2),
        (r"\bpart [23]\b", 2),
        (r"monitoring arrangements", 2),
        (r"\bobjectives?\b", 1),
    )
)
CURRENT_CUES: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), weight)
    for pattern, weight in (
        (r"education,? health and care plan|\behc ?plan\b|\behcp\b", 2),
        (r"\boutcomes?\b", 1),
        (r"preparing for adulthood", 1),
        (r"section [a-k]\b", 1),
    )
)
CONVERSION_THRESHOLD = 4
CURRENT_THRESHOLD = 3
SNIPPET = 40


def judge_template(text: str, sections_found: int) -> TemplateVerdict:
    conversion, conversion_evidence = _score(text, CONVERSION_CUES)
    current, current_evidence = _score(text, CURRENT_CUES)
    if sections_found >= 10:
        current += 2
        current_evidence.append(f"{sections_found} of the sections A-K are headed")
    if conversion >= CONVERSION_THRESHOLD and conversion * 2 >= current:
        return TemplateVerdict("conversion", conversion_evidence)
    if current >= CURRENT_THRESHOLD:
        return TemplateVerdict("current", current_evidence)
    return TemplateVerdict("unknown", conversion_evidence + current_evidence)


def _score(text: str, cues: tuple[tuple[re.Pattern[str], int], ...]) -> tuple[int, list[str]]:
    """Each cue counts once however often it appears, so one stray word cannot decide."""
    score = 0
    evidence: list[str] = []
    for pattern, weight in cues:
        match = pattern.search(text)
        if match:
            score += weight
            start, end = max(0, match.start() - SNIPPET), match.end() + SNIPPET
            evidence.append(" ".join(text[start:end].split()))
    return score, evidence
