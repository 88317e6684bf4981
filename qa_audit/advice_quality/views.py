"""Advice quality pages: an auditor's advice audits and the scoring page; the QA lead's term
page (draw the advice sample, assign each source, follow progress) and reopening a submitted
advice audit; the termly figures."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import Form

from qa_audit.access_recorder import record_access
from qa_audit.advice.deadlines import DEADLINE_DAYS
from qa_audit.advice_quality import operations
from qa_audit.advice_quality.forms import advice_sample_form, chosen_auditors
from qa_audit.advice_quality.hints import advice_hints, days_taken
from qa_audit.advice_quality.queries import assigned_advice_audits, sample_audits
from qa_audit.advice_quality.sampling import (
    AdviceSampleRequest,
    advice_population,
    advice_sample_for,
    draw_advice_sample,
)
from qa_audit.audits.queries import STATUS_LABELS
from qa_audit.audits.saving import ScoringPage, save_posted, show_saved
from qa_audit.audits.scoring_form import fields_by_domain
from qa_audit.auth.permissions import requires
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.matrix.model import Matrix
from qa_audit.models import AdviceAudit
from qa_audit.reports.advice_quality import advice_quality
from qa_audit.reports.presenting import rag_tag, share_cell
from qa_audit.reports.shares import percent
from qa_audit.reports.term_choice import term_options
from qa_audit.terms import term_for, term_span
from qa_audit.visibility import get_visible_advice_audit

bp = Blueprint("advice_quality", __name__, url_prefix="/advice-quality")


@bp.route("/")
@requires("advice_audits.score")
def index():
    return render_template(
        "advice_quality/index.html",
        audits=assigned_advice_audits(current_user),
        labels=STATUS_LABELS,
        this_term=term_for(date.today(), _term_starts()).id,
        title="My advice audits",
    )


@bp.route("/<int:advice_audit_id>", methods=["GET", "POST"])
@requires("advice_audits.score")
def show(advice_audit_id: int):
    audit = get_visible_advice_audit(current_user, advice_audit_id)
    record_access("view_advice_audit", "advice_audit", audit.id)
    if request.method == "POST":
        return save_posted(audit, ADVICE_AUDIT_PAGE)
    return show_saved(audit, ADVICE_AUDIT_PAGE)


def _scoring_page(
    audit: AdviceAudit,
    matrix: Matrix,
    form: Form,
    *,
    revision: int | None = None,
    problem: str | None = None,
    status: int = 200,
):
    advice = audit.advice
    page = render_template(
        "advice_quality/score.html",
        audit=audit,
        advice=advice,
        matrix=matrix,
        form=form,
        groups=fields_by_domain(form, matrix),
        hints=advice_hints(matrix, advice),
        days=days_taken(advice),
        deadline_days=DEADLINE_DAYS,
        editable=audit.auditor_id == current_user.id and audit.status != "submitted",
        revision=audit.revision if revision is None else revision,
        status_label=STATUS_LABELS.get(audit.status, audit.status),
        problem=problem,
        title=f"Advice audit: {advice.source} advice for plan {advice.plan.reference}",
    )
    return page, status


ADVICE_AUDIT_PAGE = ScoringPage(
    matrix=operations.advice_audit_matrix,
    save_draft=operations.save_advice_draft,
    submit=operations.submit_advice_audit,
    render=_scoring_page,
    url=lambda audit: url_for("advice_quality.show", advice_audit_id=audit.id),
    object_type="advice_audit",
    logged_view="view_advice_audit",
    logged_draft="save_advice_draft",
    logged_submit="submit_advice_audit",
)


@bp.route("/<int:advice_audit_id>/reopen", methods=["POST"])
@requires("advice_audits.manage")
def reopen(advice_audit_id: int):
    """Send a submitted advice audit back to its auditor as a draft, as for plan audits."""
    audit = get_visible_advice_audit(current_user, advice_audit_id)
    operations.reopen_advice_audit(audit, current_user)
    record_access("reopen_advice_audit", "advice_audit", audit.id)
    flash(
        "The audit is reopened as a draft. Its auditor can change it and submit it again.",
        "success",
    )
    return redirect(url_for("advice_quality.show", advice_audit_id=audit.id))


@bp.route("/terms/<term_id>", methods=["GET", "POST"])
@requires("advice_audits.manage")
def term(term_id: str):
    """Draw the term's advice sample, or follow the one drawn."""
    span = term_span(term_id)
    sample = advice_sample_for(span.id)
    population = advice_population(span.id)
    sources = list(population.sizes())
    form = advice_sample_form(sources)
    if sample is None and form.validate_on_submit():
        count, share = form.size_values()
        wanted = AdviceSampleRequest(span.id, count, share, form.seed.data)
        try:
            sample = draw_advice_sample(wanted, chosen_auditors(form, sources), current_user)
        except QaAuditError as error:
            db.session.rollback()
            form.size.errors = [*form.size.errors, str(error)]
        else:
            record_access("create_advice_sample", "advice_sample", sample.id)
            flash(f"Advice sample drawn: {len(sample.audits)} pieces of advice.", "success")
            return redirect(url_for("advice_quality.term", term_id=span.id))
    if sample is not None:
        record_access("view_advice_sample", "advice_sample", sample.id)
    return render_template(
        "advice_quality/term.html",
        term=span,
        population=population,
        sources=sources,
        form=form,
        sample=sample,
        audits=sample_audits(sample) if sample else [],
        labels=STATUS_LABELS,
        title=f"Advice sample: {span.label}",
    )


@bp.route("/figures")
@requires("reports.view")
def figures():
    span = term_span(request.args.get("term") or term_for(date.today(), _term_starts()).id)
    record_access("view_advice_quality", "report", None, span.id)
    return render_template(
        "advice_quality/figures.html",
        quality=advice_quality(span),
        terms=term_options(date.today()),
        share_cell=share_cell,
        rag_tag=rag_tag,
        percent=percent,
        title=f"Advice quality: {span.label}",
    )


def _term_starts() -> str:
    return current_app.config["TERM_STARTS"]
