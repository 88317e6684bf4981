"""Advice traced into a plan version becomes the advice criterion's pre-flags: stored once by
the trace job, read (never traced again) by the scoring page and the report's calibration, and
not counted once the plan has a new version or new advice."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from markupsafe import escape
from sqlalchemy import event, func, select

from qa_audit.advice.findings import advice_key, counted_finding, counted_findings, store_trace
from qa_audit.advice.importing import import_advice
from qa_audit.audits.preflags import preflags_by_criterion
from qa_audit.datacare.retention import purge_documents
from qa_audit.extensions import db
from qa_audit.models import AdviceTrace, Plan, PlanAdvice
from qa_audit.reports import build_report
from qa_audit.uploads.importing import import_document
from tests.advice.test_advice_pages import CASE, _add, _plan_with_advice_page, _switch_to
from tests.reports.factories import ReportWorld, all_grades, default_matrix

ADVICE = "advice-reflected"
CODE = "advice_not_reflected"


def _traced_plan(client, make) -> Plan:
    """The case's plan with all its advice uploaded through the web (the trace job runs)."""
    plan = _plan_with_advice_page(client, make)
    for item in CASE.advice:
        assert _add(client, plan, item.data, item.filename).status_code == 303
    return plan


def _trace_hints(plan: Plan):
    document = plan.latest_document
    hints = preflags_by_criterion(default_matrix(), None, counted_finding(document.id))
    return hints[ADVICE]


def test_missing_and_watered_down_advice_are_hints_with_their_evidence(client, make):
    plan = _traced_plan(client, make)
    findings = counted_finding(plan.latest_document.id)
    assert findings is not None  # stored by the trace job the upload asked for
    items = [
        (advice["source"], item)
        for advice in findings["advice"]
        for item in advice["recommendations"]
    ]
    missing = [(s, i) for s, i in items if not i["reflected"]]
    watered = [(s, i) for s, i in items if i["watered_down"]]
    assert missing and watered, "the case drops and waters down some recommendations"
    carried = [(s, i) for s, i in items if i["watered_down"] or i["who_left_out"]]
    hints = _trace_hints(plan)
    assert {h.code for h in hints} == {CODE}
    assert len(hints) == len(missing) + len(carried)
    for source, item in missing:
        assert any(item["text"] in h.message and source in h.message for h in hints)
    for _, item in watered:
        (hint,) = [h for h in hints if item["text"] in h.message]
        assert hint.text == item["where"]["text"]  # the plan's words it points at
        assert all(lost in hint.message for lost in item["lost"])
    for _, item in carried:
        (hint,) = [h for h in hints if item["text"] in h.message]
        assert all(who in hint.message for who in item["who_left_out"])
        assert ("the person the advice names" in hint.message) == bool(item["who_left_out"])
    # Only the advice criterion shows them.
    others = preflags_by_criterion(default_matrix(), None, findings)
    assert all(
        CODE not in {h.code for h in flags} for key, flags in others.items() if key != ADVICE
    )

    auditor = make.user("auditor")
    audit = make.audit(plan, auditor)
    _switch_to(client, auditor)
    page = client.get(f"/audits/{audit.id}").get_data(as_text=True)
    for hint in hints:
        assert str(escape(hint.message)) in page
    assert f'name="confirm__{ADVICE}" type="checkbox" value="{CODE}"' in page


def test_new_advice_or_a_new_version_makes_the_stored_trace_stale(app, client, make):
    plan = _plan_with_advice_page(client, make)
    first = CASE.advice[0]
    assert _add(client, plan, first.data, first.filename).status_code == 303
    document = plan.latest_document
    assert counted_finding(document.id) is not None

    # Advice stored without a trace after it: the stored trace read other advice.
    second = CASE.advice[1]
    result = import_advice(
        second.data, second.filename, plan=plan, user=None, received_on=date(2025, 10, 3)
    )
    assert result.status == "imported"
    db.session.commit()
    assert counted_finding(document.id) is None
    assert _trace_hints(plan) == []
    store_trace(document.id)
    db.session.commit()
    assert len(counted_finding(document.id)["advice"]) == 2

    # A new version of the plan has no trace until its analysis job runs.
    newer = import_document(CASE.plan_data + b" ", "plan-v2.docx", user=None, plan=plan)
    db.session.commit()
    assert newer.status == "imported", newer.message
    assert counted_finding(newer.document.id) is None
    assert counted_finding(document.id) is not None  # the older version keeps its own

    # Retention takes the stored traces with the files they quote.
    purge_documents(datetime.now(UTC) + timedelta(days=1))
    assert db.session.scalar(select(func.count()).select_from(AdviceTrace)) == 0


def _finding(source: str, reflected: bool, watered: bool = False) -> dict:
    item = {
        "text": "Speech and language therapy for 30 minutes weekly.",
        "reflected": reflected,
        "watered_down": watered,
        "where": {"section": "F", "text": "Regular speech and language therapy."}
        if reflected
        else None,
        "score": 0.5,
        "lost": ["weekly", "30 minutes"] if watered else [],
    }
    return {
        "plan": "x",
        "advice": [{"source": source, "recommendations": [item]}],
        "unsupported": [],
    }


def _advice(plan: Plan, number: int = 0) -> PlanAdvice:
    advice = PlanAdvice(
        plan_id=plan.id,
        source="Speech and Language Therapist",
        received_on=date(2025, 9, 1),
        sha256=f"{plan.id:032d}{number:032d}",
        size=10,
        original_name="advice.docx",
        file_type="docx",
        stored_path=f"ab/{plan.id}.docx",
        recommendations=[{"text": "t", "heading": "Recommendations"}],
    )
    db.session.add(advice)
    db.session.flush()
    return advice


def _stored(plan: Plan, document_id: int, findings: dict) -> None:
    advice = _advice(plan)
    db.session.add(
        AdviceTrace(
            document_id=document_id,
            advice_key=advice_key([(advice.id, advice.sha256)]),
            analyser_version="1.8.0",
            findings=findings,
        )
    )
    db.session.commit()


def test_a_carried_recommendation_naming_no_one_is_a_hint_that_says_so(app):
    findings = _finding("Speech and Language Therapist", True)
    item = findings["advice"][0]["recommendations"][0]
    item["who_left_out"] = ["a speech and language therapist"]
    (hint,) = preflags_by_criterion(default_matrix(), None, findings)[ADVICE]
    assert (
        "section F does not name the person the advice names (a speech and language "
        "therapist)." in hint.message
    )
    assert hint.text == item["where"]["text"]
    del item["who_left_out"]  # as in a trace stored before this finding was told apart
    assert preflags_by_criterion(default_matrix(), None, findings)[ADVICE] == []


def test_calibration_counts_the_trace_hints_by_verdict(app, make):
    world = ReportWorld(make.user("auditor"))
    version = world.version()
    sample = world.sample("autumn-2025")
    matrix = default_matrix()
    weak, good, stale = world.plan(), world.plan(), world.plan()
    for plan, findings in (
        (weak, _finding("Speech and Language Therapist", True, watered=True)),
        (good, _finding("Speech and Language Therapist", True)),
        (stale, _finding("CAMHS", False)),
    ):
        _stored(plan, world.analysis(plan, {}).id, findings)
    # New advice for one plan after its trace: that trace no longer counts.
    _advice(stale, 1)
    db.session.commit()
    below = all_grades(matrix, "good", advice_reflected="requires-improvement")
    world.audit(weak, sample, version, below, "requires-improvement", confirmed={ADVICE: [CODE]})
    world.audit(good, sample, version, all_grades(matrix, "good"), "good")
    world.audit(stale, sample, version, below, "requires-improvement", confirmed={ADVICE: [CODE]})

    found = build_report("autumn-2025").calibration
    shares = dict(found.by_flag)
    assert (shares[CODE].met, shares[CODE].n) == (1, 1)  # the weak plan only
    assert (found.on(CODE, False).met, found.on(CODE, False).n) == (1, 1)
    assert found.on(CODE, True).n == 0  # never shown on the good plan
    assert found.audits == {True: 1, False: 1}  # the stale plan has nothing to read


def test_stored_traces_are_read_in_three_queries_for_any_number_of_plans(app, make):
    world = ReportWorld(make.user("auditor"))
    documents = []
    for _ in range(20):
        plan = world.plan()
        document = world.analysis(plan, {})
        _stored(plan, document.id, _finding("CAMHS", False))
        documents.append(document.id)
    db.session.expire_all()
    statements = []

    def count(*_args):
        statements.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        found = counted_findings(documents)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(statements) == 3
    assert set(found) == set(documents)


def _report_statements(world: ReportWorld, plans: int) -> int:
    """Statements the report runs with ``plans`` more traced and audited plans."""
    version = world.version()
    sample = world.sample("autumn-2025")
    matrix = default_matrix()
    for _ in range(plans):
        plan = world.plan()
        _stored(plan, world.analysis(plan, {}).id, _finding("CAMHS", False))
        grades = all_grades(matrix, "good", advice_reflected="requires-improvement")
        world.audit(plan, sample, version, grades, "requires-improvement")
    db.session.expire_all()
    statements = []

    def count(*_args):
        statements.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        build_report("autumn-2025")
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(statements)


def test_the_report_reads_traces_without_a_query_per_plan(app, make):
    world = ReportWorld(make.user("auditor"))
    few = _report_statements(world, 2)
    assert _report_statements(world, 6) == few


def test_a_missing_recommendation_points_at_the_nearest_plan_statement():
    def traced(nearest):
        item = {"text": "Sit where glare is least.", "reflected": False, "nearest": nearest}
        return {"advice": [{"source": "Occupational therapist", "recommendations": [item]}]}

    seat = {"section": "F", "text": "The class teacher will seat her near the front."}
    (hint,) = preflags_by_criterion(default_matrix(), None, traced(seat))[ADVICE]
    assert hint.text == seat["text"]
    assert "Occupational therapist advice asks for 'Sit where glare is least.'" in hint.message
    assert "nearest plan statement (section F, quoted) is too different" in hint.message
    (alone,) = preflags_by_criterion(default_matrix(), None, traced(None))[ADVICE]
    assert alone.text == "" and alone.message.endswith("the plan does not carry it.")
