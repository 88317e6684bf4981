"""Report pages: the termly dashboard and its downloads (PDF, CSV, XLSX)."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, redirect, render_template, request, send_file, url_for
from flask_login import current_user

from qa_audit.access_recorder import record_access
from qa_audit.auth.permissions import requires
from qa_audit.reports.builds import build_path, is_stalled, needs_background, request_build
from qa_audit.reports.outputs import FORMATS, MIMETYPES, report_file
from qa_audit.reports.presenting import report_context
from qa_audit.reports.report import build_report
from qa_audit.reports.term_choice import default_term, term_options
from qa_audit.reports.timeliness import monthly
from qa_audit.visibility import get_own_build, report_rows

bp = Blueprint("reports", __name__, url_prefix="/reports")


def _term_id() -> str:
    return request.args.get("term") or default_term(date.today())


@bp.route("/")
@requires("reports.view")
def index():
    report = build_report(_term_id())
    months = monthly(report.term, report.generated_on) if report.timeliness.imported else ()
    return render_template(
        "reports/dashboard.html",
        terms=term_options(date.today()),
        formats=FORMATS,
        months=months,
        **report_context(report, report_rows(current_user)),
    )


@bp.route("/download")
@requires("reports.view")
def download():
    fmt = request.args.get("format", "pdf")
    term_id = _term_id()
    if fmt in FORMATS and needs_background(term_id):
        build = request_build(term_id, fmt, current_user)
        return redirect(url_for("reports.build", build_id=build.id))
    produced = report_file(build_report(term_id), fmt, report_rows(current_user))
    record_access(f"download_report_{fmt}", "report", None)
    return Response(
        produced.data,
        mimetype=produced.mimetype,
        headers={"Content-Disposition": f'attachment; filename="{produced.filename}"'},
    )


@bp.route("/builds/<int:build_id>")
@requires("reports.view")
def build(build_id: int):
    """Where a large report is waited for: refreshes itself until the file is ready."""
    found = get_own_build(current_user, build_id)
    ready = build_path(found) is not None
    stalled = is_stalled(found)
    return render_template(
        "reports/build.html",
        build=found,
        ready=ready,
        waiting=found.status in ("queued", "running") and not stalled,
        failed=found.status == "failed" or stalled or (found.status == "done" and not ready),
        title="Preparing the report",
    )


@bp.route("/builds/<int:build_id>/file")
@requires("reports.view")
def build_file(build_id: int):
    found = get_own_build(current_user, build_id)
    path = build_path(found)
    if path is None:
        return redirect(url_for("reports.build", build_id=found.id))
    record_access(f"download_report_{found.fmt}", "report", None)
    return send_file(
        path, mimetype=MIMETYPES[found.fmt], as_attachment=True, download_name=found.filename
    )
