"""Drawing a term's advice sample: seeded and reproducible, per source of advice, with the
auditor chosen for each source, the method stored, and one sample a term."""

from __future__ import annotations

from datetime import date

import pytest

from qa_audit.advice_quality.draw import AdviceCandidate, draw_per_source
from qa_audit.advice_quality.sampling import (
    AdviceSampleRequest,
    advice_population,
    draw_advice_sample,
)
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.sampling.draw import DrawSpec
from tests.advice_quality.conftest import add_advice, draw
from tests.factories import csrf_token_from, login

EP = "Educational Psychologist"
SLT = "Speech and Language Therapist"
CANDIDATES = [AdviceCandidate(n, EP) for n in range(1, 11)] + [
    AdviceCandidate(n, SLT) for n in range(11, 14)
]


def test_the_same_seed_draws_the_same_advice_from_each_source() -> None:
    first = draw_per_source(CANDIDATES, DrawSpec(seed=42, count=2))
    again = draw_per_source(list(reversed(CANDIDATES)), DrawSpec(seed=42, count=2))
    assert first == again
    assert set(first) == {EP, SLT}
    assert len(first[EP]) == 2 and set(first[EP]) <= set(range(1, 11))
    assert len(first[SLT]) == 2 and set(first[SLT]) <= {11, 12, 13}
    seeds = {tuple(draw_per_source(CANDIDATES, DrawSpec(seed=s, count=2))[EP]) for s in range(20)}
    assert len(seeds) > 1  # the seed matters


def test_a_share_of_each_source_is_rounded_up_and_a_small_source_is_taken_whole() -> None:
    by_share = draw_per_source(CANDIDATES, DrawSpec(seed=1, percent=25))
    assert {source: len(ids) for source, ids in by_share.items()} == {EP: 3, SLT: 1}
    by_count = draw_per_source(CANDIDATES, DrawSpec(seed=1, count=5))
    assert by_count[SLT] == [11, 12, 13]
    assert len(by_count[EP]) == 5


def _advice_in_autumn(make):
    plan = make.plan()
    for day in range(1, 5):
        add_advice(plan.id, EP, received_on=date(2025, 10, day))
    add_advice(plan.id, SLT, received_on=date(2025, 11, 3))
    add_advice(plan.id, SLT, received_on=date(2025, 9, 1), recommendations=[])  # purged
    add_advice(plan.id, SLT, received_on=date(2026, 1, 5))  # spring term
    return plan


def test_the_sample_is_stored_with_its_seed_method_and_auditors(app, make) -> None:
    _advice_in_autumn(make)
    health, education = make.user("auditor", agency="health"), make.user("auditor")
    sample = draw({EP: education, SLT: health}, count=2, seed=99)
    assert sample.seed == 99 and sample.term_id == "autumn-2025"
    assert sample.method["sources"] == {
        EP: {"population": 4, "drawn": 2, "auditor_id": education.id},
        SLT: {"population": 1, "drawn": 1, "auditor_id": health.id},
    }
    assert sample.method["purged_left_out"] == 1
    assert "Seed 99" in sample.description and "1 left out" in sample.description
    by_auditor = {(a.advice.source, a.auditor_id, a.status) for a in sample.audits}
    assert by_auditor == {(EP, education.id, "assigned"), (SLT, health.id, "assigned")}
    assert len(sample.audits) == 3
    expected = draw_per_source(advice_population("autumn-2025").candidates, DrawSpec(99, 2))
    drawn_ids = sorted(i for ids in expected.values() for i in ids)
    assert sorted(a.advice_id for a in sample.audits) == drawn_ids


def test_a_second_sample_and_a_missing_auditor_are_refused(app, make) -> None:
    _advice_in_autumn(make)
    auditor, sen_manager = make.user("auditor"), make.user("sen_manager")
    with pytest.raises(
        QaAuditError,
        match="Choose an active auditor or QA lead for the Speech and Language Therapist advice",
    ):
        draw({EP: auditor, SLT: sen_manager})
    db.session.rollback()
    draw({EP: auditor, SLT: auditor})
    with pytest.raises(QaAuditError, match="already has an advice sample"):
        draw({EP: auditor, SLT: auditor})


def test_a_term_with_no_advice_says_so(app, make) -> None:
    with pytest.raises(QaAuditError, match="No advice received in Summer 2025 can be audited"):
        draw_advice_sample(AdviceSampleRequest("summer-2025", count=1), {}, None)


def test_a_qa_lead_draws_the_sample_on_the_term_page(app, client, make) -> None:
    _advice_in_autumn(make)
    lead, health = make.user("qa_lead"), make.user("auditor", agency="health", name="Hana")
    login(client, lead)
    page = client.get("/advice-quality/terms/autumn-2025").get_data(as_text=True)
    assert "Auditor for Educational Psychologist advice" in page
    assert "Hana (Health auditor)" in page
    token = csrf_token_from(client, "/advice-quality/terms/autumn-2025")
    missing = client.post(
        "/advice-quality/terms/autumn-2025",
        data={"csrf_token": token, "size_by": "count", "size": "1", "auditor__0": str(health.id)},
    )
    assert missing.status_code == 200
    assert "Choose an auditor for the Speech and Language Therapist advice" in missing.get_data(
        as_text=True
    )
    drawn = client.post(
        "/advice-quality/terms/autumn-2025",
        data={
            "csrf_token": token,
            "size_by": "count",
            "size": "1",
            "seed": "5",
            "auditor__0": str(lead.id),
            "auditor__1": str(health.id),
        },
        follow_redirects=True,
    )
    text = drawn.get_data(as_text=True)
    assert "Advice sample drawn: 2 pieces of advice." in text
    assert "Seed 5." in text and "Hana" in text
