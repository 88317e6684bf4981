"""Store a checked extract: all of it or nothing, each reference's rows replaced by the newer
extract's, the same file twice changing nothing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import delete, select

from qa_audit.extensions import db
from qa_audit.models import Plan, PlanEvent
from qa_audit.timeliness.extract import EventRow, Extract


@dataclass(frozen=True)
class ImportResult:
    rows: int
    references: int
    replaced: int  # references whose rows changed
    unchanged: int  # references whose rows were already stored as they are
    linked: int  # references of plans in the tool
    details_filled: int  # plans given a team, phase, year group or need they lacked


def store_extract(extract: Extract) -> ImportResult:
    """Store the rows of a checked extract (the caller commits). ``extract`` must have no
    problems: a file with any problem imports nothing."""
    if extract.problems:
        raise ValueError("an extract with problems is never stored")
    by_reference: dict[str, list[EventRow]] = defaultdict(list)
    for row in extract.rows:
        by_reference[row.reference].append(row)
    stored: dict[str, list[str]] = defaultdict(list)
    for chunk in _chunks(sorted(by_reference)):
        query = select(PlanEvent.reference, PlanEvent.fingerprint)
        for reference, fingerprint in db.session.execute(
            query.where(PlanEvent.reference.in_(chunk))
        ):
            stored[reference].append(fingerprint)
    changed = [
        reference
        for reference, rows in by_reference.items()
        if sorted(stored.get(reference, [])) != sorted(r.fingerprint for r in rows)
    ]
    for chunk in _chunks(changed):
        db.session.execute(delete(PlanEvent).where(PlanEvent.reference.in_(chunk)))
    db.session.add_all(
        PlanEvent(
            reference=row.reference,
            team=row.details.get("team"),
            fingerprint=row.fingerprint,
            **row.values,
        )
        for reference in changed
        for row in by_reference[reference]
    )
    linked, filled = _fill_plan_details(by_reference)
    db.session.flush()
    return ImportResult(
        rows=len(extract.rows),
        references=len(by_reference),
        replaced=len(changed),
        unchanged=len(by_reference) - len(changed),
        linked=linked,
        details_filled=filled,
    )


def _fill_plan_details(by_reference: dict[str, list[EventRow]]) -> tuple[int, int]:
    linked = filled = 0
    for chunk in _chunks(sorted(by_reference)):
        for plan in db.session.scalars(select(Plan).where(Plan.reference.in_(chunk))):
            linked += 1
            given: dict[str, str | int] = {}
            for row in by_reference[plan.reference]:
                given.update(row.details)
            empty = {k: v for k, v in given.items() if getattr(plan, k) in (None, "")}
            for key, value in empty.items():
                setattr(plan, key, value)
            filled += bool(empty)
    return linked, filled


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
