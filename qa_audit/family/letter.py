"""The letter posted with the final plan: the family's link and its QR code in plain words.

A link's token is never stored, so the letter can only be printed while the page that shows the
new link once still holds it. Between making the link (a POST) and that page (the GET it
redirects to), the token waits in the signed session cookie of the person who made it, and is
taken out when the page is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import session, url_for

from qa_audit.auth.password_links import token_digest
from qa_audit.extensions import db
from qa_audit.files.pdf import render_pdf
from qa_audit.files.qr import qr_svg
from qa_audit.models import FamilyLink, Plan
from qa_audit.models.family import PLAIN_WORDS_FOR

NEW_LINK = "new_family_link"


@dataclass(frozen=True)
class NewLink:
    """A link just made, with its token and address, for the page that shows it once."""

    link: FamilyLink
    token: str

    @property
    def link_id(self) -> int:
        return self.link.id

    @property
    def address(self) -> str:
        return url_for("family.answer", token=self.token, _external=True)


def hold_new_link(link: FamilyLink, token: str) -> None:
    session[NEW_LINK] = {"plan_id": link.plan_id, "link_id": link.id, "token": token}


def take_new_link(plan: Plan) -> NewLink | None:
    """The link just made for ``plan``, once: the token leaves the session as it is shown."""
    held = session.get(NEW_LINK)
    if not isinstance(held, dict) or held.get("plan_id") != plan.id:
        return None
    session.pop(NEW_LINK)
    link = db.session.get(FamilyLink, held.get("link_id"))
    token = str(held.get("token") or "")
    if link is None or link.plan_id != plan.id or link.token_hash != token_digest(token):
        return None  # the link was not kept (its request failed)
    return NewLink(link, token)


def letter_pdf(link: FamilyLink, plan: Plan, address: str, questions: int) -> bytes:
    """The letter for ``link``: no name, only the plan's reference to tell plans apart."""
    return render_pdf(
        "pdf/family_letter.html",
        link=link,
        reference=plan.reference,
        address=address,
        qr=qr_svg(address, scale=4),
        plain=link.respondent in PLAIN_WORDS_FOR,
        questions=questions,
    )
