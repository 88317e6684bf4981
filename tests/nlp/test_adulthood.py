"""Which outcomes count as Preparing for Adulthood outcomes, in the words caseworkers use."""

from __future__ import annotations

import pytest

from qa_audit.documents.model import Outcome
from qa_audit.nlp.pipeline import parse
from qa_audit.nlp.plan import analyse_plan
from qa_audit.nlp.themes import load_themes
from qa_audit.nlp.thread import profile

from .plans import primary_plan
from .test_plan_analysis import TODAY


def adulthood_areas(text: str) -> set[str]:
    [doc] = parse([text])
    return set(profile(doc, load_themes()).adulthood)


@pytest.mark.parametrize(
    ("outcome", "area"),
    [
        (
            "By July 2027, S. will complete two weeks of work experience at a local garage.",
            "employment",
        ),
        (
            "By the end of Year 11, S. will visit two post-16 providers and choose a course.",
            "employment",
        ),
        (
            "By September 2027, S. will move on to the sixth form and study two A levels.",
            "employment",
        ),
        (
            "By July 2028, S. will hold a part-time job at the weekend for three months.",
            "employment",
        ),
        (
            "By July 2027, S. will buy his lunch in the canteen and check his change.",
            "independent_living",
        ),
        (
            "By Easter 2027, S. will use public transport to get to her Saturday club.",
            "independent_living",
        ),
        (
            "By July 2029, S. will be ready to live independently in supported living.",
            "independent_living",
        ),
        (
            "By July 2027, S. will start a conversation with a classmate at break twice a week.",
            "community",
        ),
        (
            "By December 2026, S. will resolve a disagreement with a peer using an agreed script.",
            "community",
        ),
        ("By July 2027, S. will go to the cinema with friends without an adult.", "community"),
        (
            "By July 2027, S. will book and attend her own dentist and optician appointments.",
            "health",
        ),
    ],
)
def test_outcomes_towards_adulthood_name_their_area(outcome: str, area: str) -> None:
    assert area in adulthood_areas(outcome)


@pytest.mark.parametrize(
    "outcome",
    [
        "S. will attend a weekly social skills group run by the school.",
        "By July 2027, S. will work with a partner in a small group activity in 4 of 5 lessons.",
        "By July 2027, S. will read at home with a parent for ten minutes five nights a week.",
        "Over the course of the spring term, S. will name three feelings using a feelings chart.",
        "By July 2027, S. will maintain his full-time school placement.",
        "By July 2026, S. will develop their emotional wellbeing and self-esteem.",
        "By July 2027, S. will finish his written work in class within the time given.",
    ],
)
def test_classroom_outcomes_are_not_taken_for_adulthood(outcome: str) -> None:
    assert adulthood_areas(outcome) == set()


def test_year_10_plan_with_only_a_school_group_lacks_adulthood_outcomes() -> None:
    plan = primary_plan(year_group=10)
    plan.outcomes.append(Outcome("S. will attend a weekly social skills group run by the school."))
    pfa = analyse_plan(plan, today=TODAY).to_dict()["preparing_for_adulthood"]
    assert [f["code"] for f in pfa["flags"]] == ["pfa_missing"]


def test_year_9_plan_with_a_friendship_outcome_has_adulthood_outcomes() -> None:
    plan = primary_plan(year_group=9)
    plan.outcomes.append(
        Outcome(
            "By July 2026, S. will start a conversation with a classmate at break time without "
            "adult prompting at least twice a week."
        )
    )
    pfa = analyse_plan(plan, today=TODAY).to_dict()["preparing_for_adulthood"]
    assert (pfa["present"], pfa["areas_covered"], pfa["flags"]) == (True, {"community": 1}, [])
