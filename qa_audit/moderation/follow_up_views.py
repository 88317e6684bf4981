"""QA lead pages for follow-up actions on plans below the quality threshold."""

from __future__ import annotations

from datetime import date

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from qa_audit.access_recorder import record_access, refuse
from qa_audit.auth.permissions import requires
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import Audit, FollowUpAction, Plan, User
from qa_audit.moderation.blueprint import bp
from qa_audit.moderation.follow_ups import (
    ACTION_KINDS,
    below_threshold_without_action,
    close_follow_up,
    create_follow_up,
    is_overdue,
    may_close,
    open_follow_ups,
)
from qa_audit.moderation.forms import CloseForm, FollowUpForm
from qa_audit.terms import recent_terms

RECENT_TERMS = 6


@bp.route("/follow-ups")
@requires("follow_ups.own")
def follow_ups():
    """QA leads see every open action and the plans still needing one; anyone else the open
    actions they own."""
    today = date.today()
    lead = current_user.role == "qa_lead"
    waiting = []
    if lead:
        terms = recent_terms(today, current_app.config["TERM_STARTS"], RECENT_TERMS)[::-1]
        waiting = [(t, item) for t in terms for item in below_threshold_without_action(t.id)]
    actions = [
        (action, plan, db.session.get(User, action.owner_id) if action.owner_id else None)
        for action, plan in open_follow_ups(None if lead else current_user)
    ]
    return render_template(
        "moderation/follow_ups.html",
        lead=lead,
        waiting=waiting,
        actions=actions,
        kinds=ACTION_KINDS,
        overdue=lambda action: is_overdue(action, today),
    )


@bp.route("/follow-ups/new/<int:audit_id>", methods=["GET", "POST"])
@requires("audits.manage")
def new_follow_up(audit_id: int):
    audit = db.session.get(Audit, audit_id) or abort(404)
    plan = db.session.get(Plan, audit.plan_id)
    form = FollowUpForm()
    if form.validate_on_submit():
        owner = db.session.get(User, form.owner_id.data)
        try:
            create_follow_up(audit, form.kind.data, owner, form.due_on.data, form.note.data)
        except QaAuditError as error:
            db.session.rollback()
            form.kind.errors = [*form.kind.errors, str(error)]
        else:
            record_access("create_follow_up", "plan", plan.id)
            flash(f"Follow-up action added for {plan.reference}.", "success")
            return redirect(url_for("moderation.follow_ups"))
    return render_template("moderation/follow_up_form.html", form=form, plan=plan, audit=audit)


@bp.route("/follow-ups/<int:action_id>/close", methods=["GET", "POST"])
@requires("follow_ups.own")
def close(action_id: int):
    action = db.session.get(FollowUpAction, action_id) or abort(404)
    if not may_close(current_user, action):
        refuse()
    plan = db.session.get(Plan, db.session.get(Audit, action.audit_id).plan_id)
    form = CloseForm()
    if form.validate_on_submit():
        try:
            close_follow_up(action, form.note.data)
        except QaAuditError as error:
            db.session.rollback()
            form.note.errors = [*form.note.errors, str(error)]
        else:
            record_access("close_follow_up", "plan", plan.id)
            flash(f"Follow-up action closed for {plan.reference}.", "success")
            return redirect(url_for("moderation.follow_ups"))
    return render_template(
        "moderation/close_form.html", form=form, plan=plan, action=action, kinds=ACTION_KINDS
    )
