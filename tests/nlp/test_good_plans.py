"""Good generated plans are good: the hints that rightly find weak wording find none in them.

Demo calibration compares hints with auditors' verdicts on plans that meet the threshold; stock
"good" wording that the rules rightly flag (provision nobody delivers, advice never carried into
F, Key Stage 3 targets for a Year 10 pupil) would make every hint on a good plan look wrong.
"""

from __future__ import annotations

import re

import pytest

from qa_audit.documents import read_plan
from qa_audit.nlp.plan import analyse_plan
from qa_audit.synthetic import LAYOUTS, generate_plan
from qa_audit.synthetic.content import ADVICE_CARRIED_BY
from qa_audit.synthetic.plan_facts import choose_facts, key_stage

SEEDS = range(300, 306)
RIGHTLY_FLAGGED = {"provision_not_quantified", "advice_not_reflected", "outdated", "pfa_missing"}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_good_plans_raise_none_of_the_flags_their_wording_used_to(layout: str) -> None:
    raised = []
    for seed in SEEDS:
        plan = generate_plan(seed, layout, "docx")
        analysis = analyse_plan(read_plan(plan.data, plan.filename), today=plan.truth.issue_date)
        items = [check for check, _, _ in analysis.outcomes] + analysis.provision
        items += analysis.advice
        raised += [
            (plan.filename, flag.code, getattr(item, "text", getattr(item, "source", "")))
            for item in items
            for flag in item.flags
            if flag.code in RIGHTLY_FLAGGED
        ]
        raised += [(plan.filename, f.code, "") for f in analysis.adulthood.flags]
    assert raised == []


def test_every_listed_advice_is_carried_into_provision() -> None:
    for seed in range(400, 440):
        facts = choose_facts(seed)
        provision = " ".join(s.provision for s in facts.all_strands).lower()
        provision += (facts.social_other or "").lower()
        for source, _, _ in facts.advice:
            words = ADVICE_CARRIED_BY.get(source, ())
            assert not words or any(word in provision for word in words), (seed, source)


@pytest.mark.parametrize(
    ("year", "stage"),
    [
        (None, "Key Stage 1"),
        (2, "Key Stage 1"),
        (6, "Key Stage 2"),
        (9, "Key Stage 3"),
        (10, "Key Stage 4"),
        (11, "Key Stage 4"),
        (12, "Year 13"),
        (13, "Year 13"),
        (14, "the college year"),
    ],
)
def test_longer_targets_end_with_the_pupils_own_stage(year: int | None, stage: str) -> None:
    assert key_stage(year) == stage
    if year is None:  # choose_facts draws the year when none is given
        return
    facts = choose_facts(21, year_group=year)
    for strand in facts.all_strands:
        found = re.search(r"end of (Key Stage \d|Year 13|the college year)", strand.outcome)
        assert found is None or found.group(1) == stage


def test_good_plans_from_year_9_prepare_for_adulthood() -> None:
    """Whatever areas of need a good plan draws, from Year 9 it has an adulthood outcome."""
    older = [
        plan
        for plan in (generate_plan(seed, "headed", "docx") for seed in range(500, 560))
        if (plan.truth.year_group or 0) >= 9
    ]
    assert len(older) >= 10
    for plan in older:
        analysis = analyse_plan(read_plan(plan.data, plan.filename), today=plan.truth.issue_date)
        assert analysis.to_dict()["preparing_for_adulthood"]["flags"] == [], plan.filename
