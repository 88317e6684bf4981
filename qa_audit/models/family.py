"""What children, young people and parents say about a plan: the single-use links that ask
them, and their answers. Nothing names the child or the person answering: a response holds the
plan (by id), who answered (parent or carer, young person, child), how, when and the answers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from qa_audit.extensions import db
from qa_audit.models._base import created_at_column

RESPONDENTS = {
    "parent": "Parent or carer",
    "young_person": "Young person",
    "child": "Child",
}
PLAIN_WORDS_FOR = frozenset({"young_person", "child"})  # asked in plain words
HOW_ANSWERED = {"online": "Online form", "phone": "By phone", "paper": "On paper"}


class FamilyLink(db.Model):
    """A link that asks one respondent about one plan. Only the SHA-256 of its random token is
    kept; it works once, until it expires or is withdrawn."""

    __tablename__ = "family_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    respondent: Mapped[str] = mapped_column(String(20))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = created_at_column()
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class FamilyResponse(db.Model):
    """One respondent's answers about a plan, through a link or recorded by a caseworker from a
    phone call or a paper form. ``comments`` holds the free-text answers (QA leads only)."""

    __tablename__ = "family_responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    link_id: Mapped[int | None] = mapped_column(ForeignKey("family_links.id"), unique=True)
    respondent: Mapped[str] = mapped_column(String(20))
    how: Mapped[str] = mapped_column(String(10))
    answers: Mapped[dict] = mapped_column(JSON)  # question id -> answer value
    comments: Mapped[dict] = mapped_column(JSON)  # question id -> free text
    answered_at: Mapped[datetime] = created_at_column()


class YouSaidWeDid(db.Model):
    """One line of the "You said, we did" list a QA lead keeps: what families told us, and what
    the service changed because of it. Written in general terms: it names no child or family."""

    __tablename__ = "you_said_we_did"

    id: Mapped[int] = mapped_column(primary_key=True)
    you_said: Mapped[str] = mapped_column(String(500))
    we_did: Mapped[str] = mapped_column(String(500))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = created_at_column()
