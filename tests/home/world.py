"""A term in hand for home-page tests: today's term with its sample, audits, follow-ups and
uploads, written the way the app writes them (audits submitted through the real operation)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flask import current_app
from sqlalchemy import event

from qa_audit.audits.operations import submit_audit
from qa_audit.audits.scoring_form import ScoreSheet
from qa_audit.extensions import db
from qa_audit.models import (
    Analysis,
    Audit,
    FollowUpAction,
    Plan,
    PlanDocument,
    Sample,
    SampleMember,
    Term,
)
from qa_audit.nlp.version import ANALYSER_VERSION
from qa_audit.terms import TermSpan, term_for
from tests.moderation.helpers import default_matrix

TODAY = date.today()
YESTERDAY = TODAY - timedelta(days=1)


def this_term() -> TermSpan:
    return term_for(TODAY, current_app.config["TERM_STARTS"])


def sample(kind: str = "random") -> Sample:
    span = this_term()
    if db.session.get(Term, span.id) is None:
        db.session.add(
            Term(id=span.id, label=span.label, starts_on=span.starts_on, ends_on=span.ends_on)
        )
        db.session.flush()
    row = Sample(term_id=span.id, kind=kind, seed=1, method={"size": 10})
    db.session.add(row)
    db.session.commit()
    return row


def member(sample_row: Sample, plan: Plan, double_marked: bool = False) -> SampleMember:
    row = SampleMember(sample_id=sample_row.id, plan_id=plan.id, double_marked=double_marked)
    db.session.add(row)
    db.session.commit()
    return row


def submit(audit: Audit, grade: str = "good", when: datetime | None = None) -> None:
    criteria = default_matrix().criteria
    sheet = ScoreSheet(
        grades={c.id: grade for c in criteria},
        evidence={},
        overall=grade,
        summary="",
        strengths="",
        to_improve="",
    )
    submit_audit(audit, sheet, audit.revision, submitted_at=when or datetime.now(UTC))
    db.session.commit()


def follow_up(audit: Audit, due_on: date | None, owner=None, kind: str = "amend"):
    action = FollowUpAction(
        audit_id=audit.id, kind=kind, due_on=due_on, owner_id=owner.id if owner else None
    )
    db.session.add(action)
    db.session.commit()
    return action


def upload(plan: Plan, status: str | None, version: int = 1) -> PlanDocument:
    """A document version with the current analyser's run in ``status`` (None: no run yet)."""
    document = PlanDocument(
        plan_id=plan.id,
        version=version,
        sha256=f"{plan.id:032d}{version:032d}",
        size=10,
        original_name="plan.docx",
        file_type="docx",
        parsed={"section_text": {}},
    )
    db.session.add(document)
    db.session.flush()
    if status is not None:
        db.session.add(
            Analysis(
                document_id=document.id,
                analyser_version=ANALYSER_VERSION,
                status=status,
                requested_at=datetime.now(UTC),
            )
        )
    db.session.commit()
    return document


def count_statements(client) -> int:
    """Statements the signed-in user's home page runs."""
    statements = []

    def count(*_args, **_kwargs):
        statements.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        assert client.get("/").status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(statements)
