"""Which terms the report page offers, and which one it opens on."""

from __future__ import annotations

from datetime import date

from flask import current_app
from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import Audit, Sample, Term
from qa_audit.terms import TermSpan, recent_terms, term_by_id, term_for

RECENT = 6


def term_options(today: date) -> list[TermSpan]:
    """Terms that have a sample, and the last few terms up to today's, newest first."""
    setting = current_app.config["TERM_STARTS"]
    spans = {span.id: span for span in recent_terms(today, setting, RECENT)}
    for term_id in db.session.scalars(select(Term.id)):
        spans.setdefault(term_id, term_by_id(term_id, setting))
    return sorted(spans.values(), key=lambda span: span.starts_on, reverse=True)


def default_term(today: date) -> str:
    """The newest term with a submitted audit in one of its samples, else today's term."""
    newest = db.session.scalar(
        select(Sample.term_id)
        .join(Audit, Audit.sample_id == Sample.id)
        .join(Term, Term.id == Sample.term_id)
        .where(Audit.status == "submitted")
        .order_by(Term.starts_on.desc())
        .limit(1)
    )
    return newest or term_for(today, current_app.config["TERM_STARTS"]).id
