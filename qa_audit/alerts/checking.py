"""Apply the alert rules to the access log and the backup record, and store what they find.

Each burst is stored once: a burst that runs on into the next check, or that a later check
sees again, extends the alert already stored for it (same rule and person, within the rule's
window of its last entry) instead of raising another.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import func, select

from qa_audit.alerts.bursts import Event, Found, find_bursts
from qa_audit.alerts.rules import AlertRules, Burst, WorkingHours
from qa_audit.datacare.backup_record import last_successful_backup
from qa_audit.extensions import db
from qa_audit.models import AccessLog, Alert, Audit, PlanDocument, User
from qa_audit.models._base import as_utc
from qa_audit.web.local_time import DISPLAY_ZONE, age_in_words

# Entries that show a plan's content to the person.
READING = (
    "view_plan",
    "view_audit",
    "view_feedback",
    "view_advice",
    "view_moderation",
    "view_family_feedback",
    "download_document",
    "download_advice",
    "download_feedback",
)
DOWNLOADS = ("download_document", "download_advice", "download_feedback")
# A wrong password or code at sign-in, or when asking for new recovery codes.
FAILED_SIGN_INS = ("sign_in_failed", "sign_in_code_failed", "recovery_codes_refused")

RULE_TITLES = {
    "many_plans_viewed": "Many plans opened by one person",
    "failed_sign_ins": "Repeated failed sign-ins to one account",
    "downloads_out_of_hours": "Downloads outside working hours",
    "auditor_unassigned_plan": "An auditor opened a plan not assigned to them",
    "no_recent_backup": "No recent backup",
}
LOOKBACK = timedelta(hours=24)


def check_alerts(rules: AlertRules, now: datetime, lookback: timedelta = LOOKBACK) -> list[Alert]:
    """Store an alert for each new burst in the entries of the last ``lookback`` (and for a
    backup overdue now); returns the new alerts, and those opened again. The caller's unit of
    work commits them."""
    since = now - lookback
    new: list[Alert] = []
    checks: list[tuple[str, Burst | None, Callable[[], list[Event]], Callable[[int], str]]] = [
        (
            "many_plans_viewed",
            rules.many_plans_viewed,
            lambda: _plans_read(since, now),
            lambda n: f"{n} different plans opened",
        ),
        (
            "failed_sign_ins",
            rules.failed_sign_ins,
            lambda: _failed_sign_ins(since, now),
            lambda n: f"{n} failed sign-in{'s' if n != 1 else ''}",
        ),
        (
            "downloads_out_of_hours",
            rules.downloads_out_of_hours,
            lambda: _downloads_out_of_hours(since, now, rules.working_hours),
            lambda n: f"{n} download{'s' if n != 1 else ''} outside working hours",
        ),
        (
            "auditor_unassigned_plan",
            rules.auditor_unassigned_plan,
            lambda: _unassigned_plans_opened(since, now),
            lambda n: f"{n} attempt{'s' if n != 1 else ''} to open plans not assigned to them",
        ),
    ]
    for rule, burst, events, summary in checks:
        if burst is None:
            continue
        for found in find_bursts(events(), burst):
            alert = _store(rule, found, burst.window, summary(found.count))
            if alert is not None:
                new.append(alert)
    if rules.no_recent_backup is not None and (alert := _backup_overdue(rules, now)):
        new.append(alert)
    db.session.flush()
    return new


def open_alert_count() -> int:
    """Alerts not yet acknowledged."""
    return db.session.scalar(select(func.count(Alert.id)).where(Alert.acknowledged_at.is_(None)))


def _store(rule: str, found: Found, window: timedelta, summary: str) -> Alert | None:
    """A new alert for ``found``; or None when it extends the one stored for its burst, unless
    the burst went on after that one was acknowledged, which opens it again."""
    stored = db.session.scalar(
        select(Alert)
        .where(
            Alert.rule == rule,
            Alert.user_id == found.subject
            if found.subject is not None
            else Alert.user_id.is_(None),
            Alert.last_at >= found.first_at - window,
        )
        .order_by(Alert.last_at.desc())
        .limit(1)
    )
    if stored is not None:
        if found.count > stored.count:
            stored.count, stored.summary = found.count, summary
        if found.last_at <= as_utc(stored.last_at):
            return None
        stored.last_at = found.last_at
        acknowledged = stored.acknowledged_at
        if acknowledged is None or found.last_at <= as_utc(acknowledged):
            return None
        # It went on after an administrator acknowledged it: open (and send) it again.
        stored.acknowledged_at = stored.acknowledged_by_id = stored.emailed_at = None
        return stored
    alert = Alert(
        rule=rule,
        user_id=found.subject,
        first_at=found.first_at,
        last_at=found.last_at,
        count=found.count,
        summary=summary,
    )
    db.session.add(alert)
    return alert


def _entries(since: datetime, now: datetime, *conditions):
    query = select(AccessLog).where(AccessLog.at >= since, AccessLog.at <= now, *conditions)
    return db.session.scalars(query.order_by(AccessLog.at, AccessLog.id))


def _plans_read(since: datetime, now: datetime) -> list[Event]:
    entries = _entries(
        since,
        now,
        AccessLog.action.in_(READING),
        AccessLog.user_id.is_not(None),
        AccessLog.plan_reference.is_not(None),
    )
    return [Event(as_utc(e.at), e.user_id, e.plan_reference) for e in entries]


def _failed_sign_ins(since: datetime, now: datetime) -> list[Event]:
    entries = _entries(
        since,
        now,
        AccessLog.action.in_(FAILED_SIGN_INS),
        AccessLog.object_type == "account",
        AccessLog.object_id.is_not(None),
    )
    return [Event(as_utc(e.at), e.object_id, e.id) for e in entries]


def _downloads_out_of_hours(
    since: datetime, now: datetime, hours: WorkingHours | None
) -> list[Event]:
    entries = _entries(since, now, AccessLog.action.in_(DOWNLOADS), AccessLog.user_id.is_not(None))
    events = []
    for entry in entries:
        local = as_utc(entry.at).astimezone(DISPLAY_ZONE)
        if hours is None or not hours.includes(local.weekday(), local.time()):
            events.append(Event(as_utc(entry.at), entry.user_id, entry.id))
    return events


def _unassigned_plans_opened(since: datetime, now: datetime) -> list[Event]:
    """Auditors' entries (opened, or refused) about a plan, an audit of one or a document of
    one that they are not assigned to audit."""
    entries = db.session.scalars(
        select(AccessLog)
        .join(User, User.id == AccessLog.user_id)
        .where(
            User.role == "auditor",
            AccessLog.at >= since,
            AccessLog.at <= now,
            AccessLog.action.in_((*READING, "refused")),
            AccessLog.object_type.in_(("plan", "audit", "document")),
            AccessLog.object_id.is_not(None),
        )
        .order_by(AccessLog.at, AccessLog.id)
    ).all()
    if not entries:
        return []
    auditors = {e.user_id for e in entries}
    rows = db.session.execute(
        select(Audit.auditor_id, Audit.plan_id).where(Audit.auditor_id.in_(auditors))
    )
    assigned = {(auditor_id, plan_id) for auditor_id, plan_id in rows}
    events = []
    for entry in entries:
        plan_id = _plan_of(entry.object_type, entry.object_id)
        if plan_id is not None and (entry.user_id, plan_id) not in assigned:
            events.append(Event(as_utc(entry.at), entry.user_id, entry.id))
    return events


def _plan_of(object_type: str, object_id: int) -> int | None:
    if object_type == "plan":
        return object_id
    model = Audit if object_type == "audit" else PlanDocument
    return db.session.scalar(select(model.plan_id).where(model.id == object_id))


def _backup_overdue(rules: AlertRules, now: datetime) -> Alert | None:
    """An alert once a backup is overdue; one per overdue spell (a backup ends the spell)."""
    age = rules.no_recent_backup
    last = last_successful_backup()
    due = as_utc(last.at) + age if last else None
    if due is not None and now < due:
        return None
    spell = [Alert.rule == "no_recent_backup"] + ([Alert.first_at >= due] if due else [])
    stored = db.session.scalar(select(Alert).where(*spell).limit(1))
    if last is None:
        summary = "No successful backup has been recorded"
    else:
        summary = f"No successful backup for {age_in_words(now - as_utc(last.at))}"
    if stored is not None:
        stored.last_at, stored.summary = now, summary
        return None
    alert = Alert(
        rule="no_recent_backup",
        user_id=None,
        first_at=due or now,
        last_at=now,
        count=1,
        summary=summary,
    )
    db.session.add(alert)
    return alert
