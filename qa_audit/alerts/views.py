"""The alerts page for administrators: open alerts first, each with who, what and when, a link
to the access-log entries behind it, and a button to acknowledge it."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select

from qa_audit.access_recorder import record_access
from qa_audit.alerts.checking import FAILED_SIGN_INS, RULE_TITLES
from qa_audit.auth.permissions import requires
from qa_audit.extensions import db
from qa_audit.models import Alert, User
from qa_audit.models._base import as_utc, utcnow

bp = Blueprint("alerts", __name__, url_prefix="/admin/alerts")

ACKNOWLEDGED_SHOWN = 50


class AcknowledgeForm(FlaskForm):
    """A button: the form carries only its CSRF token."""


def _with_people(query):
    return db.session.execute(query.outerjoin(User, Alert.user_id == User.id)).all()


@bp.route("/")
@requires("alerts.review")
def index():
    base = select(Alert, User.email)
    open_alerts = _with_people(
        base.where(Alert.acknowledged_at.is_(None)).order_by(Alert.last_at.desc())
    )
    acknowledged = _with_people(
        base.where(Alert.acknowledged_at.is_not(None))
        .order_by(Alert.acknowledged_at.desc())
        .limit(ACKNOWLEDGED_SHOWN)
    )
    record_access("view_alerts", "alert", None)
    return render_template(
        "alerts/index.html",
        open_alerts=open_alerts,
        acknowledged=acknowledged,
        titles=RULE_TITLES,
        shown=ACKNOWLEDGED_SHOWN,
    )


@bp.route("/<int:alert_id>", methods=["GET", "POST"])
@requires("alerts.review")
def show(alert_id: int):
    alert = db.session.get(Alert, alert_id) or abort(404)
    form = AcknowledgeForm()
    if form.validate_on_submit() and alert.acknowledged_at is None:
        alert.acknowledged_at = utcnow()
        alert.acknowledged_by_id = current_user.id
        record_access("acknowledge_alert", "alert", alert.id)
        flash("Alert acknowledged.", "success")
        return redirect(url_for("alerts.index"))
    record_access("view_alert", "alert", alert.id)
    person = db.session.get(User, alert.user_id) if alert.user_id else None
    by = db.session.get(User, alert.acknowledged_by_id) if alert.acknowledged_by_id else None
    return render_template(
        "alerts/show.html",
        alert=alert,
        title=RULE_TITLES[alert.rule],
        person=person,
        acknowledged_by=by,
        form=form,
        log_link=access_log_link(alert),
    )


def access_log_link(alert: Alert) -> str | None:
    """The access log filtered to the alert's entries: the person (or, for failed sign-ins,
    the action) and the days (UTC) the burst spans."""
    if alert.rule == "no_recent_backup":
        return None
    first, last = as_utc(alert.first_at), as_utc(alert.last_at)
    who = (
        {"action": FAILED_SIGN_INS[0]}
        if alert.rule == "failed_sign_ins"
        else {"user_id": alert.user_id}
    )
    return url_for(
        "access_log.index",
        **who,
        since=[first.day, first.month, first.year],
        until=[last.day, last.month, last.year],
    )
