"""The report as a downloadable file, one function for the web page and the CLI alike."""

from __future__ import annotations

from dataclasses import dataclass

from qa_audit.errors import QaAuditError
from qa_audit.files.pdf import render_pdf
from qa_audit.files.tables import to_csv, to_xlsx
from qa_audit.reports.exports import (
    advice_quality_rows,
    caseload_rows,
    family_rows,
    result_rows,
)
from qa_audit.reports.presenting import report_context
from qa_audit.reports.report import TermReport
from qa_audit.visibility import EVERY_PLAN, ReportRows

FORMATS = ("pdf", "csv", "xlsx")
MIMETYPES = {
    "pdf": "application/pdf",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class ReportFile:
    data: bytes
    filename: str
    mimetype: str


def report_file(report: TermReport, fmt: str, rows_for: ReportRows = EVERY_PLAN) -> ReportFile:
    """The term's report as a PDF, or its data as CSV (plan results) or XLSX (plus caseload,
    the family measures by term and the advice quality figures by source).
    Every output holds rows naming a plan only for the plans in ``rows_for`` (the PDF lists
    only the plans where a family and the auditors disagree)."""
    if fmt not in FORMATS:
        raise QaAuditError(f"The report can be produced as {', '.join(FORMATS)}, not '{fmt}'.")
    if fmt == "pdf":
        data = render_pdf("pdf/report.html", **report_context(report, rows_for))
    elif fmt == "csv":
        data = to_csv(result_rows(report, rows_for))
    else:
        data = to_xlsx(
            [
                ("Plan results", result_rows(report, rows_for)),
                (
                    "Caseload",
                    caseload_rows(p for p in report.caseload.plans if rows_for.shows(p.plan_id)),
                ),
                ("Family measures", family_rows(report.family)),
                ("Advice quality", advice_quality_rows(report.advice_quality)),
            ]
        )
    name = f"qa-report-{report.term.id}" if fmt == "pdf" else f"qa-data-{report.term.id}"
    return ReportFile(data, f"{name}.{fmt}", MIMETYPES[fmt])
