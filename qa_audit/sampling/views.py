"""QA lead pages: terms, drawing samples (with a preview), targeted samples and progress."""

from __future__ import annotations

from datetime import date

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from qa_audit.access_recorder import record_access
from qa_audit.auth.permissions import requires
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.sampling.blueprint import bp
from qa_audit.sampling.describe import no_document_note
from qa_audit.sampling.forms import SampleForm, TargetedForm
from qa_audit.sampling.makeup import make_up
from qa_audit.sampling.operations import (
    PreviewChanged,
    SampleRequest,
    create_sample,
    draw_fingerprint,
    draw_sample,
    samples_for_term,
)
from qa_audit.sampling.progress import term_progress
from qa_audit.sampling.targeted import create_targeted_sample
from qa_audit.terms import recent_terms, term_span

RECENT_TERMS = 6


@bp.route("/")
@requires("audits.manage")
def index():
    terms = recent_terms(date.today(), current_app.config["TERM_STARTS"], RECENT_TERMS)[::-1]
    counts = {t.id: len(samples_for_term(t.id)) for t in terms}
    return render_template("sampling/index.html", terms=terms, counts=counts)


def _term_page(term_id: str, form: SampleForm, targeted_form: TargetedForm, preview=None):
    span = term_span(term_id)
    return render_template(
        "sampling/term.html",
        term=span,
        form=form,
        targeted_form=targeted_form,
        preview=preview,
        samples=samples_for_term(span.id),
        progress=term_progress(span.id),
        today=date.today(),
    )


@bp.route("/terms/<term_id>", methods=["GET", "POST"])
@requires("audits.manage")
def term(term_id: str):
    """Draw a random sample: "Preview" shows its make-up; "Create sample" stores it."""
    form = SampleForm()
    preview = None
    if form.validate_on_submit():
        count, percent = form.size_values()
        sample_request = SampleRequest(
            term_id=term_span(term_id).id,
            count=count,
            percent=percent,
            strata=tuple(form.strata.data or ()),
            risk_weighted=form.risk_weighted.data,
            exclude_months=form.exclude_months.data,
            kinds=tuple(form.kinds.data),
            seed=form.seed.data,
            documented_only=form.documented_only.data,
            draws_from=form.draws_from.data,
        )
        try:
            if request.form.get("action") == "create":
                sample = create_sample(
                    sample_request, current_user, previewed=form.previewed.data or None
                )
                record_access("create_sample", "sample", sample.id)
                flash(f"Sample drawn: {len(sample.members)} plans.", "success")
                return redirect(url_for("sampling.sample", sample_id=sample.id))
            preview = _preview(form, sample_request)
        except PreviewChanged as error:
            db.session.rollback()
            form.size.errors = [*form.size.errors, str(error)]
            preview = _preview(form, sample_request)
        except QaAuditError as error:
            db.session.rollback()
            form.size.errors = [*form.size.errors, str(error)]
    return _term_page(term_id, form, TargetedForm(formdata=None), preview)


def _preview(form: SampleForm, sample_request: SampleRequest) -> dict:
    """Draw without storing; the form then carries the seed and the drawn plans' fingerprint,
    so "Create sample" stores exactly this sample or says it has changed."""
    drawn = draw_sample(sample_request)
    form.seed.raw_data, form.seed.data = None, drawn.method["seed"]
    form.previewed.raw_data, form.previewed.data = None, draw_fingerprint(drawn)
    return {
        "draw": drawn,
        "make_up": make_up(drawn.population, drawn.sample),
        "no_document": no_document_note(drawn.method),
    }


@bp.route("/terms/<term_id>/targeted", methods=["POST"])
@requires("audits.manage")
def targeted(term_id: str):
    form = TargetedForm()
    if not form.validate_on_submit():
        return _term_page(term_id, SampleForm(formdata=None), form)
    try:
        sample = create_targeted_sample(term_span(term_id).id, form.rule.data, current_user)
    except QaAuditError as error:
        form.rule.errors = [*form.rule.errors, str(error)]
        return _term_page(term_id, SampleForm(formdata=None), form)
    record_access("create_sample", "sample", sample.id)
    flash(f"Targeted sample created: {len(sample.members)} plans.", "success")
    return redirect(url_for("sampling.sample", sample_id=sample.id))
