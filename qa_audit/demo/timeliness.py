"""A case-management extract for the demo caseload, imported the way a council's is.

Each demo plan gets its assessment (request and issue dates), and, once a year old, annual
reviews with their decisions; plans in Years 6, 7, 11 and 12 get a phase transfer. Lateness is
realistic and improves over time, as the demo's quality does: about half of older plans were
issued within 20 weeks, about two thirds of recent ones; most reviews are on time, and about
two thirds of review decisions come within 4 weeks.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Sequence
from datetime import date, timedelta

from qa_audit.models import Plan
from qa_audit.timeliness.extract import COLUMNS, read_extract
from qa_audit.timeliness.importing import ImportResult, store_extract

OLD_AFTER_DAYS = 450
TRANSFER_DEADLINES = {6: (0, 2, 15), 7: (1, 2, 15), 11: (0, 3, 31), 12: (1, 3, 31)}
"""Year group -> (years ago, month, day) of its phase transfer's deadline: the move to secondary
(15 February) and to post-16 (31 March), this year or, for those already moved, last year."""


def load_timeliness_demo(plans: Sequence[Plan], today: date) -> ImportResult:
    """Import an extract for ``plans`` (flushed, not committed)."""
    rng = random.Random(2028)  # noqa: S311 (reproducible demo data, not security)
    rows = [row for plan in plans if plan.issue_date for row in _rows(rng, plan, today)]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS[:12])
    writer.writeheader()
    writer.writerows(rows)
    extract = read_extract(out.getvalue().encode(), "demo-extract.csv", {})
    return store_extract(extract)


def _rows(rng: random.Random, plan: Plan, today: date) -> list[dict]:
    issued = plan.issue_date
    age = min((today - issued).days, OLD_AFTER_DAYS) / OLD_AFTER_DAYS
    within = rng.random() < 0.68 - 0.2 * age
    weeks = rng.randint(14, 20) if within else rng.randint(21, 34)
    request = issued - timedelta(days=weeks * 7 - rng.randint(0, 6))
    base = {"reference": plan.reference, "team": plan.team or ""}
    rows = [
        base
        | {
            "request_date": request.isoformat(),
            "issue_date": issued.isoformat(),
            "exceptions": "yes" if rng.random() < 0.05 else "no",
        }
    ]
    previous = issued
    while previous + timedelta(days=330) < today:
        meeting = previous + timedelta(days=365 + rng.choice((-40, -20, -5, 0, 10, 45)))
        if meeting > today:
            break
        decided = meeting + timedelta(days=rng.randint(5, 27) if rng.random() < 0.65 else 40)
        rows.append(
            base
            | {
                "previous_review_date": previous.isoformat(),
                "review_meeting_date": meeting.isoformat(),
                "review_decision_date": decided.isoformat() if decided <= today else "",
                "review_decision": rng.choice(("maintain", "amend", "amend", "cease"))
                if decided <= today
                else "",
            }
        )
        previous = meeting
    transfer = TRANSFER_DEADLINES.get(plan.year_group or -1)
    if transfer:
        years_ago, month, day = transfer
        deadline = date(today.year - years_ago, month, day)
        amended = deadline - timedelta(days=rng.randint(-20, 60))
        rows.append(
            base
            | {
                "phase_transfer": "yes",
                "transfer_deadline": deadline.isoformat(),
                "amended_issue_date": amended.isoformat() if amended <= today else "",
            }
        )
    return rows
