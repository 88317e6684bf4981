"""The caseworker feedback sheet for an audited plan, as a page and as a PDF."""

from __future__ import annotations

import re

from flask import Blueprint, Response, flash, redirect, render_template, url_for
from flask_login import current_user

from qa_audit.access_recorder import record_access
from qa_audit.auth.permissions import requires
from qa_audit.feedback.sheet import feedback_sheet
from qa_audit.files.pdf import render_pdf
from qa_audit.visibility import get_visible_audit

bp = Blueprint("feedback", __name__, url_prefix="/audits")

NOT_READY = (
    "Feedback is ready once the audit is submitted and, for a double-marked plan, once both "
    "auditors have submitted and any difference between them is moderated."
)


@bp.route("/<int:audit_id>/feedback")
@requires("feedback.view")
def show(audit_id: int):
    audit = get_visible_audit(current_user, audit_id)
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
    audit = get_visible_audit(current_user, audit_id)
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
