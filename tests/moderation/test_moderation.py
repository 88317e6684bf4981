from datetime import date

import pytest

from qa_audit.audits.double_marking import can_see_other_marking
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.matrix.overall_rule import OverallNotAllowed
from qa_audit.moderation.figures import pair_agreement_tables
from qa_audit.moderation.operations import (
    audit_result,
    final_result,
    record_moderation,
    settled_audits,
)
from qa_audit.moderation.pairs import pair_for, term_pairs
from qa_audit.sampling.assignment import assign_sample
from qa_audit.sampling.operations import SampleRequest, create_sample
from tests.moderation.helpers import default_matrix, submit
from tests.sampling.helpers import autumn_plans


@pytest.fixture
def cycle(make):
    """Four autumn plans, all double-marked by two auditors."""
    autumn_plans(make, 4)
    first = make.user("auditor", agency="education")
    second = make.user("auditor", agency="health")
    lead = make.user("qa_lead")
    sample = create_sample(SampleRequest("autumn-2025", percent=100, seed=8), lead)
    assign_sample(sample, [first, second], date(2025, 12, 1), double_mark_share=1.0)
    db.session.commit()
    pairs = [pair_for(m) for m in sorted(sample.members, key=lambda m: m.plan_id)]
    return {"sample": sample, "pairs": pairs, "lead": lead, "auditors": (first, second)}


def test_final_result_waits_for_both_then_uses_agreed_grades(cycle):
    pair = cycle["pairs"][0]
    submit(pair.first, "good")
    assert final_result(pair.member) is None
    submit(pair.second, "good")
    result = final_result(pair.member)
    assert result.source == "agreed" and result.overall == "good"
    assert result.evaluation.meets_threshold is True


def test_disagreement_waits_for_moderation_and_then_uses_the_moderated_grades(cycle):
    pair = cycle["pairs"][0]
    submit(pair.first, "good")
    submit(pair.second, "good", overall="requires-improvement", smart_outcomes="inadequate")
    pair = pair_for(pair.member)
    assert sorted(pair.differences()) == ["overall", "smart-outcomes"]
    assert pair.awaiting_moderation and final_result(pair.member) is None
    grades = {c.id: "good" for c in default_matrix().criteria}
    grades.update({"smart-outcomes": "requires-improvement", "overall": "requires-improvement"})
    record_moderation(pair, cycle["lead"], grades, "Outcomes lack measures; see E2 and E4.")
    db.session.commit()
    result = final_result(pair.member)
    assert result.source == "moderated" and result.audit_ids == (pair.first.id, pair.second.id)
    assert result.grades["smart-outcomes"] == "requires-improvement"
    assert (result.evaluation.grade, result.evaluation.meets_threshold) == (
        "requires-improvement",
        False,
    )


def test_moderation_needs_a_reason_every_grade_and_both_audits(cycle):
    pair = cycle["pairs"][0]
    grades = {c.id: "good" for c in default_matrix().criteria} | {"overall": "good"}
    with pytest.raises(QaAuditError, match="Both audits"):
        record_moderation(pair, cycle["lead"], grades, "reason")
    submit(pair.first, "good")
    submit(pair.second, "outstanding")
    pair = pair_for(pair.member)
    with pytest.raises(QaAuditError, match="reason"):
        record_moderation(pair, cycle["lead"], grades, " ")
    with pytest.raises(QaAuditError, match="every criterion"):
        record_moderation(pair, cycle["lead"], {"overall": "good"}, "reason")
    inadequate = {c.id: "inadequate" for c in default_matrix().criteria}
    with pytest.raises(OverallNotAllowed, match="no better than Inadequate"):
        record_moderation(pair, cycle["lead"], inadequate | {"overall": "outstanding"}, "reason")
    assert pair_for(pair.member).moderation is None


def test_single_audit_is_the_final_result(make):
    autumn_plans(make, 1)
    auditor = make.user("auditor")
    sample = create_sample(SampleRequest("autumn-2025", count=1, seed=1), None)
    (audit,) = assign_sample(sample, [auditor], None)
    assert final_result(sample.members[0]) is None
    submit(audit, "inadequate")
    result = final_result(sample.members[0])
    assert (result.source, result.audit_ids, result.evaluation.meets_threshold) == (
        "single",
        (audit.id,),
        False,
    )


def test_settled_audits_are_those_with_a_result_all_in_one_go(cycle, make):
    _unsubmitted, half, disagreed, agreed = cycle["pairs"]
    submit(half.first, "good")
    submit(disagreed.first, "good")
    submit(disagreed.second, "good", overall="requires-improvement")
    submit(agreed.first, "good")
    submit(agreed.second, "good")
    ad_hoc_done = make.audit(make.plan(), cycle["auditors"][0])
    submit(ad_hoc_done, "good")
    ad_hoc_draft = make.audit(make.plan(), cycle["auditors"][0], status="draft")
    audits = [a for p in cycle["pairs"] for a in (p.first, p.second)]
    audits += [ad_hoc_done, ad_hoc_draft]

    def with_result() -> set[int]:
        return {audit.id for audit in audits if audit_result(audit) is not None}

    assert settled_audits(audits) == with_result()
    assert settled_audits(audits) == {agreed.first.id, agreed.second.id, ad_hoc_done.id}
    grades = {c.id: "good" for c in default_matrix().criteria} | {"overall": "good"}
    record_moderation(pair_for(disagreed.member), cycle["lead"], grades, "Outcomes are SMART.")
    db.session.commit()
    assert settled_audits(audits) == with_result()
    assert {disagreed.first.id, disagreed.second.id} <= settled_audits(audits)


def test_second_marking_stays_hidden_until_both_are_submitted(cycle, make):
    pair = cycle["pairs"][0]
    first, second = cycle["auditors"]
    by_id = {first.id: first, second.id: second}
    other = make.user("auditor")
    submit(pair.first, "good")
    for user in (*by_id.values(), cycle["lead"]):
        assert not can_see_other_marking(pair.first, user)
        assert not can_see_other_marking(pair.second, user)
    submit(pair.second, "outstanding")
    for user in (*by_id.values(), cycle["lead"]):
        assert can_see_other_marking(pair.second, user)
    assert not can_see_other_marking(pair.first, other)


def test_not_double_marked_has_nothing_to_see(make):
    autumn_plans(make, 1)
    auditor = make.user("auditor")
    sample = create_sample(SampleRequest("autumn-2025", count=1, seed=1), None)
    (audit,) = assign_sample(sample, [auditor], None)
    submit(audit)
    assert not can_see_other_marking(audit, auditor)


def test_term_agreement_table(cycle):
    # Plan 1 agree (good/good); plan 2: SMART outcomes good vs requires improvement, overall
    # agrees; plans 3 and 4 not yet submitted by both (left out).
    one, two, three, _ = cycle["pairs"]
    submit(one.first, "good")
    submit(one.second, "good")
    submit(two.first, "good")
    submit(two.second, "good", smart_outcomes="requires-improvement")
    submit(three.first, "good")
    (table,) = pair_agreement_tables(term_pairs("autumn-2025"))
    rows = {row.key: row.agreement for row in table.rows}
    assert rows["smart-outcomes"].pairs == 2 and rows["smart-outcomes"].percent == 50
    # SMART outcomes: pairs (G,G), (G,RI). Observed 1/2 step. First: G 2/2; second: G 1/2,
    # RI 1/2 -> chance 1 * 1/2 * 1 = 1/2. Kappa = 1 - (1/2)/(1/2) = 0.
    assert rows["smart-outcomes"].kappa == pytest.approx(0.0)
    assert rows["golden-thread"].percent == 100 and rows["golden-thread"].kappa is None
    assert rows["overall"].pairs == 2 and rows["threshold"].percent == 100
