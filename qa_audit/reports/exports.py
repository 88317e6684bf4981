"""CSV and XLSX exports of the data behind the report: one row per plan result.

Every cell goes through :func:`qa_audit.files.tables.safe`. Every value is in words a reader
knows (grade labels, kinds of plan, phases, needs); plans appear by reference and auditors by
discipline ("Health auditor"), never by name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from qa_audit.files.tables import Cell, safe
from qa_audit.matrix import NOT_APPLICABLE, Matrix
from qa_audit.models.plan import PHASES, PLAN_KINDS, PRIMARY_NEEDS
from qa_audit.reports.advice_quality import AdviceQuality
from qa_audit.reports.caseload import CaseloadPlan
from qa_audit.reports.criteria import criteria_in_order
from qa_audit.reports.family_voice import FamilyVoice
from qa_audit.reports.records import PlanResult
from qa_audit.reports.report import TermReport
from qa_audit.visibility import EVERY_PLAN, ReportRows

BASIS_LABELS = {
    "single": "marked once",
    "agreed": "double-marked, agreed",
    "moderated": "moderated",
    "awaiting_moderation": "double-marked, awaiting moderation",
}
TEMPLATE_LABELS = {
    "current": "Current template",
    "conversion": "Statement-conversion template",
    "unknown": "Not recognised",
}


def result_rows(report: TermReport, rows_for: ReportRows = EVERY_PLAN) -> list[list[Cell]]:
    """Header and one row per plan result the reader may see: headline sample first, then
    annual-review and targeted samples. The grade columns are the same for every reader."""
    criteria = criteria_in_order(list(report.versions.values()))
    every = [*report.results, *report.reviews, *report.targeted]
    measures = sorted({m for r in every for m in r.measures})
    titles = {  # each measure's title in the newest matrix version that has it
        m.id: m.title for _, v in sorted(report.versions.items()) for m in v.matrix.measures
    }
    header = [
        "term",
        "sample",
        "plan reference",
        "kind",
        "team",
        "phase",
        "primary need",
        "audit ids",
        "auditors",
        "matrix version",
        "result basis",
        "moderated",
        *[f"grade: {title}" for _, title in criteria],
        "overall grade",
        "overall grade given above the matrix rule",
        "meets threshold",
        *[f"measure: {titles[m]}" for m in measures],
    ]
    rows: list[list[Cell]] = [header]
    by_sample = (
        ("random", report.results),
        ("review", report.reviews),
        ("targeted", report.targeted),
    )
    for sample, results in by_sample:
        shown = (r for r in results if rows_for.shows(r.plan.id))
        rows.extend(_row(report, sample, r, criteria, measures) for r in shown)
    return [[safe(cell) for cell in row] for row in rows]


def _row(
    report: TermReport,
    sample: str,
    result: PlanResult,
    criteria: Sequence[tuple[str, str]],
    measures: Sequence[str],
) -> list[object]:
    plan = result.plan
    matrix = report.versions[result.version_id].matrix
    return [
        report.term.label,
        sample,
        plan.reference,
        PLAN_KINDS.get(plan.kind, plan.kind),
        plan.team,
        PHASES.get(plan.phase or "", plan.phase),
        PRIMARY_NEEDS.get(plan.primary_need or "", plan.primary_need),
        " ".join(map(str, result.audit_ids)),
        "; ".join(result.auditors),
        report.versions[result.version_id].label,
        BASIS_LABELS[result.basis],
        result.moderated,
        *[grade_label(matrix, result.grades.get(criterion_id)) for criterion_id, _ in criteria],
        grade_label(matrix, result.overall_grade),
        grade_label(matrix, result.overall_above_rule),
        result.meets_threshold,
        *[result.measures.get(m) for m in measures],
    ]


def grade_label(matrix: Matrix, grade_id: str | None) -> str | None:
    """The grade as the matrix names it ("Requires improvement"), for a person to read."""
    if grade_id is None:
        return None
    if grade_id == NOT_APPLICABLE:
        return "Not applicable"
    return matrix.grade(grade_id).label


def caseload_rows(plans: Iterable[CaseloadPlan]) -> list[list[Cell]]:
    header = ["plan reference", "team", "template", "outcomes", "weak outcomes", "outdated"]
    body = [
        [
            p.reference,
            p.team,
            TEMPLATE_LABELS[p.template],
            p.outcomes,
            p.weak_outcomes,
            p.outdated_outcomes,
        ]
        for p in sorted(plans, key=lambda p: p.reference)
    ]
    return [[safe(cell) for cell in row] for row in [header, *body]]


def family_rows(family: FamilyVoice) -> list[list[Cell]]:
    """Each family measure in each term of the trend: answers counted, "Yes" answers, the share
    and its 95% interval (left blank with too few answers, as the report does)."""
    header = ["term", "measure", "target", "yes", "answers counted", "share", "interval low"]
    header.append("interval high")
    body = []
    for series in family.series:
        for term, share in zip(series.terms, series.shares, strict=True):
            shown = share.n and not share.suppressed
            low, high = share.interval if shown else (None, None)
            body.append(
                [
                    term,
                    series.title,
                    series.measure.target,
                    share.met,
                    share.n,
                    _rounded(share.value) if shown else None,
                    _rounded(low),
                    _rounded(high),
                ]
            )
    return [[safe(cell) for cell in row] for row in [header, *body]]


def advice_quality_rows(quality: AdviceQuality) -> list[list[Cell]]:
    """Per source of advice (then all sources), the advice audited and, for each measure of
    the advice matrix, its target, the advice meeting it, the advice counted and the share."""
    header: list[object] = ["term", "source", "audited"]
    for measure in quality.measures:
        header += [
            f"{measure.title}: target",
            f"{measure.title}: met",
            f"{measure.title}: counted",
            f"{measure.title}: share",
        ]
    body = []
    for row in [*quality.rows, quality.total] if quality.audited else []:
        cells: list[object] = [quality.term.label, row.source, row.audited]
        for measure in quality.measures:
            share = row.shares[measure.id]
            cells += [measure.target, share.met, share.n, _rounded(share.value)]
        body.append(cells)
    return [[safe(cell) for cell in line] for line in [header, *body]]


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
