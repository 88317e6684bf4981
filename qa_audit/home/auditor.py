"""An auditor's home: the audits still to do, drafts first, each with its due date, and the
advice still to audit, drafts first, each with its term and source."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qa_audit.advice_quality.queries import AdviceToDo, advice_to_do
from qa_audit.audits.queries import assigned_audits
from qa_audit.models import Audit, Plan, User


@dataclass(frozen=True)
class DueAudit:
    audit: Audit
    plan: Plan
    overdue: bool


@dataclass(frozen=True)
class AuditorHome:
    to_do: list[DueAudit]
    submitted: int
    advice: list[AdviceToDo]  # advice audits not yet submitted

    @property
    def overdue(self) -> int:
        return sum(item.overdue for item in self.to_do)

    @property
    def drafts(self) -> int:
        return sum(item.audit.status == "draft" for item in self.to_do)

    @property
    def advice_drafts(self) -> int:
        return sum(item.status == "draft" for item in self.advice)


def auditor_home(user: User, today: date) -> AuditorHome:
    """Two queries: the user's audits (earliest due first), drafts moved ahead of the rest; and
    their advice audits not yet submitted."""
    mine = assigned_audits(user)
    to_do = [
        DueAudit(audit, plan, audit.due_on is not None and audit.due_on < today)
        for audit, plan in mine
        if audit.status != "submitted"
    ]
    to_do.sort(key=lambda item: item.audit.status != "draft")  # stable: due order kept
    return AuditorHome(to_do=to_do, submitted=len(mine) - len(to_do), advice=advice_to_do(user))
