"""Recovery of sections, outcomes and their links over generated plans in every layout."""

from __future__ import annotations

import pytest

from qa_audit.synthetic import LAYOUTS
from tests.documents.corpus_accuracy import FORMATS, Accuracy, corpus, measure


@pytest.fixture(scope="module")
def accuracy() -> Accuracy:
    plans = corpus(per_layout_and_format=3)
    assert len(plans) >= 40
    assert {p.layout for p in plans} == set(LAYOUTS)
    assert {p.fmt for p in plans} == set(FORMATS)
    return measure(plans)


def test_every_section_is_found(accuracy: Accuracy) -> None:
    assert accuracy.sections == 100.0, accuracy.misses


def test_every_plan_has_the_right_number_of_outcomes(accuracy: Accuracy) -> None:
    assert accuracy.plans_with_right_count == accuracy.plans, accuracy.misses
    assert accuracy.outcomes == 100.0, accuracy.misses


def test_outcomes_are_linked_to_the_right_need(accuracy: Accuracy) -> None:
    assert accuracy.needs >= 95.0, accuracy.misses


def test_outcomes_are_linked_to_the_right_provision(accuracy: Accuracy) -> None:
    assert accuracy.provision >= 95.0, accuracy.misses


def test_accuracy_counts_a_wrong_link_as_wrong() -> None:
    """The measure itself can fail: a plan parsed with links removed scores zero links."""
    from qa_audit.documents import read_plan
    from qa_audit.synthetic import generate_plan

    plan = generate_plan(3, "headed", "docx")
    parsed = read_plan(plan.data, plan.filename)
    for outcome in parsed.outcomes:
        outcome.need = None
    wrong = Accuracy()
    wrong.add(plan, parsed)
    assert wrong.need_links == 0 and wrong.needs == 0.0


def test_generator_is_deterministic_and_varied() -> None:
    from qa_audit.synthetic import generate_plan

    first = generate_plan(77, "area_tables", "pdf")
    again = generate_plan(77, "area_tables", "pdf")
    other = generate_plan(78, "area_tables", "pdf")
    assert first.truth == again.truth and first.filename == again.filename
    for fmt in ("docx", "pdf"):
        assert generate_plan(77, "headed", fmt).data == generate_plan(77, "headed", fmt).data
    assert first.truth.outcomes != other.truth.outcomes
