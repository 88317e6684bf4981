"""The plan reference printed in a plan's front matter ("EHCP reference: EHC-2025-0042").

Only a labelled field is read, never the file name, and only a value that passes the plan
reference check and holds a digit: a reference is a code, so a value without digits (a name
written where the reference should be, "Our ref: Smith") is never taken.
"""

from __future__ import annotations

import re

from qa_audit.plan_references import reference_problem

from .plan_dates import FRONT_MATTER_LINES

REFERENCE_LABEL = re.compile(
    r"\b(?:ehcp|ehc\s+plan|ehc|plan|case|our|la|local\s+authority)\s+ref(?:erence)?\b"
    r"(?:\s*(?:number|no\.?))?"
    r"|\breference\s+(?:number|no\.?)|\bref\.?\s+no\.?",
    re.IGNORECASE,
)
SEPARATOR = re.compile(r"^[\s:#.\-\u2013\u2014]*")
EDGE_PUNCTUATION = ".,;:()[]'\""


def printed_reference(lines: list[str]) -> str | None:
    """The first usable reference after a reference label in the first lines of the document
    (a label with its value on the next line counts too), or None."""
    front = lines[:FRONT_MATTER_LINES]
    for index, line in enumerate(front):
        for match in REFERENCE_LABEL.finditer(line):
            value = _value(line[match.end() :])
            if value is None and not line[match.end() :].strip() and index + 1 < len(front):
                value = _value(front[index + 1])
            if value is not None:
                return value
    return None


def _value(text: str) -> str | None:
    words = text[SEPARATOR.match(text).end() :].split()
    if not words:
        return None
    candidate = words[0].strip(EDGE_PUNCTUATION)
    if reference_problem(candidate) or not any(ch.isdigit() for ch in candidate):
        return None
    return candidate
