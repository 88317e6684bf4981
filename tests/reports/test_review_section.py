"""The report's annual-review section: plans of review samples count as their population's
kind against the matrix's amended-plan measure, apart from the headline figures."""

from __future__ import annotations

from datetime import date

from qa_audit.reports import build_report
from qa_audit.reports.exports import result_rows
from qa_audit.reports.outputs import report_file
from tests.pdf_text import pdf_text
from tests.reports.factories import all_grades, default_matrix


def test_the_report_counts_review_plans_as_amended_against_their_measure(world):
    version = world.version()
    matrix = default_matrix()
    assert "amended" in matrix.measure("amended_quality_threshold").applies_to
    review_sample = world.sample(
        "autumn-2025", kind="review", method={"draws_from": "amended", "size": 3}
    )
    random_sample = world.sample("autumn-2025")
    grades = ("good", "good", "requires-improvement")
    for grade in grades:
        plan = world.plan(kind="new")  # the tool still records them as new plans
        world.audit(plan, review_sample, version, all_grades(matrix, grade), grade)
    headline_plan = world.plan(kind="new")
    world.audit(headline_plan, random_sample, version, all_grades(matrix, "good"), "good")
    report = build_report("autumn-2025", today=date(2026, 1, 10))
    assert [r.plan.kind for r in report.reviews] == ["amended"] * 3
    assert [r.plan.id for r in report.results] == [headline_plan.id]
    [group] = report.review_headline
    figure = next(f for f in group.figures if f.measure.id == "amended_quality_threshold")
    assert (figure.kind, figure.share.met, figure.share.n) == ("amended", 2, 3)
    assert not any(f.measure.id == "quality_threshold" for f in group.figures)
    rows = result_rows(report)
    column = rows[0].index("measure: Amended plans meeting the quality threshold")
    review_rows = [row for row in rows[1:] if row[1] == "review"]
    assert [(row[3], row[column]) for row in review_rows].count(
        ("Amended after annual review", "yes")
    ) == 2
    text = " ".join(pdf_text(report_file(report, "pdf").data).split())
    assert "Annual-review samples" in text
    assert "Amended plans meeting the quality threshold" in text
