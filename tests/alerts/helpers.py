"""Access-log rows built at chosen times, and rules with small thresholds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from qa_audit.alerts.rules import parse_rules
from qa_audit.extensions import db
from qa_audit.models import AccessLog

# A Tuesday in summer: the UK clock is an hour ahead of UTC.
T0 = datetime(2026, 7, 7, 9, 0, tzinfo=UTC)

SMALL_RULES = """
[many_plans_viewed]
plans = 3
minutes = 10

[failed_sign_ins]
attempts = 3
minutes = 15

[downloads_out_of_hours]
working_days = ["mon", "tue", "wed", "thu", "fri"]
starts = "07:00"
ends = "19:00"
downloads = 1
minutes = 60

[auditor_unassigned_plan]
minutes = 60

[no_recent_backup]
hours = 26
"""


def rules(text: str = SMALL_RULES, **off: bool):
    """The small rules, with those named ``rule=False`` turned off."""
    for name in off:
        text = text.replace(f"[{name}]\n", f"[{name}]\nenabled = false\n")
    return parse_rules(text, "rules.toml")


def only(name: str):
    names = (
        "many_plans_viewed",
        "failed_sign_ins",
        "downloads_out_of_hours",
        "auditor_unassigned_plan",
        "no_recent_backup",
    )
    return rules(**{other: False for other in names if other != name})


def entry(at: datetime, action: str, object_type: str, object_id, user=None, reference=None):
    row = AccessLog(
        at=at,
        user_id=user.id if user else None,
        action=action,
        object_type=object_type,
        object_id=object_id,
        plan_reference=reference,
    )
    db.session.add(row)
    db.session.commit()
    return row


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)
