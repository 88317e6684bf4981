from flask import Blueprint, render_template, request
from flask_login import current_user

from qa_audit.access_log import record_access
from qa_audit.auth.permissions import requires
from qa_audit.extensions import db
from qa_audit.models import Plan
from qa_audit.models.plan import PHASES, PLAN_KINDS, PRIMARY_NEEDS
from qa_audit.plans.queries import get_visible_plan, visible_plans

bp = Blueprint("plans", __name__, url_prefix="/plans")

PAGE_SIZE = 50


@bp.route("/")
@requires("plans.list")
def index():
    page = max(request.args.get("page", 1, type=int), 1)
    query = visible_plans(current_user).order_by(Plan.issue_date.desc(), Plan.id.desc())
    plans = db.paginate(query, page=page, per_page=PAGE_SIZE, error_out=False)
    return render_template("plans/index.html", plans=plans, kinds=PLAN_KINDS)


@bp.route("/<int:plan_id>")
@requires("plans.view")
def show(plan_id: int):
    plan = get_visible_plan(current_user, plan_id)
    record_access("view_plan", "plan", plan.id)
    db.session.commit()
    return render_template(
        "plans/show.html", plan=plan, kinds=PLAN_KINDS, phases=PHASES, needs=PRIMARY_NEEDS
    )
