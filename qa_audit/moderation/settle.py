"""Which grades count for a sampled plan: the one rule that moderation, follow-up actions,
caseworker feedback and the termly report all use.

A plan marked once counts its audit (``single``). A double-marked plan counts, in order:

1. the moderator's final grades, once recorded (``moderated``);
2. the first auditor's grades when both auditors gave exactly the same grades, criterion by
   criterion and overall (``agreed``);
3. otherwise the first auditor's grades, provisionally (``awaiting_moderation``): the report
   counts them and says how many such plans there are; feedback and follow-ups wait.

"First" is the audit assigned first (the lower audit id). Grades are mappings of criterion id
to grade, with the plan's overall grade under ``"overall"``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Source = Literal["single", "agreed", "moderated", "awaiting_moderation"]
Grades = Mapping[str, str | None]


@dataclass(frozen=True)
class Settled:
    source: Source
    grades: Grades

    @property
    def final(self) -> bool:
        """False while a disagreement waits for the moderator."""
        return self.source != "awaiting_moderation"


def differing_keys(first: Grades, second: Grades) -> list[str]:
    """Criterion ids (and ``"overall"``) graded differently, in a stable order."""
    return sorted(key for key in first.keys() | second.keys() if first.get(key) != second.get(key))


def settle(markings: Sequence[Grades], moderated: Grades | None = None) -> Settled:
    """The grades that count, from the submitted markings in assignment order."""
    if not markings:
        raise ValueError("settle needs at least one submitted marking")
    first = markings[0]
    if len(markings) == 1:
        return Settled("single", first)
    if moderated:
        return Settled("moderated", moderated)
    if not differing_keys(first, markings[1]):
        return Settled("agreed", first)
    return Settled("awaiting_moderation", first)
