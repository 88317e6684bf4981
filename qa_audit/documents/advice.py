"""Section K: who gave advice, in what role, and when."""

from __future__ import annotations

import re

from .model import Advice
from .plan_dates import parse_date

SOURCES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (source, re.compile(pattern, re.IGNORECASE))
    for source, pattern in (
        ("Educational Psychologist", r"educational psycholog|\bEPS?\b"),
        (
            "Speech and Language Therapist",
            r"speech(?:,)? (?:and|&) language|speech therap|\bSaLT\b|\bSLT\b",
        ),
        ("Occupational therapist", r"occupational therap|\bOT\b"),
        ("Physiotherapist", r"physio"),
        ("Paediatrician", r"paediatric|pediatric|community doctor"),
        (
            "CAMHS",
            (
                r"\bCAMHS\b|\bMHST\b|mental health|clinical psycholog|psychiatr|psychotherap"
                r"|family therap"
            ),
        ),
        ("School nurse", r"school nurse|health visitor"),
        (
            "Sensory support",
            r"visual impairment|hearing impairment|sensory support|qualified teacher of",
        ),
        ("Social worker", r"social work|social care"),
        ("Virtual School", r"virtual school|\bVSH\b"),
        (
            "School SENCo",
            r"\bSEND?Co\b|special educational needs (?:and disabilit(?:y|ies) )?co-?ordinator"
            r"|inclusion (?:manager|lead)|head ?teacher|class teacher|school|academy|college"
            r"|nursery",
        ),
        ("Parent", r"\bparents?\b|\bcarers?\b|\bmother\b|\bfather\b|family"),
        ("Child or young person", r"young person|child's (?:own )?views|pupil views"),
    )
)
SEGMENT_SPLIT = re.compile(r"\s[\u2013\u2014\-|]\s|[;:,(]\s*|\)\s*")


def parse_advice(line: str) -> Advice | None:
    """One advice entry from a line of section K, or None when it names no advice source."""
    text = " ".join(line.split())
    if not text or len(text) > 400:
        return None
    for source, pattern in SOURCES:
        match = pattern.search(text)
        if match:
            return Advice(
                source=source, author=_author(text, match.start()), date=parse_date(text), text=text
            )
    return None


def _author(text: str, position: int) -> str | None:
    """The part of the line naming the role, e.g. 'Specialist Speech and Language Therapist'."""
    start = 0
    for split in SEGMENT_SPLIT.finditer(text):
        if split.start() > position:
            return text[start : split.start()].strip() or None
        start = split.end()
    return text[start:].strip() or None
