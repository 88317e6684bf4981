"""The access log for administrators: filter by person, action, plan reference and dates; export
as CSV, with every cell a spreadsheet shows as text (see ``qa_audit.files.tables.safe``)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from flask import Blueprint, Response, render_template, request
from flask_wtf import FlaskForm
from sqlalchemy import Select, select
from wtforms.validators import Optional

from qa_audit.auth.permissions import requires
from qa_audit.extensions import db
from qa_audit.files.tables import safe, to_csv
from qa_audit.models import AccessLog, User
from qa_audit.web.database_ids import database_id
from qa_audit.web.date_field import DayMonthYearField

bp = Blueprint("access_log", __name__, url_prefix="/admin/access-log")

PAGE_SIZE = 100


class DatesForm(FlaskForm):
    """The date filters, typed as day, month and year; read from the query string."""

    class Meta:
        csrf = False  # a search: it changes nothing

    since = DayMonthYearField("From", validators=[Optional()])
    until = DayMonthYearField("To", validators=[Optional()])


def _filtered() -> tuple[Select, dict, DatesForm]:
    dates = DatesForm(formdata=request.args)
    valid = dates.validate()
    filters = {
        "user_id": database_id(request.args.get("user_id")),
        "action": request.args.get("action") or None,
        "reference": request.args.get("reference", "").strip() or None,
        "since": dates.since.data if valid else None,
        "until": dates.until.data if valid else None,
    }
    query = select(AccessLog, User.email).outerjoin(User, AccessLog.user_id == User.id)
    if filters["user_id"]:
        query = query.where(AccessLog.user_id == filters["user_id"])
    if filters["action"]:
        query = query.where(AccessLog.action == filters["action"])
    if filters["reference"]:
        query = query.where(AccessLog.plan_reference == filters["reference"])
    if filters["since"]:
        query = query.where(AccessLog.at >= datetime.combine(filters["since"], time.min))
    if filters["until"]:
        end = datetime.combine(filters["until"] + timedelta(days=1), time.min)
        query = query.where(AccessLog.at < end)
    return query.order_by(AccessLog.at.desc(), AccessLog.id.desc()), filters, dates


@bp.route("/")
@requires("access_log.view")
def index():
    query, filters, form = _filtered()
    page = database_id(request.args.get("page")) or 1  # no page is past the largest id
    rows = db.session.execute(query.limit(PAGE_SIZE + 1).offset((page - 1) * PAGE_SIZE)).all()
    users = db.session.execute(select(User.id, User.email).order_by(User.email)).all()
    actions = db.session.scalars(select(AccessLog.action).distinct().order_by(AccessLog.action))
    return render_template(
        "admin/access_log.html",
        rows=rows[:PAGE_SIZE],
        has_next=len(rows) > PAGE_SIZE,
        page=page,
        filters=filters,
        form=form,
        users=users,
        actions=list(actions),
    )


@bp.route("/export.csv")
@requires("access_log.view")
def export_csv():
    query, _, _ = _filtered()
    header = ["when (UTC)", "user", "action", "object", "object id", "plan reference", "detail"]
    rows = [[*header, "address"]]
    for entry, email in db.session.execute(query):
        row = [entry.at.isoformat(), email, entry.action, entry.object_type, entry.object_id]
        row += [entry.plan_reference, entry.detail, entry.ip]
        rows.append([safe(cell) for cell in row])  # an email may start with "="
    return Response(
        to_csv(rows),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=access-log.csv"},
    )
