from datetime import date

from flask import Blueprint, render_template
from flask_login import current_user

from qa_audit.auth.permissions import requires
from qa_audit.home.admin import admin_home
from qa_audit.home.auditor import auditor_home
from qa_audit.home.lead import lead_home
from qa_audit.home.team import team_home
from qa_audit.models._base import utcnow
from qa_audit.moderation.follow_ups import ACTION_KINDS

bp = Blueprint("main", __name__)


@bp.route("/")
@requires("dashboard")
def dashboard():
    """What each role needs first: the term in hand, audits due, the team's plans, or accounts."""
    today = date.today()
    role = current_user.role
    if role == "qa_lead":
        return render_template(
            "home/lead.html", home=lead_home(today), own=auditor_home(current_user, today)
        )
    if role == "auditor":
        return render_template("home/auditor.html", home=auditor_home(current_user, today))
    if role == "sen_manager":
        return render_template(
            "home/team.html", home=team_home(current_user, today), action_kinds=ACTION_KINDS
        )
    return render_template("home/admin.html", home=admin_home(utcnow()))
