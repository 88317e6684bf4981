"""The "You said, we did" list a QA lead keeps: what families told us, and what changed.
Operations flush, never commit."""

from __future__ import annotations

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import User, YouSaidWeDid


def add_entry(you_said: str, we_did: str, by: User) -> YouSaidWeDid:
    entry = YouSaidWeDid(you_said=you_said.strip(), we_did=we_did.strip(), created_by_id=by.id)
    db.session.add(entry)
    db.session.flush()
    return entry


def all_entries() -> list[YouSaidWeDid]:
    """Newest first."""
    return list(
        db.session.scalars(
            select(YouSaidWeDid).order_by(YouSaidWeDid.created_at.desc(), YouSaidWeDid.id.desc())
        )
    )
