"""Everything the scoring page shows beside the form: the plan's text, the pre-flags, and the
judgement of a submitted audit."""

from __future__ import annotations

from dataclasses import dataclass

from flask import render_template
from flask_login import current_user
from sqlalchemy import select
from wtforms import Form

from qa_audit.advice.findings import counted_finding
from qa_audit.advice.tracing import counts_in
from qa_audit.audits.double_marking import can_see_other_marking, grades_of, partner_audit
from qa_audit.audits.plan_text import audited_document, plan_sections
from qa_audit.audits.preflags import latest_analysis_result, preflags_by_criterion
from qa_audit.audits.queries import STATUS_LABELS, may_score
from qa_audit.audits.scoring_form import fields_by_domain
from qa_audit.auth.permissions import can
from qa_audit.extensions import db
from qa_audit.matrix.model import Matrix
from qa_audit.models import AdviceAudit, Audit, Plan, SampleMember
from qa_audit.web.local_time import clock_time, epoch_ms


@dataclass(frozen=True)
class DoubleMarking:
    """The other marking of a double-marked plan as this page may show it: ``other`` is None
    until both audits are submitted (see ``can_see_other_marking``)."""

    member_id: int | None
    this: dict[str, str | None]
    other: dict[str, str | None] | None


def double_marking(audit: Audit) -> DoubleMarking | None:
    partner = partner_audit(audit)
    if partner is None:
        return None
    member_id = db.session.scalar(
        select(SampleMember.id).where(
            SampleMember.sample_id == audit.sample_id, SampleMember.plan_id == audit.plan_id
        )
    )
    visible = can_see_other_marking(audit, current_user)
    return DoubleMarking(member_id, grades_of(audit), grades_of(partner) if visible else None)


def stale_message(audit: Audit | AdviceAudit) -> str:
    return (
        f"This audit was changed in another window at {clock_time(audit.updated_at)}; "
        "your version is below, copy anything you need and reload."
    )


def render_scoring_page(
    audit: Audit,
    matrix: Matrix,
    form: Form,
    *,
    revision: int | None = None,
    problem: str | None = None,
    status: int = 200,
):
    """The scoring page for ``audit`` with ``form`` (saved answers, or what was just posted)."""
    plan = db.session.get_one(Plan, audit.plan_id)
    document = audited_document(audit)
    analysis = latest_analysis_result(document.id if document else None)
    traced = counted_finding(document.id if document else None)
    editable = may_score(current_user, audit)
    page = render_template(
        "audits/score.html",
        audit=audit,
        plan=plan,
        matrix=matrix,
        form=form,
        groups=fields_by_domain(form, matrix),
        document=document,
        sections=plan_sections(document.parsed if document else None),
        preflags=preflags_by_criterion(matrix, analysis, traced),
        advice=counts_in(traced) if traced else None,
        double=double_marking(audit),
        editable=editable,
        can_reopen=audit.status == "submitted" and can(current_user.role, "audits.manage"),
        revision=audit.revision if revision is None else revision,
        saved_at_ms=epoch_ms(audit.updated_at) if audit.status != "assigned" else 0,
        status_label=STATUS_LABELS.get(audit.status, audit.status),
        problem=problem,
        title=f"Audit of plan {plan.reference}",
    )
    return page, status
