"""The caseworker feedback sheet for an audited plan, as a page and as a PDF."""

from __future__ import annotations

import re

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from qa_audit.access_recorder import record_access, refuse
from qa_audit.auth.permissions import requires
from qa_audit.extensions import db
from qa_audit.feedback.sheet import feedback_sheet
from qa_audit.files.pdf import render_pdf
from qa_audit.models import Audit, Plan
from qa_audit.visibility import visible_plans

bp = Blueprint("feedback", __name__, url_prefix="/audits")

NOT_READY = (
    "Feedback is ready once the audit is submitted and, for a double-marked plan, once both "
    "auditors have submitted and any difference between them is moderated."
)


@bp.route("/<int:audit_id>/feedback")
@requires("feedback.view")
def show(audit_id: int):
    audit = _visible_audit(audit_id)
    sheet = feedback_sheet(audit)
    record_access("view_feedback", "audit", audit.id)
    return render_template(
        "feedback/show.html",
        audit=audit,
        sheet=sheet,
        not_ready=NOT_READY,
        title="Feedback for the caseworker",
    )


@bp.route("/<int:audit_id>/feedback.pdf")
@requires("feedback.view")
def pdf(audit_id: int):
    audit = _visible_audit(audit_id)
    sheet = feedback_sheet(audit)
    if sheet is None:
        flash(NOT_READY)
        return redirect(url_for("feedback.show", audit_id=audit.id))
    data = render_pdf("pdf/feedback.html", sheet=sheet)
    record_access("download_feedback", "audit", audit.id)
    name = re.sub(r"[^A-Za-z0-9-]+", "-", sheet.plan.reference).strip("-") or "plan"
    return Response(
        data,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="feedback-{name}.pdf"'},
    )


def _visible_audit(audit_id: int) -> Audit:
    """QA leads: any audit; auditors: their own; SEN managers: audits of plans they can see.
    Anything else is 404, so nobody learns which audits exist."""
    audit = db.session.get(Audit, audit_id)
    if audit is None:
        abort(404)
    if current_user.role == "qa_lead" or audit.auditor_id == current_user.id:
        return audit
    if current_user.role == "sen_manager":
        visible = db.session.scalar(visible_plans(current_user).where(Plan.id == audit.plan_id))
        if visible is not None:
            return audit
    refuse()
