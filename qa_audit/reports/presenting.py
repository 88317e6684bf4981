"""Helpers the report templates (web page and PDF) use to show figures the same way."""

from __future__ import annotations

from typing import Any

from flask import current_app
from markupsafe import Markup

from qa_audit.matrix.codes import FLAG_LABELS
from qa_audit.moderation.follow_ups import ACTION_KINDS
from qa_audit.reports.criteria import grade_ids
from qa_audit.reports.headline import Status
from qa_audit.reports.report import TermReport
from qa_audit.reports.shares import NO_FIGURE, Share, percent
from qa_audit.reports.svg_chart import line_chart
from qa_audit.sampling.describe import describe_afterwards
from qa_audit.visibility import EVERY_PLAN, ReportRows

SECTIONS = (
    ("headline", "Headline measures"),
    ("trend", "Trend"),
    ("breakdowns", "Breakdowns"),
    ("themes", "Themes"),
    ("caseload", "Caseload screen"),
    ("timeliness", "Timeliness"),
    ("advice-quality", "Advice quality"),
    ("family", "What families said"),
    ("calibration", "Pre-flag calibration"),
    ("reviews", "Annual-review samples"),
    ("targeted", "Targeted samples"),
    ("methodology", "Methodology"),
)
RAG_TAGS = {
    "green": ("GREEN", "green"),
    "amber": ("AMBER", "yellow"),
    "red": ("RED", "red"),
    "insufficient": ("Not enough evidence", "grey"),
}


def share_cell(share: Share) -> str:
    """Like "82% (41 of 50)"; counts only when too few plans to show a percentage."""
    if not share.n:
        return NO_FIGURE
    if share.suppressed:
        return f"{share.met} of {share.n}"
    return f"{percent(share.value)} ({share.met} of {share.n})"


def count_cell(met: int, n: int) -> str:
    """``share_cell`` for a count of the whole caseload."""
    return share_cell(Share(met=met, n=n))


def rag_tag(status: Status | None) -> Markup:
    if status is None:
        return Markup("")
    text, colour = RAG_TAGS[status]
    tag = Markup('<strong class="govuk-tag govuk-tag--{} report-rag">{}</strong>')
    return tag.format(colour, text)


def flag_label(code: str) -> str:
    return FLAG_LABELS.get(code, code.replace("_", " ").capitalize())


def action_label(kind: str) -> str:
    return ACTION_KINDS.get(kind, kind.replace("_", " ").capitalize())


def kappa_words(kappa: float) -> str:
    """Conventional reading of kappa (Landis and Koch bands)."""
    for bound, words in ((0.8, "almost perfect"), (0.6, "substantial"), (0.4, "moderate")):
        if kappa > bound:
            return f"{words} agreement"
    return "fair agreement" if kappa > 0.2 else "slight or no agreement beyond chance"


def report_context(report: TermReport, rows_for: ReportRows = EVERY_PLAN) -> dict[str, Any]:
    """Everything the section templates expect, besides the report itself; ``rows_for``: the
    plans the reader may see listed, and whether they may read families' own words."""
    return {
        "report": report,
        "rows_for": rows_for,
        "council_name": current_app.config["COUNCIL_NAME"],
        "sections": SECTIONS,
        "percent": percent,
        "share_cell": share_cell,
        "count_cell": count_cell,
        "rag_tag": rag_tag,
        "flag_label": flag_label,
        "action_label": action_label,
        "kappa_words": kappa_words,
        "describe_afterwards": describe_afterwards,
        "chart": line_chart,
        "grade_columns": grade_ids(list(report.versions.values())),
    }
