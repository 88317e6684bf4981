"""An administrator's home: accounts by role, and what can be known about backups.

``qa-audit backup`` copies the database to a file the operator names and records nothing in
the app, so the home cannot say when the last backup was made; it says so, and how to make one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from qa_audit.extensions import db
from qa_audit.models import User
from qa_audit.models.user import ROLE_LABELS


@dataclass(frozen=True)
class RoleCount:
    label: str
    active: int
    inactive: int


@dataclass(frozen=True)
class AdminHome:
    roles: list[RoleCount]
    never_signed_in: int

    @property
    def active(self) -> int:
        return sum(r.active for r in self.roles)

    @property
    def inactive(self) -> int:
        return sum(r.inactive for r in self.roles)


def admin_home() -> AdminHome:
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
    return AdminHome(roles=roles, never_signed_in=sum(v[2] for v in found.values()))
