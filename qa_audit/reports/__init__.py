"""Termly reports: headline measures with intervals and RAG, trend, breakdowns, themes, caseload
screen, pre-flag calibration; as a dashboard, a PDF, and CSV/XLSX data exports.

Figures are pure functions of plain records (:mod:`qa_audit.reports.records`); the loaders fetch
those records, and :func:`plan_results` is the one rule for turning audits into plan results.
"""

from qa_audit.reports.loading import plan_results
from qa_audit.reports.report import TermReport, build_report

__all__ = ["TermReport", "build_report", "plan_results"]
