"""The demo loader creates audits at every stage for the demo auditors, marked the way the
plans' documents deserve."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

from sqlalchemy import select

from qa_audit.audits.preflags import latest_analysis_result, preflags_by_criterion
from qa_audit.demo.audits import DemoMarker
from qa_audit.documents import read_plan
from qa_audit.extensions import db
from qa_audit.matrix.codes import NOT_APPLICABLE
from qa_audit.matrix.versions import active_matrix_version
from qa_audit.models import Audit, AuditScore, User
from qa_audit.nlp.plan import analyse_plan
from qa_audit.synthetic import generate_plan


def test_demo_creates_audits_for_each_demo_auditor(runner):
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    # Ad hoc assignments (the sampling demo adds sampled ones of its own).
    audits = db.session.scalars(select(Audit).where(Audit.sample_id.is_(None))).all()
    assert Counter(a.status for a in audits) == {"assigned": 3, "draft": 3, "submitted": 6}
    auditors = set(db.session.scalars(select(User.id).where(User.role == "auditor")))
    assert {a.auditor_id for a in audits} == auditors
    for audit in audits:
        assert audit.due_on is not None
        assert latest_analysis_result(audit.document_id) is not None
        if audit.status == "submitted":
            assert audit.overall_grade and audit.meets_threshold is not None
            assert set(audit.measures) == {
                "quality_threshold",
                "advice_reflected",
                "current_template",
                "amended_quality_threshold",
            }
        if audit.status != "assigned":
            assert audit.matrix_version_id is not None
    assert db.session.scalar(select(AuditScore).where(AuditScore.grade.is_not(None)))


def _marked(seed: int, layout: str, quality: str):
    _, matrix = active_matrix_version()
    plan = generate_plan(seed, layout, "docx", quality=quality)  # type: ignore[arg-type]
    result = analyse_plan(read_plan(plan.data, plan.filename), today=date(2026, 2, 10))
    hints = preflags_by_criterion(matrix, result.to_dict())
    sheet = DemoMarker(random.Random(1), matrix).sheet(plan.truth.year_group, plan.truth, hints)
    return matrix, plan.truth, hints, sheet


def test_a_weak_plan_is_graded_down_where_its_faults_are(app):
    matrix, truth, hints, sheet = _marked(517, "outcome_provision", "weak")
    planted = {fault.code for fault in truth.faults}
    touched = [c for c in matrix.criteria if planted & set(c.flags)]
    assert len(touched) >= 3
    below = [c for c in touched if not matrix.meets_threshold(sheet["grades"][c.id])]
    assert len(below) >= len(touched) - 1
    assert not matrix.meets_threshold(sheet["overall"])
    assert all(sheet["evidence"][c.id] for c in touched)
    assert "2 outcomes with no date or time frame" in sheet["evidence"]["smart-outcomes"]
    assert "Year 10" in sheet["evidence"]["preparing-for-adulthood"]
    confirmed = sheet["confirmed"]
    assert confirmed
    for criterion_id, codes in confirmed.items():
        assert set(codes) <= planted & {hint.code for hint in hints[criterion_id]}
    unbacked = {h.code for flags in hints.values() for h in flags} - planted
    assert not unbacked & {code for codes in confirmed.values() for code in codes}


def test_a_good_plan_meets_the_threshold_and_its_hints_are_not_confirmed(app):
    matrix, truth, hints, sheet = _marked(517, "outcome_provision", "good")
    assert truth.faults == []
    assert not any(hints.values())  # good wording raises no hint an auditor would reject
    for grade in sheet["grades"].values():
        assert grade == NOT_APPLICABLE or matrix.meets_threshold(grade)
    assert matrix.meets_threshold(sheet["overall"])
    assert sheet["evidence"] == {} and sheet["confirmed"] == {}


def test_the_demo_moderator_settles_each_difference_by_what_the_plan_holds(app):
    matrix, truth, _, _ = _marked(517, "outcome_provision", "weak")
    planted = {fault.code for fault in truth.faults}
    faulty = next(c for c in matrix.criteria if planted & set(c.flags))
    sound = next(c for c in matrix.criteria if not planted & set(c.flags))
    best, worst = matrix.scale.grades[0].id, matrix.scale.grades[-1].id
    first = {c.id: best for c in matrix.criteria} | {"overall": best}
    second = first | {faulty.id: worst, sound.id: worst, "overall": worst}
    final, reason = DemoMarker(random.Random(1), matrix).settle(first, second, truth, "overall")
    assert final[faulty.id] == worst  # the plan holds the fault: the lower grade stands
    assert final[sound.id] == best  # nothing wrong there: the higher grade stands
    assert final["overall"] == worst
    assert set(final) == set(first)
    assert faulty.title in reason.split("lower grade:")[1].split(".")[0]
    assert sound.title in reason.split("reading the plan:")[1]


def test_a_lone_slip_is_confirmed_and_not_marked_down(app):
    for seed in range(520, 526):
        matrix, truth, hints, sheet = _marked(seed, "headed", "slip")
        [slip] = truth.faults
        [criterion] = [c for c in matrix.criteria if slip.code in c.flags]
        assert sheet["confirmed"] == {criterion.id: [slip.code]}
        assert slip.code in {hint.code for hint in hints[criterion.id]}
        assert matrix.meets_threshold(sheet["grades"][criterion.id])
        assert matrix.meets_threshold(sheet["overall"])
