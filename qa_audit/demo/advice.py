"""Demonstration advice: the professionals' advice for each demo plan with a document, stored
the way an upload is, answering a request recorded weeks before (most within the 6-week
deadline, some late), and a few requests still awaited (some overdue).

Plans that meet the threshold carry their advice in their own words with the amounts kept;
weak plans water some of it down or leave it out, and their truth records it (an
``advice_not_reflected`` fault per adviser not carried), so demo auditors confirm the advice
hints those faults back.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from qa_audit.advice.deadlines import DEADLINE_DAYS
from qa_audit.advice.importing import import_advice
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import AdviceRequest, Plan
from qa_audit.synthetic import PlantedFault, PlanTruth
from qa_audit.synthetic.plan_advice import advice_for_plan

LATE_SHARE = 0.15
"""Share of advice that arrived after the deadline."""
AWAITED = ("Speech and Language Therapist", "CAMHS", "Occupational therapist")


def load_plan_advice(
    plan: Plan, seed: int, truth: PlanTruth, weak: bool, rng: random.Random
) -> PlanTruth:
    """Store the advice written for generated plan ``seed`` (flushed); returns the plan's
    truth with the advice its plan does not carry added to its faults."""
    files = advice_for_plan(seed, truth, "pdf" if seed % 5 == 4 else "docx", as_written=not weak)
    for item in files:
        received = plan.issue_date - timedelta(days=rng.randint(20, 120))
        late = rng.random() < LATE_SHARE
        took = rng.randint(DEADLINE_DAYS + 3, DEADLINE_DAYS + 30) if late else rng.randint(15, 40)
        requested = received - timedelta(days=took)
        db.session.add(AdviceRequest(plan_id=plan.id, source=item.source, requested_on=requested))
        db.session.flush()
        result = import_advice(
            item.data, item.filename, plan=plan, user=None, received_on=received, source=item.source
        )
        if result.status != "imported":
            raise QaAuditError(f"Demo advice for plan {plan.reference}: {result.message}")
    dropped = [
        PlantedFault("advice_not_reflected", item.source)
        for item in files
        if any(r.status != "reflected" for r in item.recommendations)
    ]
    return replace(truth, faults=[*truth.faults, *dropped]) if dropped else truth


def load_awaited_requests(plans: Sequence[Plan], today: date, rng: random.Random) -> int:
    """Requests not yet answered for the newest plans: about half past the deadline. Returns
    how many were recorded (flushed)."""
    newest = sorted(plans, key=lambda plan: plan.issue_date)[-8:]
    for number, plan in enumerate(newest):
        overdue = number % 2 == 0
        days = rng.randint(DEADLINE_DAYS + 2, DEADLINE_DAYS + 40) if overdue else rng.randint(3, 35)
        db.session.add(
            AdviceRequest(
                plan_id=plan.id,
                source=AWAITED[number % len(AWAITED)],
                requested_on=today - timedelta(days=days),
            )
        )
    db.session.flush()
    return len(newest)
