"""Emerging themes: confirmed pre-flags, pseudonymised examples and follow-up actions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from qa_audit.reports.criteria import CriterionGrades, is_below
from qa_audit.reports.pseudonymise import pseudonymise
from qa_audit.reports.records import ActionRecord, PlanResult, VersionInfo

EXAMPLES_PER_CRITERION = 2
MAX_EXAMPLES = 6


@dataclass(frozen=True)
class Example:
    criterion: str
    text: str


@dataclass(frozen=True)
class ActionCounts:
    opened: int
    closed: int
    overdue: int
    by_kind: Mapping[str, tuple[int, int, int]]  # kind -> (opened, closed, overdue)


def confirmed_flag_counts(results: Sequence[PlanResult]) -> list[tuple[str, int]]:
    """Pre-flag codes auditors confirmed, with the number of plans, most often first."""
    counts: Counter[str] = Counter()
    for result in results:
        counts.update({code for codes in result.confirmed_flags.values() for code in codes})
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def examples(
    results: Sequence[PlanResult],
    versions: Mapping[int, VersionInfo],
    weakest: Sequence[CriterionGrades],
) -> list[Example]:
    """Short pseudonymised comments on criteria graded below the threshold, weakest criteria
    first, at most :data:`EXAMPLES_PER_CRITERION` each and :data:`MAX_EXAMPLES` in all."""
    found = []
    for row in weakest:
        taken = 0
        for result in results:
            comment = result.evidence.get(row.criterion_id)
            matrix = versions[result.version_id].matrix
            if not comment or not is_below(matrix, result.grades.get(row.criterion_id)):
                continue
            example = Example(row.title, pseudonymise(comment))
            if example in found:
                continue  # the same wording copied onto several plans is quoted once
            found.append(example)
            taken += 1
            if taken == EXAMPLES_PER_CRITERION:
                break
    return found[:MAX_EXAMPLES]


def action_counts(
    actions: Sequence[ActionRecord], starts: date, ends: date, on: date
) -> ActionCounts:
    """Opened and closed between ``starts`` and ``ends`` (the term); overdue = still open on
    ``on`` (the term's end, or today if sooner) with a due date before it."""
    by_kind: dict[str, tuple[int, int, int]] = {}
    for kind in sorted({a.kind for a in actions}):
        mine = [a for a in actions if a.kind == kind]
        by_kind[kind] = (
            sum(starts <= a.created_on <= ends for a in mine),
            sum(a.closed_on is not None and starts <= a.closed_on <= ends for a in mine),
            sum(_overdue(a, on) for a in mine),
        )
    opened, closed, overdue = (sum(v[i] for v in by_kind.values()) for i in range(3))
    return ActionCounts(opened, closed, overdue, by_kind)


def _overdue(action: ActionRecord, on: date) -> bool:
    still_open = action.closed_on is None or action.closed_on > on
    return (
        action.created_on <= on and still_open and action.due_on is not None and action.due_on < on
    )
