from collections import Counter
from datetime import date, timedelta
from statistics import mean

import pytest
from sqlalchemy import func, select

from qa_audit.advice.deadlines import DEADLINE_DAYS, timeliness_by_source
from qa_audit.audits.preflags import latest_analysis_result
from qa_audit.demo.audits import audit_hints
from qa_audit.demo.caseload import load_demo
from qa_audit.extensions import db
from qa_audit.matrix.versions import active_matrix_version
from qa_audit.models import (
    AdviceAudit,
    AdviceRequest,
    AdviceSample,
    AdviceTrace,
    Audit,
    FamilyLink,
    FamilyResponse,
    FollowUpAction,
    Moderation,
    PlanAdvice,
    Sample,
)
from qa_audit.moderation.figures import pair_agreement_tables
from qa_audit.moderation.pairs import term_pairs
from qa_audit.reports.advice_quality import advice_quality
from qa_audit.reports.report import build_report
from qa_audit.terms import term_span

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
TODAY = date(2026, 2, 10)


def count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_demo_has_a_working_cycle(app):
    load_demo(today=TODAY)
    terms = db.session.scalars(select(Sample.term_id).distinct()).all()
    assert set(terms) == {"spring-2025", "summer-2025", "autumn-2025", "spring-2026"}
    assert count(Audit, Audit.status == "submitted") > 20
    assert count(Audit, Audit.status == "assigned") > 0  # the current term is under way
    assert count(Moderation) > 0
    assert count(FollowUpAction, FollowUpAction.status == "open") > 0
    assert count(FollowUpAction, FollowUpAction.status == "closed") > 0
    (table,) = pair_agreement_tables(term_pairs("autumn-2025"))
    assert table.rows[-2].agreement.pairs >= 2
    _grades_follow_the_plans()
    _reports_show_weak_plans_and_calibration()
    _families_answer_a_realistic_share()
    _advice_hints_follow_the_plans()
    _advice_is_audited_in_past_terms()
    reviews = count(Sample, Sample.kind == "review")
    assert reviews > 0  # annual-review samples from the demo extract, in past terms
    assert any(build_report(t, TODAY).reviews for t in ("summer-2025", "autumn-2025"))
    load_demo(today=TODAY)  # loaded once: nothing more is added
    assert count(Sample) == len(terms) + reviews


def _grades_follow_the_plans() -> None:
    """Plans below the threshold are the ones the pre-flags find weak outcomes in, and the
    auditors confirm only hints they were shown, on criteria they graded with evidence."""
    _, matrix = active_matrix_version()
    weak_share = {True: [], False: []}
    shown = confirmed = 0
    query = select(Audit).where(Audit.status == "submitted", Audit.sample_id.is_not(None))
    for audit in db.session.scalars(query):
        result = latest_analysis_result(audit.document_id)
        assert result is not None  # analysed before it was marked
        weak_share[audit.meets_threshold].append(result["summary"]["weak_share"])
        hints = audit_hints(matrix, audit)
        for score in audit.scores:
            codes = set(score.confirmed_flags or ())
            assert codes <= {hint.code for hint in hints[score.criterion_id]}
            if codes:
                assert score.evidence
            confirmed += len(codes)
        shown += sum(len({hint.code for hint in flags}) for flags in hints.values())
    assert mean(weak_share[False]) > 2 * mean(weak_share[True])
    assert confirmed > 0.4 * shown


def _reports_show_weak_plans_and_calibration() -> None:
    below = {}
    on_good_plans = []
    for term in ("spring-2025", "summer-2025", "autumn-2025"):
        report = build_report(term, TODAY)
        below[term] = sum(r.meets_threshold is False for r in report.results) / len(report.results)
        assert any(share.met for _, share in report.calibration.by_flag), term
        assert 0 < below[term] < 1, term
        on_good_plans.append(report.calibration.on_plans_meeting)
    # Sound plans with one slip: auditors confirm what is flagged on plans that meet the threshold.
    met, shown = sum(s.met for s in on_good_plans), sum(s.n for s in on_good_plans)
    assert shown > 0 and met > 0.5 * shown
    assert below["spring-2025"] > below["autumn-2025"]  # quality improves over the year
    # The demo's caseload extract: every measure has cases in some term, some late.
    counted, late = Counter(), Counter()
    for term in ("spring-2025", "summer-2025", "autumn-2025", "spring-2026"):
        found = build_report(term, TODAY).timeliness
        assert found.imported and len(found.quality) == 2, term
        for row in found.rows:
            counted[row.now.name] += row.now.counted
            late[row.now.name] += row.now.counted - row.now.on_time
    assert set(counted) == set(late) and all(late.values()), (counted, late)


def _advice_hints_follow_the_plans() -> None:
    """Every plan with a document has its advice, answering requests (most on time, some late,
    some still awaited and overdue); the advice hint is confirmed on plans below the threshold
    and rarely shown on plans that meet it, as the report's calibration counts it."""
    assert count(PlanAdvice) > 100 and count(AdviceTrace) > 50
    waiting = AdviceRequest.advice_id.is_(None)
    late = AdviceRequest.requested_on < TODAY - timedelta(days=DEADLINE_DAYS)
    assert count(AdviceRequest, waiting, late) > 0 and count(AdviceRequest, waiting, ~late) > 0
    on_time = due = 0
    for term in ("spring-2025", "summer-2025", "autumn-2025"):
        for row in timeliness_by_source(term_span(term), TODAY):
            on_time, due = on_time + row.on_time, due + row.due
    assert 0.6 * due < on_time < due
    code = "advice_not_reflected"
    confirmed_below = shown_below = shown_good = good_plans = 0
    for term in ("spring-2025", "summer-2025", "autumn-2025"):
        found = build_report(term, TODAY).calibration
        below = found.on(code, False)
        confirmed_below, shown_below = confirmed_below + below.met, shown_below + below.n
        shown_good += found.on(code, True).n
        good_plans += found.audits[True]
    assert shown_below >= 5 and confirmed_below >= 0.8 * shown_below, (confirmed_below, shown_below)
    assert good_plans >= 20 and shown_good <= 0.1 * good_plans, (shown_good, good_plans)


def _families_answer_a_realistic_share() -> None:
    """Between a fifth and two fifths of the links sent in each term are answered; some answers
    were recorded by a caseworker; some families disagree with the audit."""
    links = count(FamilyLink)
    assert count(FamilyResponse, FamilyResponse.how == "online") == count(
        FamilyLink, FamilyLink.used_at.is_not(None)
    )
    assert count(FamilyResponse, FamilyResponse.how.in_(("phone", "paper"))) > 0
    disagreements = 0
    for term in ("spring-2025", "summer-2025", "autumn-2025"):
        family = build_report(term, TODAY).family
        rate = family.response_rate
        assert rate.n >= 10 and 0.2 <= rate.value <= 0.4, (term, rate)
        assert family.figures[0].share.n > 0, term
        disagreements += len(family.disagreements)
    assert disagreements > 0
    assert links < 3 * 120


def _advice_is_audited_in_past_terms() -> None:
    """Each past term with advice has an advice sample, scored by the agency's auditor, with
    figures per source; the current term's is left for the QA lead to draw."""
    terms = set(db.session.scalars(select(AdviceSample.term_id)))
    assert "spring-2026" not in terms and {"summer-2025", "autumn-2025"} <= terms
    audits = db.session.scalars(select(AdviceAudit)).all()
    assert audits and all(a.status == "submitted" for a in audits)
    health = {"Speech and Language Therapist", "Occupational therapist", "CAMHS"}
    for audit in audits:
        if audit.advice.source in health:
            assert audit.auditor.agency == "health"
    figures = advice_quality(term_span("autumn-2025"))
    assert figures.audited == figures.sampled > 0 and len(figures.rows) >= 2
    shares = [figures.total.shares[m.id] for m in figures.measures]
    assert all(0 < share.met <= share.n for share in shares), shares
    assert any(share.met < share.n for share in shares), shares  # not everything passes
