"""Weak generated plans: the faults planted in them are read and flagged where they were planted,
and nothing else is newly flagged. The larger run is ``python -m tests.nlp.weak_plans``."""

from __future__ import annotations

import pytest

from qa_audit.matrix.codes import FLAG_CODES, READABILITY_FLAG_CODES
from qa_audit.synthetic import LAYOUTS, PlantedFault, generate_plan
from tests.documents.corpus_accuracy import FORMATS
from tests.documents.corpus_accuracy import measure as parse_accuracy
from tests.nlp.weak_plans import (
    Recall,
    analysed,
    found,
    item_flags,
    measure,
    new_flags,
    weak_corpus,
)

PAIRS = len(LAYOUTS) + 1  # every layout, both formats


@pytest.fixture(scope="module")
def pairs():
    return weak_corpus(PAIRS)


@pytest.fixture(scope="module")
def recall(pairs) -> Recall:
    return measure(pairs)


def test_the_sample_covers_every_layout_format_and_fault(pairs) -> None:
    assert {weak.layout for weak, _ in pairs} == set(LAYOUTS)
    assert {weak.fmt for weak, _ in pairs} == set(FORMATS)
    planted = {fault.code for weak, _ in pairs for fault in weak.truth.faults}
    # Plain English is checked on written text of its own (tests/nlp/test_readability.py).
    assert planted == set(FLAG_CODES) - set(READABILITY_FLAG_CODES)


def test_weak_plans_are_read_like_good_ones(pairs) -> None:
    accuracy = parse_accuracy([weak for weak, _ in pairs])
    assert accuracy.sections == 100.0, accuracy.misses
    assert accuracy.plans_with_right_count == accuracy.plans, accuracy.misses


def test_planted_faults_are_flagged_where_planted(recall: Recall) -> None:
    assert recall.overall >= 0.85, recall.misses
    for code in recall.planted:
        assert recall.flagged[code] > 0, (code, recall.misses)
    fixed = ("vague", "no_linked_need", "golden_thread", "not_time_bound")
    for code in ("outdated", "provision_not_outcome", "provision_not_quantified", *fixed):
        assert recall.recall(code) == 1.0, (code, recall.misses)
    for code in ("conversion_template", "no_pfa_outcomes"):
        assert recall.recall(code) == 1.0, (code, recall.misses)


def test_nothing_else_is_newly_flagged(recall: Recall) -> None:
    assert recall.new == []


def test_the_measures_can_fail(pairs) -> None:
    weak, good, fault = next(
        (weak, good, fault)
        for weak, good in pairs
        for fault in weak.truth.faults
        if fault.code == "provision_not_quantified"
    )
    result, twin = analysed(weak), analysed(good)
    assert not found(PlantedFault("vague", "This outcome is not in the plan."), result)
    assert found(fault, result)
    for item in result["provision"]:
        item["flags"] = []
    assert not found(fault, result)
    item = next(i for i in twin["advice"] if not i["flags"])
    item["flags"] = [{"code": "advice_not_reflected", "message": "", "evidence": ""}]
    expected = f"advice_not_reflected: {item['source'].lower()}"
    assert new_flags(good, twin, analysed(good)) == [expected]


def test_good_plans_are_unchanged_and_have_no_faults() -> None:
    for layout in LAYOUTS:
        default = generate_plan(31, layout, "pdf")
        good = generate_plan(31, layout, "pdf", quality="good")
        assert good.data == default.data and good.filename == default.filename
        assert good.truth == default.truth and good.truth.faults == []


def test_a_weak_plan_is_the_same_child_with_faults() -> None:
    good = generate_plan(44, "headed", "docx")
    weak = generate_plan(44, "headed", "docx", quality="weak")
    again = generate_plan(44, "headed", "docx", quality="weak")
    assert weak.data == again.data and weak.truth == again.truth
    assert weak.filename == "plan-0044-headed-weak.docx"
    assert weak.truth.faults and {f.code for f in weak.truth.faults} <= set(FLAG_CODES)
    same = ("issue_date", "review_date", "year_group", "sections")
    assert all(getattr(weak.truth, key) == getattr(good.truth, key) for key in same)
    assert weak.data != good.data


def test_unknown_quality_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown quality"):
        generate_plan(1, "headed", quality="poor")  # type: ignore[arg-type]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_plan_with_one_slip_is_flagged_for_that_slip_alone(layout) -> None:
    """Sound plans with one slip give auditors hints they can confirm on plans that meet the
    threshold; the slip must be flagged where it is, and nothing else in the plan."""
    plan = generate_plan(700 + LAYOUTS.index(layout), layout, "docx", quality="slip")
    [slip] = plan.truth.faults
    result = analysed(plan)
    assert found(slip, result), (slip, layout)
    raised = {code for _, _, codes in item_flags(result) for code in codes}
    assert raised == {slip.code}, layout
