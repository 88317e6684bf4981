"""How far a term's audits have got, per auditor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import Audit, Sample, User


@dataclass
class AuditorProgress:
    auditor: User
    assigned: int = 0
    draft: int = 0
    submitted: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        return self.assigned + self.draft + self.submitted


def term_progress(term_id: str, today: date | None = None) -> list[AuditorProgress]:
    """Audits of the term's samples (random and targeted) by status per auditor, by name.

    Overdue: not submitted and due before ``today``.
    """
    today = today or date.today()
    rows = db.session.execute(
        select(Audit, User)
        .join(Sample, Audit.sample_id == Sample.id)
        .join(User, Audit.auditor_id == User.id)
        .where(Sample.term_id == term_id)
    )
    progress: dict[int, AuditorProgress] = {}
    for audit, auditor in rows:
        entry = progress.setdefault(auditor.id, AuditorProgress(auditor))
        setattr(entry, audit.status, getattr(entry, audit.status) + 1)
        if audit.status != "submitted" and audit.due_on and audit.due_on < today:
            entry.overdue += 1
    return sorted(progress.values(), key=lambda p: (p.auditor.name, p.auditor.id))
