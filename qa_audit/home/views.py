from flask import Blueprint, render_template
from flask_login import current_user
from sqlalchemy import func, select

from qa_audit.auth.permissions import requires
from qa_audit.extensions import db
from qa_audit.models import Audit, Plan, User
from qa_audit.visibility import visible_plans

bp = Blueprint("main", __name__)


@bp.route("/")
@requires("dashboard")
def dashboard():
    """What each role needs first: their audits, their plans, the term's progress, or users."""
    counts = {}
    if current_user.role in {"auditor", "qa_lead"}:
        mine = select(Audit.status, func.count()).where(Audit.auditor_id == current_user.id)
        counts["my_audits"] = dict(db.session.execute(mine.group_by(Audit.status)).all())
    if current_user.role in {"sen_manager", "qa_lead"}:
        plans = visible_plans(current_user).with_only_columns(func.count(Plan.id))
        counts["plans"] = db.session.scalar(plans)
    if current_user.role == "admin":
        counts["users"] = db.session.scalar(select(func.count(User.id)))
    return render_template("home/dashboard.html", counts=counts)
