"""Who may see what: the rules pages, downloads and report outputs ask, in one place.

- Plans: QA leads see every plan; SEN managers their team's (all when they have no team);
  auditors only the plans they are assigned to audit; administrators none
  (:func:`visible_plans`). A plan's document versions go with it (:func:`visible_documents`).
- Audits and their feedback sheets: QA leads see every audit, auditors their own, SEN managers
  the audits of plans they see (:func:`get_visible_audit`); a second marker does not see the
  first marker's audit until both are submitted.
- Advice audits: QA leads see every one, auditors their own (:func:`get_visible_advice_audit`);
  the advice's recommendations go with the audit. They never count as plan audits.
- Double-marking: nobody sees either marking of a double-marked plan in a report until both are
  submitted (:func:`plans_being_double_marked`); on the audit pages the same holds through
  :func:`qa_audit.audits.double_marking.can_see_other_marking`.
- Reports: the figures (dashboard, PDF) are council-wide for everyone who may read reports;
  rows naming a plan (the CSV, the XLSX's plan results and caseload sheets, the plans where a
  family and the auditors disagree) only for the plans the reader may see, and families' own
  words only for QA leads (:func:`report_rows`). A report file built in the background is its
  requester's alone (:func:`get_own_build`).

The ``get_*`` functions raise :class:`~qa_audit.errors.NotFound` for an object that does not
exist and :class:`~qa_audit.errors.NotVisible` for one the user may not see; the web layer logs
the second as a refusal and answers both "not found", so nobody learns which objects exist.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Select, exists, false, select
from sqlalchemy.orm import joinedload

from qa_audit.auth.permissions import can
from qa_audit.errors import NotAllowed, NotFound, NotVisible
from qa_audit.extensions import db
from qa_audit.models import (
    AdviceAudit,
    Audit,
    Plan,
    PlanDocument,
    ReportBuild,
    SampleMember,
    User,
)

NOUNS = {
    Plan: "plan",
    PlanDocument: "document",
    Audit: "audit",
    AdviceAudit: "advice audit",
    ReportBuild: "report file",
}


def visible_plans(user: User) -> Select:
    """QA leads see every plan; SEN managers their team's (all when they have no team);
    auditors only plans they are assigned to audit."""
    query = select(Plan)
    if user.role == "qa_lead":
        return query
    if user.role == "sen_manager":
        return query.where(Plan.team == user.team) if user.team else query
    if user.role == "auditor":
        assigned = exists().where(Audit.plan_id == Plan.id, Audit.auditor_id == user.id)
        return query.where(assigned)
    return query.where(false())


def may_see_plan(user: User, plan_id: int) -> bool:
    return db.session.scalar(visible_plans(user).where(Plan.id == plan_id)) is not None


def get_visible_plan(user: User, plan_id: int) -> Plan:
    """The plan, if it exists and the user may see it."""
    plan = db.session.scalar(visible_plans(user).where(Plan.id == plan_id))
    if plan is None:
        _existing(Plan, plan_id)
        raise _hidden(Plan)
    return plan


def visible_documents(user: User) -> Select:
    """The document versions of the plans the user may see."""
    return select(PlanDocument).where(
        PlanDocument.plan_id.in_(visible_plans(user).with_only_columns(Plan.id))
    )


def get_visible_document(user: User, document_id: int) -> PlanDocument:
    """A document version of a plan the user may see."""
    document = _existing(PlanDocument, document_id)
    if not may_see_plan(user, document.plan_id):
        raise _hidden(PlanDocument)
    return document


def get_visible_audit(user: User, audit_id: int) -> Audit:
    """The audit (and its feedback sheet), if the user may see it: QA leads any audit, auditors
    their own, SEN managers those of plans they see.

    A second marker (a QA lead, say) does not see the other auditor's audit of the same plan
    until both are submitted, so double-marking stays independent.
    """
    audit = db.session.scalar(
        select(Audit).options(joinedload(Audit.scores)).where(Audit.id == audit_id)
    )
    if audit is None:
        raise NotFound(f"There is no such {NOUNS[Audit]}.")
    if audit.auditor_id == user.id:
        return audit
    sees = user.role == "qa_lead" or (
        user.role == "sen_manager" and may_see_plan(user, audit.plan_id)
    )
    if not sees or _marks_the_same_plan(user, audit):
        raise _hidden(Audit)
    return audit


def get_visible_advice_audit(user: User, audit_id: int) -> AdviceAudit:
    """The advice audit, with the advice it scores, if the user may see it: QA leads any,
    auditors their own."""
    audit = _existing(AdviceAudit, audit_id)
    if audit.auditor_id != user.id and user.role != "qa_lead":
        raise _hidden(AdviceAudit)
    return audit


def _marks_the_same_plan(user: User, audit: Audit) -> bool:
    """Whether ``user`` also marks the audit's plan in its sample, and the two markings are
    not both submitted."""
    if audit.sample_id is None:
        return False
    other = select(Audit.status).where(
        Audit.sample_id == audit.sample_id,
        Audit.plan_id == audit.plan_id,
        Audit.id != audit.id,
        Audit.auditor_id == user.id,
    )
    statuses = set(db.session.scalars(other))
    return bool(statuses) and statuses | {audit.status} != {"submitted"}


def _existing(model: type, object_id: int):
    found = db.session.get(model, object_id)
    if found is None:
        raise NotFound(f"There is no such {NOUNS[model]}.")
    return found


def _hidden(model: type) -> NotVisible:
    return NotVisible(f"This {NOUNS[model]} is not one you may see.")


def plans_being_double_marked(sample_ids: Iterable[int]) -> set[tuple[int, int]]:
    """(sample id, plan id) of double-marked plans with an audit not yet submitted: their
    submitted marking stays out of every report until the other one is in."""
    ids = sorted(set(sample_ids))
    if not ids:
        return set()
    rows = db.session.execute(
        select(SampleMember.sample_id, SampleMember.plan_id)
        .join(
            Audit,
            (Audit.sample_id == SampleMember.sample_id) & (Audit.plan_id == SampleMember.plan_id),
        )
        .where(
            SampleMember.sample_id.in_(ids),
            SampleMember.double_marked.is_(True),
            Audit.status != "submitted",
        )
    )
    return {(row.sample_id, row.plan_id) for row in rows}


@dataclass(frozen=True)
class ReportRows:
    """Which plans a report output may list row by row; ``plan_ids`` None: every plan.
    ``family_comments``: whether it may quote what families wrote (QA leads only)."""

    plan_ids: frozenset[int] | None = None
    family_comments: bool = True

    def shows(self, plan_id: int | None) -> bool:
        return self.plan_ids is None or plan_id in self.plan_ids


EVERY_PLAN = ReportRows()  # the report a command on the server writes


def report_rows(user: User) -> ReportRows:
    """The plans whose rows ``user``'s report outputs may hold: those they may see."""
    if not user.active or not can(user.role, "reports.view"):
        raise NotAllowed("This account may not read reports.")
    ids = db.session.scalars(visible_plans(user).with_only_columns(Plan.id))
    return ReportRows(frozenset(ids), can(user.role, "family.comments"))


def get_own_build(user: User, build_id: int) -> ReportBuild:
    """A report file built in the background, only for the person who asked for it (it holds
    the rows they may see); anyone else is answered "not found", and the refusal logged."""
    build = _existing(ReportBuild, build_id)
    if build.requested_by != user.id:
        raise NotVisible("This report file was prepared for someone else.")
    return build
