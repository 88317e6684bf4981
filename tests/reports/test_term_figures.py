"""Report figures from the database, checked against counts made here from the raw rows."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.matrix import evaluate, matrix_from_json
from qa_audit.models import Audit, Moderation, Plan, Sample
from qa_audit.reports import build_report, plan_results
from qa_audit.reports.exports import result_rows
from tests.reports.demo_term import build_demo_term
from tests.reports.factories import ReportWorld, all_grades, default_matrix, stricter_matrix

TODAY = date(2026, 1, 10)


def _figure(report, measure_id, kind="new"):
    found = [
        f
        for g in report.headline
        for f in g.figures
        if (f.measure.id, f.kind) == (measure_id, kind)
    ]
    assert len(found) == 1
    return found[0]


def _hand_results(term_id: str) -> dict[str, tuple[bool | None, bool | None]]:
    """Plan reference -> (quality met, advice met), worked out from the raw rows."""
    samples = db.session.scalars(
        select(Sample.id).where(Sample.term_id == term_id, Sample.kind == "random")
    ).all()
    audits = db.session.scalars(
        select(Audit).where(Audit.sample_id.in_(samples), Audit.status == "submitted")
    ).all()
    by_plan: dict[int, list[Audit]] = {}
    for audit in sorted(audits, key=lambda a: a.id):  # the first assigned is the first marker
        by_plan.setdefault(audit.plan_id, []).append(audit)
    expected = {}
    for plan_id, plan_audits in by_plan.items():
        plan = db.session.get(Plan, plan_id)
        first = plan_audits[0]
        moderation = db.session.scalar(
            select(Moderation).where(Moderation.first_audit_id == first.id)
        )
        if moderation and moderation.final_grades:
            grades = dict(moderation.final_grades)
            overall = grades.pop("overall")
            matrix = default_matrix()
            measures = evaluate(matrix, grades, overall, plan.kind).measures
        else:
            measures = first.measures
        applies = plan.kind == "new"
        expected[plan.reference] = (
            measures["quality_threshold"] if applies else None,
            measures["advice_reflected"] if applies else None,
        )
    return expected


def test_demo_term_figures_match_a_hand_count(world):
    build_demo_term(world)
    report = build_report("autumn-2025", today=TODAY)
    expected = _hand_results("autumn-2025")
    assert {r.plan.reference for r in report.results} == set(expected)
    for index, measure_id in enumerate(("quality_threshold", "advice_reflected")):
        values = [v[index] for v in expected.values() if v[index] is not None]
        figure = _figure(report, measure_id)
        assert (figure.share.met, figure.share.n) == (sum(values), len(values))
    assert report.methodology.basis == {"single": 22, "moderated": 1, "awaiting_moderation": 1}


def test_demo_term_caseload_actions_and_calibration(world):
    build_demo_term(world)
    report = build_report("autumn-2025", today=TODAY)
    # 24 sampled plans have analyses; numbers 0 and 11 and 22 are on the conversion template
    total = report.caseload.total
    assert (total.plans, total.on_conversion, report.caseload.not_analysed) == (24, 3, 1)
    assert report.caseload.template_figure.share.value == pytest.approx(21 / 24)
    assert report.caseload.template_figure.rag == "red"
    weak = sum(n % 3 + (1 if n % 6 == 0 else 0) for n in range(24))  # outdated ones are weak too
    outcomes = sum(2 + n % 3 + (1 if n % 6 == 0 else 0) for n in range(24))
    assert (total.weak_outcomes, total.outcomes) == (weak, outcomes)
    assert total.with_outdated == 4
    assert (report.actions.opened, report.actions.closed, report.actions.overdue) == (2, 1, 1)
    # "vague" is raised on an outcome of every analysed plan and hinted on the SMART outcomes
    # criterion only (provision also lists the code); auditors confirmed it there for plans
    # 0, 3, 6, ... (8 of 24).
    calibration = dict(report.calibration.by_flag)
    audited = 24 + 2  # 24 first audits and 2 second marks; the targeted plan has no analysis
    assert calibration["vague"].n == audited
    assert calibration["vague"].met == 8


def test_targeted_plans_never_enter_the_headline(world):
    build_demo_term(world)
    targeted = plan_results("autumn-2025", "targeted")
    headline = plan_results("autumn-2025")
    assert len(targeted) == 1
    assert targeted[0].plan.reference not in {r.plan.reference for r in headline}


def test_term_without_audits_says_so(world):
    report = build_report("spring-2026", today=TODAY)
    assert report.results == [] and report.headline == []
    assert report.agreement == []


def test_term_with_one_audit(world):
    version = world.version()
    matrix = matrix_from_json(version.content)
    sample = world.sample("autumn-2025")
    world.audit(world.plan(), sample, version, all_grades(matrix, "good"), "good")
    report = build_report("autumn-2025", today=TODAY)
    figure = _figure(report, "quality_threshold")
    assert (figure.share.met, figure.share.n) == (1, 1)
    low, high = figure.share.interval
    assert low == pytest.approx(1 / (1 + 1.959963984540054**2)) and high == 1.0
    assert "too small to tell" in figure.reading and figure.rag == "insufficient"
    assert report.breakdowns[0].rows[0].shares[0].suppressed


def test_overall_grade_above_the_matrix_rule_is_not_counted_as_meeting_the_threshold(world):
    version = world.version()
    matrix = matrix_from_json(version.content)
    sample = world.sample("autumn-2025")
    plan = world.plan()
    audit = world.audit(plan, sample, version, all_grades(matrix, "inadequate"), "outstanding")
    # stored as it was before the rule existed: the auditor's Outstanding met the threshold
    audit.meets_threshold = True
    audit.measures = {m.id: True for m in matrix.measures}
    db.session.commit()
    report = build_report("autumn-2025", today=TODAY)
    figure = _figure(report, "quality_threshold")
    assert (figure.share.met, figure.share.n) == (0, 1)
    [result] = report.results
    assert (result.overall_grade, result.overall_above_rule) == ("inadequate", "outstanding")
    header, row = result_rows(report)
    assert row[header.index("overall grade")] == "Inadequate"
    assert row[header.index("overall grade given above the matrix rule")] == "Outstanding"
    assert row[header.index("meets threshold")] == "no"


def test_export_rows_are_in_words_and_name_auditors_by_discipline(app, make):
    lead = make.user("qa_lead", name="Lee Lead")
    health = make.user("auditor", agency="health", name="Hana Health")
    world = ReportWorld(health, lead)
    version = world.version()
    matrix = matrix_from_json(version.content)
    plan = world.plan(kind="amended", phase="post16", primary_need="SEMH")
    grades = all_grades(matrix, "requires-improvement")
    world.audit(plan, world.sample("autumn-2025"), version, grades, "requires-improvement")
    header, row = result_rows(build_report("autumn-2025", today=TODAY))
    cells = dict(zip(header, row, strict=True))
    assert cells["term"] == "Autumn 2025"
    assert cells["kind"] == "Amended after annual review"
    assert (cells["phase"], cells["primary need"]) == (
        "Post-16",
        "Social, emotional and mental health",
    )
    assert cells["auditors"] == "Health auditor" and "auditor ids" not in cells
    assert cells["overall grade"] == "Requires improvement"
    graded = [v for k, v in cells.items() if k.startswith("grade: ")]
    assert set(graded) <= {"Requires improvement", "Not applicable", None}
    assert "Requires improvement" in graded
    assert all(title in header for title in (f"measure: {m.title}" for m in matrix.measures[:1]))
    text = " ".join(str(cell) for cell in [*header, *row])
    assert "requires-improvement" not in text and "Hana" not in text and "Lee" not in text


def test_term_in_progress_is_provisional_until_it_ends_and_is_settled(world):
    version = world.version()
    matrix = matrix_from_json(version.content)
    sample = world.sample("autumn-2025")
    plan = world.plan()
    world.audit(plan, sample, version, all_grades(matrix, "good"), "good")
    running = build_report("autumn-2025", today=date(2025, 11, 20))
    assert running.provisional == (
        "Autumn 2025 runs until 31 December 2025: audits are still being submitted.",
    )
    assert build_report("autumn-2025", today=TODAY).provisional == ()
    weaker = all_grades(matrix, "requires-improvement")
    world.audit(plan, sample, version, weaker, "requires-improvement", auditor=world.second)
    waiting = build_report("autumn-2025", today=TODAY).provisional
    assert waiting == (
        "1 double-marked plan awaits moderation: the first auditor's grades are counted for now.",
    )


def test_matrix_change_mid_history(world):
    old, new = world.version(), world.version(stricter_matrix())
    matrix = matrix_from_json(old.content)
    autumn, spring = world.sample("autumn-2025"), world.sample("spring-2026")
    for number in range(4):
        grade = "good" if number else "inadequate"
        world.audit(world.plan(), autumn, old, all_grades(matrix, grade), grade)
        world.audit(
            world.plan(),
            spring,
            new,
            all_grades(matrix, "good"),
            "good",
            submitted=datetime(2026, 2, 1, tzinfo=UTC),
        )
    # one spring audit still on the old version: the spring report names both versions
    world.audit(
        world.plan(),
        spring,
        old,
        all_grades(matrix, "good"),
        "good",
        submitted=datetime(2026, 2, 2, tzinfo=UTC),
    )
    report = build_report("spring-2026", today=date(2026, 4, 20))
    assert report.several_versions
    groups = {g.versions[0].id: g for g in report.headline}
    assert set(groups) == {old.id, new.id}
    strict = next(f for f in groups[new.id].figures if f.measure.id == "quality_threshold")
    assert (strict.measure.target, strict.share.met, strict.share.n) == (0.9, 4, 4)
    assert "(2026)" in groups[new.id].version_labels
    series = next(s for s in report.trend if s.measure.id == "quality_threshold")
    assert series.measure.target == 0.9  # targets from the newest version used
    assert [(s.met, s.n) for s in series.shares[-2:]] == [(3, 4), (5, 5)]
