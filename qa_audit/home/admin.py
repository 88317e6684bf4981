"""An administrator's home: accounts by role, open alerts, and the last backup and its age.

Backups are recorded by ``qa-audit backup`` (and ``qa-audit record-backup`` for one made with
pg_dump); the home warns when the last good one is older than the alert rules' backup age.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from qa_audit.alerts.checking import open_alert_count
from qa_audit.alerts.rules import current_rules
from qa_audit.datacare.backup_record import last_backup, last_successful_backup
from qa_audit.extensions import db
from qa_audit.models import BackupRecord, User
from qa_audit.models._base import as_utc
from qa_audit.models.user import ROLE_LABELS


@dataclass(frozen=True)
class RoleCount:
    label: str
    active: int
    inactive: int


@dataclass(frozen=True)
class Backups:
    last: BackupRecord | None  # the latest attempt, good or not
    last_good: BackupRecord | None
    age: timedelta | None  # of the last good one
    warning_age: timedelta

    @property
    def overdue(self) -> bool:
        return self.age is None or self.age > self.warning_age

    @property
    def last_failed(self) -> bool:
        return self.last is not None and not self.last.succeeded


@dataclass(frozen=True)
class AdminHome:
    roles: list[RoleCount]
    never_signed_in: int
    open_alerts: int
    backups: Backups

    @property
    def active(self) -> int:
        return sum(r.active for r in self.roles)

    @property
    def inactive(self) -> int:
        return sum(r.inactive for r in self.roles)


def admin_home(now: datetime) -> AdminHome:
    rows = db.session.execute(
        select(
            User.role,
            func.count(User.id).filter(User.active.is_(True)),
            func.count(User.id).filter(User.active.is_(False)),
            func.count(User.id).filter(User.active.is_(True), User.last_login_at.is_(None)),
        ).group_by(User.role)
    ).all()
    found = {role: (active, inactive, never) for role, active, inactive, never in rows}
    roles = [
        RoleCount(label, found.get(role, (0, 0, 0))[0], found.get(role, (0, 0, 0))[1])
        for role, label in ROLE_LABELS.items()
    ]
    good = last_successful_backup()
    backups = Backups(
        last=last_backup(),
        last_good=good,
        age=now - as_utc(good.at) if good else None,
        warning_age=current_rules().backup_warning_age,
    )
    return AdminHome(
        roles=roles,
        never_signed_in=sum(v[2] for v in found.values()),
        open_alerts=open_alert_count(),
        backups=backups,
    )
