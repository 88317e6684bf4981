"""The scoring page's form as plan audits and advice audits both answer it: shown with the saved
answers, and posted (Save draft or Submit audit). What differs between the two kinds of audit is
named once, in a :class:`ScoringPage` each blueprint keeps beside its views."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import flash, redirect, request
from flask_login import current_user

from qa_audit.access_recorder import record_access, refuse
from qa_audit.audits.answers import AuditLocked, StaleAudit, score_sheet
from qa_audit.audits.page import stale_message
from qa_audit.audits.scoring_form import (
    ScoreSheet,
    build_scoring_form,
    form_data_from_scores,
    scores_from_form,
    validate_for_submit,
)
from qa_audit.extensions import db
from qa_audit.matrix.model import Matrix
from qa_audit.web.commit_point import keep_error_answer
from qa_audit.web.local_time import clock_time

Operation = Callable[[Any, ScoreSheet, int | None], object]


@dataclass(frozen=True)
class ScoringPage:
    """One kind of audit's scoring page: ``render(audit, matrix, form, revision=, problem=,
    status=)`` gives the page and ``url(audit)`` its address; the access log names the audit
    ``object_type`` and records each save as ``logged_draft`` or ``logged_submit``, and a page
    shown again after a stale save as ``logged_view``."""

    matrix: Callable[[Any], Matrix]
    save_draft: Operation
    submit: Operation
    render: Callable[..., Any]
    url: Callable[[Any], str]
    object_type: str
    logged_view: str
    logged_draft: str
    logged_submit: str


def show_saved(audit: Any, page: ScoringPage):
    """The scoring page with the audit's saved answers."""
    matrix = page.matrix(audit)
    form = build_scoring_form(matrix)(data=form_data_from_scores(matrix, score_sheet(audit)))
    return page.render(audit, matrix, form)


def save_posted(audit: Any, page: ScoringPage):
    """Save the posted form as a draft, or submit it; only the audit's auditor may. A form with
    problems is shown again (422), as is one saved from an older revision (409)."""
    if audit.auditor_id != current_user.id:
        refuse(403)
    if audit.status == "submitted":
        flash(str(AuditLocked()))
        return redirect(page.url(audit))
    matrix = page.matrix(audit)
    form = build_scoring_form(matrix)(request.form)
    revision = request.form.get("revision", type=int)
    submitting = request.form.get("action") == "submit"
    valid = validate_for_submit(form, matrix) if submitting else form.validate()
    if not valid:
        keep_error_answer()  # the form is shown again with what it scores: its view is logged
        return page.render(audit, matrix, form, revision=revision, status=422)
    sheet = scores_from_form(form, matrix)
    try:
        (page.submit if submitting else page.save_draft)(audit, sheet, revision)
    except StaleAudit:
        db.session.rollback()
        record_access(page.logged_view, page.object_type, audit.id)
        keep_error_answer()
        problem = stale_message(audit)
        return page.render(audit, matrix, form, revision=revision, problem=problem, status=409)
    logged = page.logged_submit if submitting else page.logged_draft
    record_access(logged, page.object_type, audit.id)
    flash(
        "Audit submitted." if submitting else f"Draft saved at {clock_time(audit.updated_at)}.",
        "success",
    )
    return redirect(page.url(audit))
