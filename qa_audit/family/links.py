"""Single-use links that ask a family about a plan, and the answers they bring back.

A link's token is random (256 bits) and kept only as its SHA-256 (as set-password links are);
it names neither the plan nor the child. It works once, until it expires
(``FAMILY_LINK_WEEKS``) or is withdrawn. Operations flush, never commit.
"""

from __future__ import annotations

import base64
import secrets
from datetime import datetime, timedelta
from enum import StrEnum

from flask import current_app
from sqlalchemy import select, update

from qa_audit.auth.password_links import token_digest
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import FamilyLink, FamilyResponse, Plan, User
from qa_audit.models._base import as_utc, utcnow
from qa_audit.models.family import HOW_ANSWERED, RESPONDENTS


class LinkState(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


STATE_LABELS = {
    LinkState.OPEN: "Waiting for an answer",
    LinkState.ANSWERED: "Answered",
    LinkState.WITHDRAWN: "Withdrawn",
    LinkState.EXPIRED: "Expired",
}


def state_of(link: FamilyLink, at: datetime | None = None) -> LinkState:
    """The link's state now (or ``at``)."""
    if link.used_at is not None:
        return LinkState.ANSWERED
    if link.withdrawn_at is not None:
        return LinkState.WITHDRAWN
    if as_utc(link.expires_at) <= (at or utcnow()):
        return LinkState.EXPIRED
    return LinkState.OPEN


def new_token() -> str:
    """160 random bits as 32 lowercase letters and digits 2 to 7 (base 32): no hyphen for a
    printed line to break at, and no 0, 1, 8 or 9 to mistake for o, l, b or g when typed from
    the letter."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii").lower()


def issue_link(
    plan: Plan, respondent: str, by: User, at: datetime | None = None
) -> tuple[FamilyLink, str]:
    """A new link for ``respondent`` about ``plan``, and its token (shown once, never stored).
    ``at``: when it was made, for data loaded afterwards (the demo's earlier terms)."""
    if respondent not in RESPONDENTS:
        raise QaAuditError("Choose who the link is for.")
    now = at or utcnow()
    token = new_token()
    link = FamilyLink(
        plan_id=plan.id,
        respondent=respondent,
        token_hash=token_digest(token),
        created_by_id=by.id,
        created_at=now,
        expires_at=now + timedelta(weeks=current_app.config["FAMILY_LINK_WEEKS"]),
    )
    db.session.add(link)
    db.session.flush()
    return link, token


def find_link(token: str) -> FamilyLink | None:
    """The link with this token, in whatever state, or None."""
    return db.session.scalar(select(FamilyLink).where(FamilyLink.token_hash == token_digest(token)))


def links_of(plan: Plan) -> list[FamilyLink]:
    return list(
        db.session.scalars(
            select(FamilyLink).where(FamilyLink.plan_id == plan.id).order_by(FamilyLink.id.desc())
        )
    )


def responses_of(plan: Plan) -> list[FamilyResponse]:
    return list(
        db.session.scalars(
            select(FamilyResponse)
            .where(FamilyResponse.plan_id == plan.id)
            .order_by(FamilyResponse.answered_at.desc(), FamilyResponse.id.desc())
        )
    )


def withdraw(link: FamilyLink) -> bool:
    """Stop an unanswered link working; False when it was already answered or withdrawn."""
    if link.used_at is not None or link.withdrawn_at is not None:
        return False
    link.withdrawn_at = utcnow()
    db.session.flush()
    return True


def answer_through_link(
    link: FamilyLink, answers: dict, comments: dict, at: datetime | None = None
) -> FamilyResponse | None:
    """Record the answers brought by an open link, which then stops working. None when the link
    was no longer open (answered at the same moment in another window, say): nothing is kept."""
    now = at or utcnow()
    if state_of(link, now) is not LinkState.OPEN:
        return None
    taken = db.session.execute(
        update(FamilyLink)
        .where(FamilyLink.id == link.id, FamilyLink.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session="fetch")
    )
    if taken.rowcount != 1:
        return None
    return _record(link.plan_id, link.respondent, "online", answers, comments, link.id, now)


def record_given_answer(
    plan: Plan,
    respondent: str,
    how: str,
    answers: dict,
    comments: dict,
    at: datetime | None = None,
) -> FamilyResponse:
    """An answer a caseworker took by phone or from a paper form, marked as such."""
    if respondent not in RESPONDENTS or how not in HOW_ANSWERED or how == "online":
        raise QaAuditError("Choose who answered, and whether by phone or on paper.")
    return _record(plan.id, respondent, how, answers, comments, None, at or utcnow())


def _record(
    plan_id: int,
    respondent: str,
    how: str,
    answers: dict,
    comments: dict,
    link_id: int | None,
    at: datetime,
) -> FamilyResponse:
    response = FamilyResponse(
        plan_id=plan_id,
        link_id=link_id,
        respondent=respondent,
        how=how,
        answers=answers,
        comments={key: text for key, text in comments.items() if text},
        answered_at=at,
    )
    db.session.add(response)
    db.session.flush()
    return response
