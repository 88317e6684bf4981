"""What an account change means for the access log: one entry per change, and a distinct
``grant_plan_access`` entry whenever an account gains a way to read plans, so administrators
(and whoever checks on them) can filter for exactly those.

An account reads plans when its role may view plans (QA lead, SEN manager, auditor). It gains
access when it is created with such a role, is given one, is reactivated with one, or, as a SEN
manager, has its team changed (a SEN manager without a team sees every plan).
"""

from __future__ import annotations

from dataclasses import dataclass

from qa_audit.access_recorder import record_access
from qa_audit.auth.permissions import can
from qa_audit.models import User
from qa_audit.models.user import ROLE_LABELS

GRANT = "grant_plan_access"


@dataclass(frozen=True)
class AccountState:
    role: str
    team: str | None
    active: bool
    name: str
    agency: str | None

    @classmethod
    def of(cls, user: User) -> AccountState:
        return cls(user.role, user.team, user.active, user.name, user.agency)


def _access(state: AccountState) -> str:
    team = (state.team or "every team") if state.role == "sen_manager" else None
    return ROLE_LABELS[state.role] + (f", {team}" if team else "")


def _reads_plans(state: AccountState) -> bool:
    return state.active and can(state.role, "plans.view")


def record_creation(user: User) -> None:
    after = AccountState.of(user)
    record_access("create_account", "account", user.id, detail=_access(after))
    if _reads_plans(after):
        record_access(GRANT, "account", user.id, detail=_access(after))


def record_changes(user: User, before: AccountState) -> bool:
    """Entries for what changed between ``before`` and the account as it is now; True when
    the account gained access to plans."""
    after = AccountState.of(user)
    if before.role != after.role:
        detail = f"{ROLE_LABELS[before.role]} to {ROLE_LABELS[after.role]}"
        record_access("change_role", "account", user.id, detail=detail)
    if before.team != after.team:
        detail = f"{before.team or 'no team'} to {after.team or 'no team'}"
        record_access("change_team", "account", user.id, detail=detail)
    if before.active != after.active:
        action = "reactivate_account" if after.active else "deactivate_account"
        record_access(action, "account", user.id)
    others = [name for name in ("name", "agency") if getattr(before, name) != getattr(after, name)]
    if others:
        record_access("update_account", "account", user.id, detail=" and ".join(others))
    gained = _reads_plans(after) and (
        not _reads_plans(before)
        or before.role != after.role
        or (after.role == "sen_manager" and before.team != after.team)
    )
    if gained:
        record_access(GRANT, "account", user.id, detail=_access(after))
    return gained
