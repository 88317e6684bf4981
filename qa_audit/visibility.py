"""Who may see what: the rules pages, downloads and report outputs ask, in one place.

- Plans: QA leads see every plan; SEN managers their team's (all when they have no team);
  auditors only the plans they are assigned to audit; administrators none
  (:func:`visible_plans`). A plan outside these answers "not found" (:func:`get_visible_plan`).
- Double-marking: nobody sees either marking of a double-marked plan in a report until both are
  submitted (:func:`plans_being_double_marked`); on the audit pages the same holds through
  :func:`qa_audit.audits.double_marking.can_see_other_marking`.
- Reports: the figures (dashboard, PDF) are council-wide for everyone who may read reports;
  rows naming a plan (the CSV, the XLSX's plan results and caseload sheets) only for the plans
  the reader may see (:func:`report_rows`). A report file built in the background is its
  requester's alone (:func:`get_own_build`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from flask import abort
from sqlalchemy import Select, exists, false, select

from qa_audit.access_recorder import refuse
from qa_audit.auth.permissions import can
from qa_audit.errors import NotAllowed
from qa_audit.extensions import db
from qa_audit.models import Audit, Plan, ReportBuild, SampleMember, User


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


def get_visible_plan(user: User, plan_id: int) -> Plan:
    """The plan, or 404 when it does not exist or the user may not see it (no existence leak)."""
    plan = db.session.scalar(visible_plans(user).where(Plan.id == plan_id))
    if plan is None and db.session.get(Plan, plan_id) is not None:
        refuse()
    if plan is None:
        abort(404)
    return plan


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
    """Which plans a report output may list row by row; ``plan_ids`` None: every plan."""

    plan_ids: frozenset[int] | None = None

    def shows(self, plan_id: int | None) -> bool:
        return self.plan_ids is None or plan_id in self.plan_ids


EVERY_PLAN = ReportRows()  # the report a command on the server writes


def report_rows(user: User) -> ReportRows:
    """The plans whose rows ``user``'s report outputs may hold: those they may see."""
    if not user.active or not can(user.role, "reports.view"):
        raise NotAllowed("This account may not read reports.")
    ids = db.session.scalars(visible_plans(user).with_only_columns(Plan.id))
    return ReportRows(frozenset(ids))


def get_own_build(user: User, build_id: int) -> ReportBuild:
    """A report file built in the background, only for the person who asked for it (it holds
    the rows they may see); anyone else is answered "not found", and the refusal logged."""
    build = db.session.get(ReportBuild, build_id)
    if build is None:
        abort(404)
    if build.requested_by != user.id:
        refuse()
    return build
