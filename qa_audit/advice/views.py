"""A plan's professional advice: add a document, see each recommendation traced into the plan,
download the file. Every page asks :mod:`qa_audit.visibility` for the plan first.

The page shows the trace stored for the plan's newest version (:mod:`qa_audit.advice.findings`)
and never traces: tracing runs a sentence model, which belongs to the background jobs."""

from __future__ import annotations

from datetime import date

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_login import current_user

from qa_audit.access_recorder import record_access
from qa_audit.advice.bulk import BulkAdviceError, import_advice_files, read_advice_csv
from qa_audit.advice.deadlines import (
    DEADLINE_DAYS,
    due_on,
    is_overdue,
    overdue_requests,
    timeliness_by_source,
)
from qa_audit.advice.findings import enqueue_trace, stored_trace
from qa_audit.advice.forms import FROM_DOCUMENT, AdviceBatchForm, AdviceForm, AdviceRequestForm
from qa_audit.advice.importing import import_advice
from qa_audit.advice.tracing import traceable_advice
from qa_audit.auth.permissions import requires
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.files import storage
from qa_audit.files.incoming import MIME_TYPES, safe_filename
from qa_audit.models import AdviceRequest, Plan, PlanAdvice
from qa_audit.terms import recent_terms, term_by_id, term_for
from qa_audit.visibility import get_visible_plan

bp = Blueprint("advice", __name__)
TERMS_OFFERED = 6


@bp.route("/plans/<int:plan_id>/advice")
@requires("plans.view")
def show(plan_id: int):
    return _page(get_visible_plan(current_user, plan_id), AdviceForm(), AdviceRequestForm())


@bp.route("/plans/<int:plan_id>/advice", methods=["POST"])
@requires("documents.upload")
def upload(plan_id: int):
    plan = get_visible_plan(current_user, plan_id)
    form = AdviceForm()
    if form.validate_on_submit():
        document = form.document.data
        result = import_advice(
            document.read(),
            document.filename or "",
            plan=plan,
            user=current_user,
            received_on=form.received_on.data,
            requested_on=form.requested_on.data,
            source=form.source.data if form.source.data != FROM_DOCUMENT else None,
        )
        if result.status == "imported":
            enqueue_trace(plan)
        if result.status != "failed":
            flash(result.message, "success" if result.status == "imported" else "message")
            return redirect(url_for("advice.show", plan_id=plan.id), 303)
        db.session.rollback()
        form.document.errors.append(result.message)
    return _page(plan, form, AdviceRequestForm(formdata=None))


@bp.route("/advice/upload", methods=["GET", "POST"])
@requires("documents.upload")
def upload_batch():
    """Advice for many plans at once, as ``qa-audit advice-import`` takes it: all or nothing."""
    form = AdviceBatchForm()
    problems: list[str] = []
    if form.validate_on_submit():
        try:
            rows = read_advice_csv(_csv_text(form.metadata.data.read()))
            chosen = [f for f in form.documents.data if f.filename]
            files = [(safe_filename(f.filename), f.read()) for f in chosen]
            results = import_advice_files(files, rows, current_user)
        except BulkAdviceError as error:
            problems = error.problems
        else:
            return render_template(
                "advice/batch_results.html", done=list(zip(rows, results, strict=True))
            )
    return render_template("advice/batch.html", form=form, problems=problems)


def _csv_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BulkAdviceError(["The metadata file is not a CSV saved as text (UTF-8)."]) from error


@bp.route("/plans/<int:plan_id>/advice/requests", methods=["POST"])
@requires("documents.upload")
def record_request(plan_id: int):
    plan = get_visible_plan(current_user, plan_id)
    form = AdviceRequestForm()
    if form.validate_on_submit():
        db.session.add(
            AdviceRequest(
                plan_id=plan.id,
                source=form.source.data,
                requested_on=form.requested_on.data,
                requested_by_id=current_user.id,
            )
        )
        db.session.flush()
        record_access("request_advice", "plan", plan.id)
        flash(
            f"Request to the {form.source.data} recorded: the advice is due by "
            f"{due_on(form.requested_on.data):%-d %B %Y}.",
            "success",
        )
        return redirect(url_for("advice.show", plan_id=plan.id), 303)
    return _page(plan, AdviceForm(formdata=None), form)


def _page(plan: Plan, form: AdviceForm, request_form: AdviceRequestForm):
    document = plan.latest_document
    traced, tracing = None, False
    if document is not None and document.parsed is not None and traceable_advice(plan):
        traced = stored_trace(plan, document)
        tracing = traced is None
    if tracing:
        # No trace counts yet: its job is running, or was lost or failed. Ask again on each
        # view while that lasts; a job that finds the trace already stored does nothing.
        enqueue_trace(plan)
    record_access("view_advice", "plan", plan.id)
    today = date.today()
    return render_template(
        "advice/show.html",
        plan=plan,
        form=form,
        request_form=request_form,
        error_form=request_form if request_form.errors else form,
        traced=traced,
        tracing=tracing,
        untraced=[a for a in plan.advice if not a.recommendations],
        awaited=[
            (r, due_on(r.requested_on), is_overdue(r.requested_on, today))
            for r in plan.advice_requests
            if r.advice_id is None
        ],
    )


@bp.route("/advice/deadlines")
@requires("advice.deadlines")
def deadlines():
    """Overdue advice for the plans the reader may see, and the share on time per source."""
    today = date.today()
    setting = current_app.config["TERM_STARTS"]
    try:
        term = term_by_id(request.args.get("term", ""), setting)
    except QaAuditError:
        term = term_for(today, setting)
    record_access("view_advice_deadlines", "advice", None, term.id)
    return render_template(
        "advice/deadlines.html",
        overdue=overdue_requests(current_user, today),
        by_source=timeliness_by_source(term, today, current_user),
        term=term,
        terms=recent_terms(today, setting, TERMS_OFFERED),
        deadline_days=DEADLINE_DAYS,
    )


@bp.route("/advice/<int:advice_id>/download")
@requires("documents.download")
def download(advice_id: int):
    advice = db.session.get(PlanAdvice, advice_id)
    plan = get_visible_plan(current_user, advice.plan_id if advice else 0)
    if advice is None or advice.stored_path is None:
        abort(404)
    path = storage.load_path(current_app.config["UPLOAD_FOLDER"], advice.stored_path)
    response = send_file(
        path,
        mimetype=MIME_TYPES[advice.file_type],
        as_attachment=True,
        download_name=f"{plan.reference}-advice-{advice.id}.{advice.file_type}",
    )
    record_access("download_advice", "plan", plan.id)
    return response
