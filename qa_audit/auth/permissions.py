"""Who may do what: the one table of role x action, enforced on the server for every route.

Every view declares its action with ``@requires(action)`` (or ``@public``); a request to a view
that declares nothing is refused, so a forgotten declaration fails closed.
Object-level limits (an auditor sees only plans they are assigned) live in the operations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

PERMISSIONS: dict[str, frozenset[str]] = {
    "dashboard": frozenset({"admin", "qa_lead", "auditor", "sen_manager"}),
    "account": frozenset({"admin", "qa_lead", "auditor", "sen_manager"}),
    "users.manage": frozenset({"admin"}),
    "matrices.view": frozenset({"admin", "qa_lead"}),
    "access_log.view": frozenset({"admin"}),
    "alerts.review": frozenset({"admin"}),
    "plans.list": frozenset({"qa_lead", "sen_manager"}),
    "plans.view": frozenset({"qa_lead", "sen_manager", "auditor"}),
    "plans.edit": frozenset({"qa_lead", "sen_manager"}),
    "documents.upload": frozenset({"qa_lead", "sen_manager"}),
    "documents.download": frozenset({"qa_lead", "sen_manager", "auditor"}),
    "audits.score": frozenset({"qa_lead", "auditor"}),
    "audits.manage": frozenset({"qa_lead"}),
    "advice_audits.score": frozenset({"qa_lead", "auditor"}),
    "advice_audits.manage": frozenset({"qa_lead"}),
    "follow_ups.own": frozenset({"qa_lead", "auditor", "sen_manager"}),
    "feedback.view": frozenset({"qa_lead", "auditor", "sen_manager"}),
    "reports.view": frozenset({"qa_lead", "sen_manager"}),
    "caseload.import": frozenset({"qa_lead", "sen_manager"}),
    "national.manage": frozenset({"qa_lead"}),
    "advice.deadlines": frozenset({"qa_lead", "sen_manager"}),
    "family.send": frozenset({"qa_lead", "sen_manager"}),
    "family.comments": frozenset({"qa_lead"}),
    "family.you_said": frozenset({"qa_lead"}),
}

PUBLIC = "public"

F = TypeVar("F", bound=Callable)


def can(role: str | None, action: str) -> bool:
    if action not in PERMISSIONS:
        raise KeyError(f"unknown action {action!r}")
    return role is not None and role in PERMISSIONS[action]


def requires(action: str) -> Callable[[F], F]:
    """Declare the action a view performs; checked before the view runs."""
    if action not in PERMISSIONS:
        raise KeyError(f"unknown action {action!r}")

    def mark(view: F) -> F:
        view.required_action = action  # type: ignore[attr-defined]
        return view

    return mark


def public(view: F) -> F:
    """Declare a view that needs no sign-in (signing in, setting a password through its link,
    and a family answering through theirs)."""
    view.required_action = PUBLIC  # type: ignore[attr-defined]
    return view


def required_action(view: Callable | None) -> str | None:
    return getattr(view, "required_action", None)
