"""QA lead pages: agreement figures for a term and moderation of each disagreement."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from qa_audit.access_recorder import record_access
from qa_audit.audits.double_marking import OVERALL, grades_of
from qa_audit.audits.operations import audit_matrix
from qa_audit.audits.plan_text import audited_document, plan_sections
from qa_audit.auth.permissions import requires
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.matrix.overall_rule import OverallNotAllowed
from qa_audit.models import SampleMember
from qa_audit.moderation.blueprint import bp
from qa_audit.moderation.figures import pair_agreement_tables
from qa_audit.moderation.forms import build_moderation_form, final_grade_field, initial_grades
from qa_audit.moderation.markings import criterion_markings, overall_markings
from qa_audit.moderation.operations import record_moderation
from qa_audit.moderation.pairs import pair_for, term_pairs
from qa_audit.terms import term_span


@bp.route("/terms/<term_id>")
@requires("audits.manage")
def term(term_id: str):
    span = term_span(term_id)
    pairs = term_pairs(span.id)
    return render_template(
        "moderation/term.html", term=span, pairs=pairs, tables=pair_agreement_tables(pairs)
    )


@bp.route("/pairs/<int:member_id>", methods=["GET", "POST"])
@requires("audits.manage")
def pair(member_id: int):
    member = db.session.get(SampleMember, member_id) or abort(404)
    marked = pair_for(member) or abort(404)
    matrix = audit_matrix(marked.first)
    first, second = grades_of(marked.first), grades_of(marked.second)
    form = None
    if marked.both_submitted:
        form_class = build_moderation_form(matrix, matrix.judgement.mode == "auditor")
        saved = marked.moderation.final_grades if marked.moderation else None
        data = {final_grade_field(k): g for k, g in (saved or {}).items()}
        form = form_class(data=data or initial_grades(first, second))
        if form.validate_on_submit():
            keys = [c.id for c in matrix.criteria] + [OVERALL]
            grades = {
                k: form[final_grade_field(k)].data for k in keys if final_grade_field(k) in form
            }
            try:
                record_moderation(marked, current_user, grades, form.reason.data)
            except OverallNotAllowed as error:
                db.session.rollback()
                overall_field = form[final_grade_field(OVERALL)]
                overall_field.errors = [*overall_field.errors, str(error)]
            except QaAuditError as error:
                db.session.rollback()
                form.reason.errors = [*form.reason.errors, str(error)]
            else:
                record_access("moderate", "plan", marked.plan.id)
                flash(f"Final grades recorded for {marked.plan.reference}.", "success")
                return redirect(url_for("moderation.term", term_id=member.sample.term_id))
    record_access("view_moderation", "plan", marked.plan.id)
    shown = {}
    if marked.both_submitted:  # each marking stays unseen beside the other until then
        document = audited_document(marked.first)
        shown = {
            "markings": criterion_markings(marked, matrix),
            "overall_markings": overall_markings(marked),
            "plan": marked.plan,
            "document": document,
            "sections": plan_sections(document.parsed if document else None),
        }
    return render_template(
        "moderation/pair.html",
        pair=marked,
        matrix=matrix,
        first=first,
        second=second,
        differences=set(marked.differences()),
        form=form,
        term=term_span(member.sample.term_id),
        **shown,
    )
