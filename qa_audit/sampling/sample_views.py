"""QA lead pages for one sample: members, make-up, hand changes and assignment."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select

from qa_audit.access_recorder import record_access
from qa_audit.auth.permissions import requires
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import Sample, User
from qa_audit.sampling.assignment import assign_sample, unassigned_members
from qa_audit.sampling.blueprint import bp
from qa_audit.sampling.forms import AssignForm, ReasonForm, SwapForm
from qa_audit.sampling.hand_changes import add_by_hand, swap_plan
from qa_audit.sampling.pages import member_rows, sample_make_up
from qa_audit.terms import term_span


def _sample(sample_id: int) -> Sample:
    return db.session.get(Sample, sample_id) or abort(404)


def _page(sample: Sample, failed: FlaskForm | None = None, **forms: FlaskForm):
    rows = member_rows(sample)
    references = {row.plan.id: row.plan.reference for row in rows}
    forms.setdefault("add_form", ReasonForm(prefix="add", formdata=None))
    forms.setdefault("swap_form", SwapForm(sample, references, prefix="swap", formdata=None))
    forms.setdefault("assign_form", AssignForm(prefix="assign", formdata=None))
    record_access("view_sample", "sample", sample.id)
    return render_template(
        "sampling/sample.html",
        sample=sample,
        term=term_span(sample.term_id),
        rows=rows,
        make_up=sample_make_up(sample, rows) if sample.kind == "random" else None,
        unassigned=len(unassigned_members(sample)),
        form=failed,
        today=date.today(),
        **forms,
    )


def _refused(sample: Sample, form: FlaskForm, field, error: QaAuditError, **forms: FlaskForm):
    """The operation said no: show why on the form, nothing changed."""
    db.session.rollback()
    field.errors = [*field.errors, str(error)]
    return _page(sample, form, **forms)


@bp.route("/samples/<int:sample_id>")
@requires("audits.manage")
def sample(sample_id: int):
    return _page(_sample(sample_id))


@bp.route("/samples/<int:sample_id>/add", methods=["POST"])
@requires("audits.manage")
def add_plan(sample_id: int):
    sample = _sample(sample_id)
    form = ReasonForm(prefix="add")
    if not form.validate_on_submit():
        return _page(sample, form, add_form=form)
    try:
        member = add_by_hand(sample, form.reference.data, form.reason.data, current_user)
    except QaAuditError as error:
        return _refused(sample, form, form.reference, error, add_form=form)
    record_access("sample_add_plan", "plan", member.plan_id)
    flash("Plan added to the sample.", "success")
    return redirect(url_for("sampling.sample", sample_id=sample.id))


@bp.route("/samples/<int:sample_id>/swap", methods=["POST"])
@requires("audits.manage")
def swap(sample_id: int):
    sample = _sample(sample_id)
    references = {row.plan.id: row.plan.reference for row in member_rows(sample)}
    form = SwapForm(sample, references, prefix="swap")
    if not form.validate_on_submit():
        return _page(sample, form, swap_form=form)
    try:
        member = swap_plan(
            sample, form.out_plan.data, form.reference.data, form.reason.data, current_user
        )
    except QaAuditError as error:
        return _refused(sample, form, form.reference, error, swap_form=form)
    record_access("sample_swap_plan", "plan", member.plan_id)
    flash("Plan swapped.", "success")
    return redirect(url_for("sampling.sample", sample_id=sample.id))


@bp.route("/samples/<int:sample_id>/assign", methods=["POST"])
@requires("audits.manage")
def assign(sample_id: int):
    sample = _sample(sample_id)
    form = AssignForm(prefix="assign")
    if not form.validate_on_submit():
        return _page(sample, form, assign_form=form)
    auditors = list(db.session.scalars(select(User).where(User.id.in_(form.auditors.data))))
    try:
        audits = assign_sample(
            sample,
            auditors,
            form.due_on.data,
            avoid_own_team=form.avoid_own_team.data,
            double_mark_share=form.double_mark_percent.data / 100,
        )
    except QaAuditError as error:
        return _refused(sample, form, form.auditors, error, assign_form=form)
    record_access("assign_sample", "sample", sample.id)
    flash(f"{len(audits)} audits assigned.", "success")
    return redirect(url_for("sampling.sample", sample_id=sample.id))
