from datetime import timedelta

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf.csrf import generate_csrf, validate_csrf
from wtforms import ValidationError

from qa_audit.access_recorder import record_access, record_access_now_and_then, refuse
from qa_audit.audits import operations
from qa_audit.audits.answers import AuditLocked, StaleAudit
from qa_audit.audits.forms import AssignAuditForm
from qa_audit.audits.page import render_scoring_page, stale_message
from qa_audit.audits.queries import STATUS_LABELS, assigned_audits, may_score
from qa_audit.audits.saving import ScoringPage, save_posted, show_saved
from qa_audit.audits.scoring_form import build_scoring_form, scores_from_form
from qa_audit.auth.permissions import requires
from qa_audit.extensions import csrf, db
from qa_audit.models import User
from qa_audit.visibility import get_visible_audit
from qa_audit.web.json_views import json_error, json_view
from qa_audit.web.local_time import clock_time

bp = Blueprint("audits", __name__, url_prefix="/audits")

# Automatic saves come every few seconds while someone types: the access log notes the first,
# then at most one per audit in this time (a Save or Submit is always noted).
AUTOSAVE_LOGGED_EVERY = timedelta(minutes=15)

PLAN_AUDIT_PAGE = ScoringPage(
    matrix=operations.audit_matrix,
    save_draft=operations.save_draft,
    submit=operations.submit_audit,
    render=render_scoring_page,
    url=lambda audit: url_for("audits.show", audit_id=audit.id),
    object_type="audit",
    logged_view="view_audit",
    logged_draft="save_draft",
    logged_submit="submit_audit",
)


@bp.route("/")
@requires("audits.score")
def index():
    return render_template(
        "audits/index.html", rows=assigned_audits(current_user), labels=STATUS_LABELS
    )


@bp.route("/assign", methods=["GET", "POST"])
@requires("audits.manage")
def assign():
    form = AssignAuditForm()
    if form.validate_on_submit() and form.plan is not None:
        auditor = db.session.get_one(User, form.auditor.data)
        operations.assign_audit(form.plan, auditor, form.due_on.data)
        flash(f"Plan {form.plan.reference} is assigned to {auditor.name}.", "success")
        return redirect(url_for("audits.index"))
    return render_template("audits/assign.html", form=form, title="Assign an audit")


@bp.route("/<int:audit_id>", methods=["GET", "POST"])
@requires("audits.score")
def show(audit_id: int):
    audit = get_visible_audit(current_user, audit_id)
    record_access("view_audit", "audit", audit.id)
    record_access("view_plan", "plan", audit.plan_id)
    if request.method == "POST":
        return save_posted(audit, PLAN_AUDIT_PAGE)
    return show_saved(audit, PLAN_AUDIT_PAGE)


@bp.route("/<int:audit_id>/draft", methods=["GET", "POST"])
@requires("audits.score")
@json_view
@csrf.exempt  # checked below, after the sign-in check, so a signed-out page hears 401
def draft(audit_id: int):
    """Automatic draft saving. GET gives a fresh CSRF token (after signing in again)."""
    audit = get_visible_audit(current_user, audit_id)
    if audit.auditor_id != current_user.id:
        refuse()
    if request.method == "GET":
        return {"csrf_token": generate_csrf(), "revision": audit.revision}
    try:
        validate_csrf(request.form.get("csrf_token"))
    except ValidationError:
        return json_error("The page's security token has expired.", 400, csrf=True)
    if not may_score(current_user, audit):
        return json_error(str(AuditLocked()), 409)
    matrix = operations.audit_matrix(audit)
    form = build_scoring_form(matrix)(request.form)
    if not form.validate():
        messages = [error for errors in form.errors.values() for error in errors]
        return json_error("Draft not saved: " + " ".join(messages), 422)
    try:
        operations.save_draft(
            audit, scores_from_form(form, matrix), request.form.get("revision", type=int)
        )
    except StaleAudit:
        db.session.rollback()
        return json_error(stale_message(audit), 409, stale=True)
    record_access_now_and_then("save_draft", "audit", audit.id, AUTOSAVE_LOGGED_EVERY)
    return {"revision": audit.revision, "saved_at": clock_time(audit.updated_at)}


@bp.route("/<int:audit_id>/reopen", methods=["POST"])
@requires("audits.manage")
def reopen(audit_id: int):
    audit = get_visible_audit(current_user, audit_id)
    operations.reopen_audit(audit, current_user)
    record_access("reopen_audit", "audit", audit.id)
    flash(
        "The audit is reopened as a draft. Its auditor can change it and submit it again.",
        "success",
    )
    return redirect(url_for("audits.show", audit_id=audit.id))
