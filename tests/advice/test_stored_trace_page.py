"""The advice page shows the trace stored for the plan's newest version and never traces; while
none counts it says the advice is being traced and asks for it again; ``analyse-pending``
traces the plans whose trace job was lost."""

from __future__ import annotations

from datetime import date

from markupsafe import escape
from sqlalchemy import select

from qa_audit.advice.findings import counted_finding, documents_needing_trace
from qa_audit.advice.importing import import_advice
from qa_audit.extensions import db
from qa_audit.models import AdviceTrace, PlanAdvice
from tests.advice.test_advice_pages import CASE, _add, _plan_with_advice_page

BEING_TRACED = "The advice is being traced into version 1 of the plan."


def _recommendation(text: str, **found) -> dict:
    return {
        "text": text,
        "reflected": found.get("where") is not None,
        "watered_down": bool(found.get("lost")),
        "where": found.get("where"),
        "score": 0.5,
        "lost": found.get("lost", []),
        "nearest": found.get("nearest"),
        # a trace stored before "who" was its own finding has no such key
        **({"who_left_out": found["who_left_out"]} if "who_left_out" in found else {}),
    }


def _distinctive(advice: list[PlanAdvice]) -> dict:
    """Findings no trace of this case could produce, one entry per advice document."""
    first, *rest = advice
    documents = [
        {
            "advice_id": first.id,
            "source": first.source,
            "file": f"advice-{first.id}",
            "recommendations": [
                _recommendation(
                    "Quokka-led swimming twice a fortnight.",
                    where={"section": "F", "text": "Swimming with a quokka, now and then."},
                    lost=["twice a fortnight"],
                ),
                _recommendation(
                    "A periwinkle reading lamp at the desk.",
                    where={"section": "G", "text": "A periwinkle reading lamp at the desk."},
                    who_left_out=["the lamplighter"],
                ),
                _recommendation(
                    "Teach the kazoo in a group of 3.",
                    nearest={"section": "H1", "text": "Music lessons with the class."},
                ),
            ],
        }
    ]
    documents += [
        {
            "advice_id": item.id,
            "source": item.source,
            "file": f"advice-{item.id}",
            "recommendations": [_recommendation("Sing the zebra song each morning.")],
        }
        for item in rest
    ]
    return {
        "plan": "x",
        "advice": documents,
        "unsupported": [{"section": "F", "text": "Juggling lessons nobody asked for."}],
    }


def test_the_page_shows_the_stored_trace_and_never_traces(client, make, monkeypatch):
    plan = _plan_with_advice_page(client, make)
    for item in CASE.advice[:2]:
        assert _add(client, plan, item.data, item.filename).status_code == 303
    row = db.session.scalar(select(AdviceTrace))
    assert row.findings == counted_finding(plan.latest_document.id)  # the job stored it
    advice = db.session.scalars(select(PlanAdvice).order_by(PlanAdvice.id)).all()
    row.findings = _distinctive(advice)
    db.session.commit()

    from qa_audit.nlp import trace

    def no_tracing(*_args, **_kwargs):
        raise AssertionError("the advice page traced")

    monkeypatch.setattr(trace, "trace", no_tracing)
    response = client.get(f"/plans/{plan.id}/advice")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert (
        "Traced into version 1 of the plan: 4 recommendations, <strong>1 reflected</strong>, "
        "<strong>1 watered down</strong>, <strong>2 missing</strong>; 1 carried without the "
        "person the advice names." in page
    )
    # Each document under its own advice row: heading, counts and download link.
    first = advice[0]
    assert f"{first.source}, received {first.received_on:%-d %B %Y}" in page
    assert "1 reflected, 1 watered down, 1 missing; 1 without the person the advice names." in page
    assert "0 reflected, 0 watered down, 1 missing." in page
    for item in advice:
        assert f'href="/advice/{item.id}/download"' in page
    assert "Quokka-led swimming twice a fortnight." in page
    assert "In section F: <q>Swimming with a quokka, now and then.</q>" in page
    assert "The plan does not keep: twice a fortnight." in page
    assert "In section G: <q>A periwinkle reading lamp at the desk.</q>" in page
    assert "Person not named" in page
    assert "The plan does not name the person the advice names: the lamplighter." in page
    assert "Section H1: <q>Music lessons with the class.</q>" in page  # nearest of a missing one
    assert "Sing the zebra song each morning." in page
    assert "Section F: Juggling lessons nobody asked for." in page
    assert str(escape(first.recommendations[0]["text"])) not in page  # what a trace would show
    assert BEING_TRACED not in page


def test_without_a_stored_trace_the_page_says_so_and_asks_for_it(client, make):
    plan = _plan_with_advice_page(client, make)
    item = CASE.advice[0]
    # Stored without the trace job the upload asks for, as when that job is lost.
    result = import_advice(item.data, item.filename, plan=plan, user=None, received_on=date.today())
    assert result.status == "imported"
    db.session.commit()
    document_id = plan.latest_document.id
    assert counted_finding(document_id) is None

    page = client.get(f"/plans/{plan.id}/advice").get_data(as_text=True)
    assert BEING_TRACED in page
    assert "Refresh this page in a minute" in page
    assert 'id="advice-summary"' not in page
    # The page asked for the trace: the job ran once the view's work was committed.
    db.session.expire_all()
    assert counted_finding(document_id) is not None
    page = client.get(f"/plans/{plan.id}/advice").get_data(as_text=True)
    assert BEING_TRACED not in page
    count = len(item.recommendations)
    assert f"Traced into version 1 of the plan: {count} recommendations" in page


def test_analyse_pending_traces_plans_whose_trace_was_lost(client, make, runner):
    plan = _plan_with_advice_page(client, make)
    assert _add(client, plan, CASE.advice[0].data, CASE.advice[0].filename).status_code == 303
    other = make.plan(reference="EHCP-2025-0405", team="North")  # no advice: nothing to trace
    make.document(other, seed=9)
    document_id = plan.latest_document.id
    assert documents_needing_trace() == []
    db.session.execute(AdviceTrace.__table__.delete())  # the trace job was lost
    db.session.commit()
    assert documents_needing_trace() == [document_id]

    result = runner.invoke(args=["analyse-pending"])
    assert result.exit_code == 0, result.output
    assert "Traced the advice into 1 plan versions." in result.output
    db.session.expire_all()
    assert counted_finding(document_id) is not None
    assert documents_needing_trace() == []
