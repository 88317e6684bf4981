from datetime import date

import pytest

from qa_audit.documents.model import Advice, Need, Outcome, ProvisionItem, TemplateVerdict
from qa_audit.nlp.plan import analyse_plan
from qa_audit.nlp.version import ANALYSER_VERSION

from .plans import primary_plan

TODAY = date(2026, 1, 10)


def codes_of(outcome: dict) -> set[str]:
    return {flag["code"] for flag in outcome["flags"]}


def test_complete_plan_has_no_gaps():
    data = analyse_plan(primary_plan(), today=TODAY).to_dict()
    assert data["analyser_version"] == ANALYSER_VERSION
    assert data["golden_thread"] == {
        "needs_without_provision": [],
        "outcomes_without_need": [],
        "outcomes_without_provision": [],
        "aspirations_without_outcome": ["T. wants to drive trains when he grows up."],
    }
    assert [o["weak"] for o in data["outcomes"]] == [False, False]
    assert data["summary"]["weak_outcomes"] == 0
    assert data["summary"]["weak_share"] == 0.0
    assert data["template"] == {"kind": "current", "evidence": ["Section E: Outcomes"]}


def test_need_without_provision_and_outcome_without_need():
    plan = primary_plan()
    plan.needs.append(Need("T. has asthma and needs his inhaler before exercise.", "C"))
    plan.outcomes.append(Outcome("By July 2027, T. will swim 25 metres unaided."))
    data = analyse_plan(plan, today=TODAY).to_dict()
    thread = data["golden_thread"]
    assert thread["needs_without_provision"] == [
        "T. has asthma and needs his inhaler before exercise."
    ]
    assert thread["outcomes_without_need"] == ["By July 2027, T. will swim 25 metres unaided."]
    assert "no_linked_need" in codes_of(data["outcomes"][-1])
    assert data["outcomes"][-1]["weak"] is False
    assert data["summary"]["flag_counts"]["no_linked_need"] == 1


def test_layout_link_counts_as_linked_need():
    plan = primary_plan()
    plan.outcomes.append(
        Outcome("By July 2027, T. will swim 25 metres unaided.", need="Swimming is hard for T.")
    )
    data = analyse_plan(plan, today=TODAY).to_dict()
    assert data["golden_thread"]["outcomes_without_need"] == []
    assert data["outcomes"][-1]["need"] == "Swimming is hard for T."


def test_aspiration_met_by_an_outcome():
    plan = primary_plan(aspirations=["T. would like to have a friend to play with."])
    plan.outcomes.append(
        Outcome("By July 2027, T. will play a game with a friend at break on 3 days a week.")
    )
    thread = analyse_plan(plan, today=TODAY).golden_thread
    assert thread.aspirations_without_outcome == []


def test_advice_not_reflected_is_reported_per_source():
    plan = primary_plan()
    plan.advice.append(Advice("Educational Psychologist", date=date(2025, 6, 1)))
    plan.advice.append(Advice("Occupational Therapy"))
    plan.provision.append(ProvisionItem("Occupational therapy as required.", "F"))
    data = analyse_plan(plan, today=TODAY).to_dict()
    by_source = {a["source"]: a for a in data["advice"]}
    salt = by_source["Speech and Language Therapy"]
    assert salt["reflected"] is True
    assert salt["date"] == "2025-05-02"
    assert salt["evidence"] == [plan.provision[0].text]
    assert by_source["Parent"]["reflected"] is True
    ep = by_source["Educational Psychologist"]
    assert ep["reflected"] is False
    assert [f["code"] for f in ep["flags"]] == ["advice_not_reflected"]
    ot = by_source["Occupational Therapy"]
    assert ot["reflected"] is False
    assert [f["code"] for f in ot["flags"]] == ["advice_not_specific"]
    assert ot["evidence"] == ["Occupational therapy as required."]
    summary = data["summary"]
    assert (summary["advice_items"], summary["advice_reflected"]) == (4, 2)
    assert (summary["provision_items"], summary["vague_provision"]) == (3, 1)


def test_unknown_advice_source_is_not_assumed_reflected():
    plan = primary_plan(advice=[Advice("Swimming club")])
    [advice] = analyse_plan(plan, today=TODAY).advice
    assert advice.reflected is False
    assert [f.code for f in advice.flags] == ["advice_source_unknown"]


def test_pfa_not_required_in_year_5():
    pfa = analyse_plan(primary_plan(), today=TODAY).to_dict()["preparing_for_adulthood"]
    assert pfa["required"] is False
    assert pfa["flags"] == []


def test_pfa_missing_in_year_10_is_flagged():
    plan = primary_plan(year_group=10)
    pfa = analyse_plan(plan, today=TODAY).to_dict()["preparing_for_adulthood"]
    assert (pfa["required"], pfa["present"]) == (True, False)
    assert [f["code"] for f in pfa["flags"]] == ["pfa_missing"]


def test_pfa_present_in_year_10():
    plan = primary_plan(year_group=10)
    plan.outcomes += [
        Outcome("By July 2027, T. will travel to college by bus on his own, 3 days a week."),
        Outcome("By July 2027, T. will complete a one-week work experience placement."),
    ]
    pfa = analyse_plan(plan, today=TODAY).to_dict()["preparing_for_adulthood"]
    assert (pfa["required"], pfa["present"]) == (True, True)
    assert set(pfa["areas_covered"]) >= {"employment", "independent_living"}
    assert "health" in pfa["areas_missing"]
    assert pfa["flags"] == []


def test_school_stage_target_already_past_is_outdated():
    plan = primary_plan(year_group=7)  # "by the end of Year 6" is behind a Year 7 pupil
    data = analyse_plan(plan, today=TODAY).to_dict()
    assert "outdated" in codes_of(data["outcomes"][1])
    assert data["outcomes"][1]["weak"] is True


def _outdated(plan, target: str):
    plan.outcomes.append(Outcome(f"{target}, T. will read 20 words on sight."))
    analysis = analyse_plan(plan, today=TODAY)
    return analysis.reference_date, "outdated" in {f.code for f in analysis.outcomes[-1][0].flags}


@pytest.mark.parametrize(
    ("issued", "review", "target", "reference", "outdated"),
    [
        (date(2023, 9, 1), None, "By July 2024", date(2023, 9, 1), False),
        (date(2025, 9, 20), None, "By July 2025", date(2025, 9, 20), True),
        (date(2025, 9, 20), None, "By December 2025", date(2025, 9, 20), False),
        (date(2025, 9, 20), None, "By July 16", date(2025, 9, 20), True),
        (date(2024, 1, 10), None, "By end-of-term 2023", date(2024, 1, 10), True),
        (None, date(2026, 6, 1), "By March 2025", date(2025, 6, 1), True),
        (None, None, "By December 2025", TODAY, True),
        # reviewed in autumn 2025 without a new issue: frames count from the issue date
        (date(2024, 9, 1), date(2026, 10, 1), "Within 12 months", date(2025, 10, 1), True),
        (date(2024, 9, 1), date(2026, 10, 1), "Over the course of 18 months", None, False),
        (date(2024, 9, 1), date(2026, 10, 1), "Within the current academic year", None, True),
        (date(2024, 9, 1), date(2026, 10, 1), "By the next annual review", None, True),
        (date(2025, 9, 1), None, "By the next annual review", None, False),
    ],
)
def test_targets_are_judged_at_the_date_the_plan_was_written(
    issued, review, target, reference, outdated
):
    plan = primary_plan(issue_date=issued, review_date=review)
    judged_at, flagged = _outdated(plan, target)
    assert flagged is outdated
    if reference is not None:
        assert judged_at == reference


def test_conversion_template_is_passed_through():
    verdict = TemplateVerdict("conversion", ["in place of a Statement"])
    data = analyse_plan(primary_plan(template=verdict), today=TODAY).to_dict()
    assert data["template"] == {"kind": "conversion", "evidence": ["in place of a Statement"]}
    assert data["summary"]["template"] == "conversion"


def test_empty_plan():
    data = analyse_plan(
        primary_plan(needs=[], outcomes=[], provision=[], advice=[], aspirations=[]), today=TODAY
    ).to_dict()
    assert data["summary"]["outcomes"] == 0
    assert data["summary"]["weak_share"] is None
    assert data["outcomes"] == []


def test_identical_outcome_texts_are_linked_separately():
    text = "By July 2027, T. will swim 25 metres unaided."
    plan = primary_plan()
    plan.outcomes += [Outcome(text, need="T. cannot yet swim."), Outcome(text)]
    data = analyse_plan(plan, today=TODAY).to_dict()
    assert "no_linked_need" not in codes_of(data["outcomes"][-2])
    assert "no_linked_need" in codes_of(data["outcomes"][-1])
