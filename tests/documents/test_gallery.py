"""Each layout of the gallery, in both formats: every section, every outcome on its own, and the
need each outcome answers (figures for all layouts: ``python -m tests.documents.corpus_accuracy``).
"""

from __future__ import annotations

import pytest

from qa_audit.documents import read_plan
from qa_audit.synthetic import LAYOUTS, generate_plan
from tests.documents.corpus_accuracy import FORMATS, Accuracy, normal

SEEDS = (11, 12, 13)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_layout_is_read_whole(layout: str, fmt: str) -> None:
    accuracy = Accuracy()
    for seed in SEEDS:
        plan = generate_plan(seed, layout, fmt)
        accuracy.add(plan, read_plan(plan.data, plan.filename))
    assert accuracy.sections >= 98.0, accuracy.misses
    assert accuracy.outcomes >= 97.0, accuracy.misses
    assert accuracy.plans_with_right_count == accuracy.plans, accuracy.misses
    assert accuracy.needs >= 95.0, accuracy.misses


def test_the_gallery_has_at_least_twelve_layouts() -> None:
    assert len(LAYOUTS) >= 12


@pytest.mark.parametrize("fmt", FORMATS)
def test_dfe_cells_listing_several_outcomes_give_one_outcome_each(fmt: str) -> None:
    """A cell holding every outcome of an area (shuffled) comes out one item per outcome,
    each with the need it answers, found by what it says."""
    shuffled = 0
    for seed in range(20, 32):
        plan = generate_plan(seed, "dfe_change", fmt)
        parsed = read_plan(plan.data, plan.filename)
        by_text = {normal(o.text): o for o in parsed.outcomes}
        assert len(by_text) == len(plan.truth.outcomes)
        for truth in plan.truth.outcomes:
            got = by_text[normal(truth.text)]
            assert normal(got.need) == normal(truth.need)
        # A cell listing the outcomes in another order than the needs beside them.
        shuffled += list(by_text) != [normal(t.text) for t in plan.truth.outcomes]
        assert {"D", "G", "H1"} <= set(parsed.sections)
    assert shuffled


def test_numbered_sections_read_attribute_lists_as_one_provision_item() -> None:
    plan = generate_plan(14, "numbered_sections", "docx")
    parsed = read_plan(plan.data, plan.filename)
    education = [p for p in parsed.provision if p.section == "F"]
    assert len(education) == len([o for o in plan.truth.outcomes if o.area is not None]), education
    assert all(p.by_whom and p.frequency for p in education)
    assert not any(p.text.startswith(("Provider", "Frequency", "Duration")) for p in education)
    texts = [normal(o.text) for o in parsed.outcomes]
    assert not any("sam will" in text for text in texts)  # the worked example is not an outcome
