"""The report's family section: the family measures against their 75% target (don't know left
out, Wilson interval, status), the response rate, breakdowns, the trend, the families' view
against the auditors' settled result, the plans where they disagree (only those the reader may
see) and families' words (QA leads only)."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook

from qa_audit.extensions import db
from qa_audit.family.links import answer_through_link, issue_link, record_given_answer
from qa_audit.reports import build_report
from qa_audit.reports.family_voice import status
from qa_audit.reports.outputs import report_file
from qa_audit.reports.shares import Share
from qa_audit.visibility import report_rows
from tests.factories import login
from tests.pdf_text import pdf_text
from tests.reports.factories import all_grades, default_matrix

TODAY = date(2026, 1, 20)
IN_AUTUMN = datetime(2025, 11, 3, 10, tzinfo=UTC)
IN_SUMMER = datetime(2025, 6, 3, 10, tzinfo=UTC)
COMMENT = "Mrs Okafor listened, but Jayden was not asked."


def _given(plan, respondent, describes, aspirations, involved, when=IN_AUTUMN, comment=""):
    answers = {"describes_now": describes, "aspirations": aspirations, "involved": involved}
    found = record_given_answer(plan, respondent, "phone", answers, {"better": comment}, when)
    db.session.commit()
    return found


def _linked(plan, respondent, by, answers=None):
    link, _ = issue_link(plan, respondent, by, IN_AUTUMN)
    found = answer_through_link(link, answers, {}, IN_AUTUMN) if answers else None
    db.session.commit()
    return found


@pytest.fixture
def family_world(world, make):
    """Four audited plans (two meeting the threshold), answered by their families, and an
    unaudited plan with an answer and an unanswered link."""
    lead = make.user("qa_lead")
    version, matrix = world.version(), default_matrix()
    sample = world.sample("autumn-2025")
    good, weak = all_grades(matrix, "good"), all_grades(matrix, "requires-improvement")
    plans = [world.plan(team="North", phase="primary") for _ in range(2)]
    plans += [world.plan(team="South", phase="secondary") for _ in range(2)]
    for plan, grades in zip(plans, (good, weak, good, weak), strict=True):
        overall = "good" if grades is good else "requires-improvement"
        world.audit(plan, sample, version, grades, overall)
    _given(plans[0], "parent", "yes", "yes", "yes", comment=COMMENT)  # agrees: good
    _given(plans[1], "parent", "yes", "yes", "dont_know")  # disagrees: positive, below
    _linked(
        plans[2],
        "young_person",
        lead,
        {"describes_now": "no", "aspirations": "partly", "involved": "no"},
    )  # disagrees: not positive, good
    _given(plans[3], "child", "no", "dont_know", "no")  # agrees: not positive, below
    extra = world.plan(team="South", kind="amended")
    _linked(
        extra, "parent", lead, {"describes_now": "yes", "aspirations": "yes", "involved": "yes"}
    )
    _linked(extra, "child", lead)  # sent, never answered
    _given(extra, "parent", "yes", "no", "yes", when=IN_SUMMER)  # an earlier term
    return plans, lead


def test_figures_on_a_small_world(family_world):
    plans, _ = family_world
    fam = build_report("autumn-2025", today=TODAY).family
    reflects, involvement = fam.figures
    # reflects_child: describes_now + aspirations over 5 responses in the term:
    # yes yes | yes yes | no partly | no dont_know | yes yes -> 6 yes of 9 counted, 1 don't know
    assert (reflects.share, reflects.dont_know) == (Share(6, 9), 1)
    assert reflects.measure.target == 0.75
    low, high = reflects.share.interval
    assert round(low, 3) == 0.354 and round(high, 3) == 0.879
    assert reflects.rag == "insufficient"
    assert (involvement.share, involvement.dont_know) == (Share(2, 4), 1)
    assert fam.response_rate == Share(2, 3)  # three links sent in autumn, two answered
    assert fam.responses == 5
    who = dict(fam.breakdowns[0].rows)
    assert list(who) == ["Parent or carer", "Young person", "Child"]
    assert who["Parent or carer"][0] == Share(6, 6)
    assert [label for label, _ in fam.breakdowns[1].rows] == ["North", "South"]
    assert [label for label, _ in fam.trend] == [
        "Autumn 2024",
        "Spring 2025",
        "Summer 2025",
        "Autumn 2025",
    ]
    assert fam.trend[2][1][0] == Share(1, 2)
    assert fam.crossed == {(True, True): 1, (True, False): 1, (False, True): 1, (False, False): 1}
    assert {(d.reference, d.family_positive, d.meets_threshold) for d in fam.disagreements} == {
        (plans[1].reference, True, False),
        (plans[2].reference, False, True),
    }
    assert fam.comments == (("Parent or carer", "Mrs [name] listened, but [name] was not asked."),)


def test_the_status_follows_the_interval_and_the_target():
    assert status(Share(0, 0), 0.75) is None
    assert status(Share(95, 100), 0.75) == "green"
    assert status(Share(70, 100), 0.75) == "insufficient"
    assert status(Share(680, 1000), 0.75) == "amber"
    assert status(Share(40, 100), 0.75) == "red"


def test_the_pdf_names_the_target_and_who_answered(family_world):
    plans, _ = family_world
    report = build_report("autumn-2025", today=TODAY)
    text = " ".join(pdf_text(report_file(report, "pdf").data).split())
    assert "What families said" in text and "75%" in text
    for who in ("Parent or carer", "Young person", "Child"):
        assert who in text
    assert plans[1].reference in text and plans[2].reference in text
    assert "Okafor" not in text and "Jayden" not in text


def test_a_sen_manager_sees_disagreements_only_for_their_teams_plans_and_no_words(
    family_world, make, client, app
):
    plans, lead = family_world
    manager = make.user("sen_manager", team="North")
    report = build_report("autumn-2025", today=TODAY)
    text = pdf_text(report_file(report, "pdf", report_rows(manager)).data)
    assert plans[1].reference in text and plans[2].reference not in text
    assert "only the plans you may see are listed: 1 of 2" in " ".join(text.split())
    assert "listened, but" not in text
    login(client, manager)
    page = client.get("/reports/?term=autumn-2025").get_data(as_text=True)
    assert plans[1].reference in page and plans[2].reference not in page
    assert "listened, but" not in page
    as_lead = app.test_client()
    login(as_lead, lead)
    page = as_lead.get("/reports/?term=autumn-2025").get_data(as_text=True)
    assert plans[2].reference in page and "listened, but" in page


def test_the_trend_is_drawn_and_exported(family_world):
    report = build_report("autumn-2025", today=TODAY)
    reflects, _ = report.family.series
    assert reflects.terms[-2:] == ("Summer 2025", "Autumn 2025")
    assert reflects.shares[-1] == Share(6, 9)
    text = " ".join(pdf_text(report_file(report, "pdf").data).split())
    assert "target 75%" in text  # the chart's target line
    sheet = load_workbook(io.BytesIO(report_file(report, "xlsx").data))["Family measures"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:5] == ["term", "measure", "target", "yes", "answers counted"]
    autumn = [r for r in rows[1:] if r[0] == "Autumn 2025" and r[1] == reflects.title]
    assert autumn == [["Autumn 2025", reflects.title, 0.75, 6, 9, 0.6667, 0.3542, 0.8794]]
    summer = next(r for r in rows[1:] if r[0] == "Summer 2025" and r[1] == reflects.title)
    assert summer[3:] == [1, 2, None, None, None]  # too few answers for a share
