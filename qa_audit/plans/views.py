from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from qa_audit.access_recorder import record_access
from qa_audit.analysis.stored import analysis_state, counted_analysis
from qa_audit.auth.permissions import can, requires
from qa_audit.extensions import db
from qa_audit.feedback.sheet import feedback_audits
from qa_audit.models import Plan
from qa_audit.models.plan import PHASES, PLAN_KINDS, PRIMARY_NEEDS
from qa_audit.plan_references import REFERENCE_NOT_USABLE
from qa_audit.plans.forms import DocumentForm, PlanDetailsForm
from qa_audit.plans.listing import (
    STATUS_LABELS,
    PlanFilters,
    matching_plans,
    statuses,
    visible_teams,
)
from qa_audit.visibility import get_visible_plan, may_see_plan
from qa_audit.web.database_ids import database_id

bp = Blueprint("plans", __name__, url_prefix="/plans")

PAGE_SIZE = 50


@bp.route("/")
@requires("plans.list")
def index():
    page = database_id(request.args.get("page")) or 1  # no page is past the largest id
    filters = PlanFilters.from_args(request.args)
    query = matching_plans(current_user, filters)
    plans = db.paginate(query, page=page, per_page=PAGE_SIZE, error_out=False)
    return render_template(
        "plans/index.html",
        plans=plans,
        kinds=PLAN_KINDS,
        filters=filters,
        teams=visible_teams(current_user),
        status_of=statuses(plans.items),
        status_labels=STATUS_LABELS,
    )


@bp.route("/<int:plan_id>")
@requires("plans.view")
def show(plan_id: int):
    plan = get_visible_plan(current_user, plan_id)
    record_access("view_plan", "plan", plan.id)
    analysis, state = None, None
    if plan.latest_document:
        found = counted_analysis(plan.latest_document.id)
        analysis = found.result if found else None
        state = analysis_state(plan.latest_document)
    return render_template(
        "plans/show.html",
        plan=plan,
        analysis=analysis,
        analysis_state=state,
        kinds=PLAN_KINDS,
        phases=PHASES,
        needs=PRIMARY_NEEDS,
        version_form=DocumentForm(),
        # Not for auditors: a second marker must not see how the plan was judged first.
        feedback=feedback_audits(plan) if can(current_user.role, "reports.view") else [],
    )


@bp.route("/<int:plan_id>/edit", methods=["GET", "POST"])
@requires("plans.edit")
def edit(plan_id: int):
    """Fill in or correct a plan's details (often after a batch upload without a CSV)."""
    plan = get_visible_plan(current_user, plan_id)
    form = PlanDetailsForm(obj=plan)
    if form.validate_on_submit():
        taken = db.session.scalar(
            select(Plan.id).where(Plan.reference == form.reference.data, Plan.id != plan.id)
        )
        if taken:
            if not may_see_plan(current_user, taken):
                record_access("refused", "plan", taken, detail="rename")
            form.reference.errors.append(REFERENCE_NOT_USABLE)
        else:
            form.populate_obj(plan)
            for name in ("team", "caseworker", "phase", "primary_need"):
                setattr(plan, name, getattr(plan, name) or None)
            record_access("edit_plan", "plan", plan.id)
            flash("Plan details saved.", "success")
            return redirect(url_for("plans.show", plan_id=plan.id))
    record_access("view_plan", "plan", plan.id)  # the form shows the plan's details
    return render_template("plans/edit.html", form=form, plan=plan)
