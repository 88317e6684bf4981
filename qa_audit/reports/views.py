"""Report pages: the termly dashboard and its downloads (PDF, CSV, XLSX)."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, render_template, request

from qa_audit.access_log import record_access
from qa_audit.auth.permissions import requires
from qa_audit.extensions import db
from qa_audit.reports.outputs import FORMATS, report_file
from qa_audit.reports.presenting import report_context
from qa_audit.reports.report import build_report
from qa_audit.reports.term_choice import default_term, term_options

bp = Blueprint("reports", __name__, url_prefix="/reports")


def _term_id() -> str:
    return request.args.get("term") or default_term(date.today())


@bp.route("/")
@requires("reports.view")
def index():
    report = build_report(_term_id())
    return render_template(
        "reports/dashboard.html",
        terms=term_options(date.today()),
        formats=FORMATS,
        **report_context(report),
    )


@bp.route("/download")
@requires("reports.view")
def download():
    fmt = request.args.get("format", "pdf")
    produced = report_file(build_report(_term_id()), fmt)
    record_access(f"download_report_{fmt}", "report", None)
    db.session.commit()
    return Response(
        produced.data,
        mimetype=produced.mimetype,
        headers={"Content-Disposition": f'attachment; filename="{produced.filename}"'},
    )
