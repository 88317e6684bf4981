"""Scoring a piece of advice: the recommendations beside the form, hints from the existing
checks, drafts, submission (a half-filled form keeps what was typed and says what is missing),
refusal of a save from a stale copy, and who may see or change it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import AccessLog, AdviceAudit, Audit
from tests.advice_quality.conftest import (
    QUANTIFIED,
    VAGUE,
    add_advice,
    advice_matrix,
    complete_answers,
    draw,
    post_form,
)
from tests.factories import login


def the_audit(sample) -> AdviceAudit:
    [audit] = sample.audits
    return audit


def test_the_page_shows_the_recommendations_with_hints(app, client, sampled) -> None:
    audit = the_audit(sampled)
    login(client, audit.auditor)
    page = client.get(f"/advice-quality/{audit.id}").get_data(as_text=True)
    assert QUANTIFIED in page and VAGUE in page
    assert "35 days (deadline 42)" in page  # 15 September to 20 October
    quantified = page.split('id="hints-quantified"')[1].split("</div>")[0]
    assert "Recommendation not quantified" in quantified and VAGUE in quantified
    assert QUANTIFIED not in quantified
    on_time = page.split('id="hints-on-time"')[1].split("</div>")[0]
    assert "Received 35 days after the request (the deadline is 42)." in on_time
    assert "after the 6-week deadline" not in on_time
    assert "Summary for the service that gave the advice" in page


def test_late_advice_gets_a_lateness_hint(app, client, make) -> None:
    auditor = make.user("auditor")
    plan = make.plan()
    add_advice(plan.id, "CAMHS", received_on=date(2025, 11, 20), requested_on=date(2025, 9, 1))
    audit = the_audit(draw({"CAMHS": auditor}))
    login(client, auditor)
    page = client.get(f"/advice-quality/{audit.id}").get_data(as_text=True)
    on_time = page.split('id="hints-on-time"')[1].split("</div>")[0]
    assert "Received 80 days after the request" in on_time
    assert "Received 38 days after the 6-week deadline." in on_time
    assert 'value="advice_late"' in page  # the auditor may confirm it


def test_a_draft_keeps_a_half_filled_form(app, client, sampled) -> None:
    audit = the_audit(sampled)
    login(client, audit.auditor)
    answers = {"grade__specific": "met", "evidence__quantified": "No hours for the therapy."}
    response = post_form(client, audit, answers, "draft")
    assert response.status_code == 302
    db.session.refresh(audit)
    assert audit.status == "draft" and audit.matrix_version_id is not None
    assert {s.criterion_id: (s.grade, s.evidence) for s in audit.scores} == {
        "specific": ("met", None),
        "quantified": (None, "No hours for the therapy."),
    }
    page = client.get(f"/advice-quality/{audit.id}").get_data(as_text=True)
    assert "No hours for the therapy." in page


def test_submitting_a_half_filled_form_says_what_is_missing_and_loses_nothing(
    app, client, sampled
) -> None:
    audit = the_audit(sampled)
    login(client, audit.auditor)
    post_form(client, audit, {"grade__specific": "met"}, "draft")
    answers = {"grade__specific": "met", "grade__quantified": "partly-met"}
    response = post_form(client, audit, answers, "submit")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Select a grade for Outcome-focused" in page
    assert "Enter evidence for Provision quantified: it is graded Partly met, below Met" in page
    assert "Enter a summary for the service that gave the advice" in page
    assert 'value="partly-met" checked' in page  # what was typed is shown again
    db.session.refresh(audit)
    assert audit.status == "draft"
    assert {s.criterion_id: s.grade for s in audit.scores} == {"specific": "met"}


def test_a_complete_submission_is_judged_against_the_advice_matrix(app, client, sampled) -> None:
    audit = the_audit(sampled)
    login(client, audit.auditor)
    answers = complete_answers(advice_matrix())
    answers.update({"grade__on-time": "n/a", "confirm__quantified": "provision_not_quantified"})
    response = post_form(client, audit, answers, "submit")
    assert response.status_code == 302
    db.session.refresh(audit)
    assert audit.status == "submitted" and audit.submitted_at is not None
    assert (audit.overall_grade, audit.meets_threshold) == ("met", True)
    assert audit.measures == {"quality_threshold": True, "on_time": None}
    quantified = next(s for s in audit.scores if s.criterion_id == "quantified")
    assert quantified.confirmed_flags == ["provision_not_quantified"]
    assert db.session.scalar(select(Audit.id)) is None  # no plan audit was made
    again = post_form(client, audit, answers, "draft", revision=audit.revision)
    assert again.status_code == 302
    page = client.get(again.headers["Location"]).get_data(as_text=True)
    assert "This audit has been submitted, so it cannot be changed." in page
    assert "A QA lead can reopen it." in page
    assert "Reopen as a draft" not in page  # the auditor cannot reopen it


def test_a_key_criterion_below_met_misses_the_threshold(app, client, sampled) -> None:
    audit = the_audit(sampled)
    login(client, audit.auditor)
    answers = complete_answers(advice_matrix())
    answers.update({"grade__clear-for-family": "not-met", "evidence__clear-for-family": "Jargon."})
    post_form(client, audit, answers, "submit")
    db.session.refresh(audit)
    assert (audit.overall_grade, audit.meets_threshold) == ("not-met", False)
    assert audit.measures == {"quality_threshold": False, "on_time": True}


def test_a_save_from_a_stale_copy_is_refused_plainly(app, client, sampled) -> None:
    audit = the_audit(sampled)
    login(client, audit.auditor)
    first = audit.revision
    post_form(client, audit, {"grade__specific": "met"}, "draft", revision=first)
    stale = post_form(client, audit, {"grade__specific": "not-met"}, "draft", revision=first)
    assert stale.status_code == 409
    page = stale.get_data(as_text=True)
    assert "Your changes were not saved" in page
    assert "This audit was changed in another window at" in page
    assert 'value="not-met" checked' in page  # their version is shown to copy from
    db.session.refresh(audit)
    assert [s.grade for s in audit.scores] == ["met"]


def test_only_the_assigned_auditor_saves_and_others_cannot_see_it(app, client, make, sampled):
    audit = the_audit(sampled)
    other = make.user("auditor")
    login(client, other)
    assert client.get(f"/advice-quality/{audit.id}").status_code == 404
    assert client.get("/advice-quality/").get_data(as_text=True).count("EHCP-T-ADVICE") == 0
    lead_client = app.test_client()
    login(lead_client, make.user("qa_lead"))
    page = lead_client.get(f"/advice-quality/{audit.id}").get_data(as_text=True)
    assert "only its auditor can change it" in page
    assert post_form(lead_client, audit, {"grade__specific": "met"}, "draft").status_code == 403
    db.session.refresh(audit)
    assert audit.status == "assigned" and audit.scores == []


def test_views_and_saves_are_in_the_access_log_with_the_plan_reference(app, client, sampled):
    audit = the_audit(sampled)
    login(client, audit.auditor)
    client.get("/advice-quality/")
    assert "EHCP-T-ADVICE" in client.get("/advice-quality/").get_data(as_text=True)
    post_form(client, audit, {"grade__specific": "met"}, "draft")
    entries = db.session.execute(
        select(AccessLog.action, AccessLog.object_type, AccessLog.plan_reference).where(
            AccessLog.object_type == "advice_audit"
        )
    ).all()
    assert ("view_advice_audit", "advice_audit", "EHCP-T-ADVICE") in entries
    assert ("save_advice_draft", "advice_audit", "EHCP-T-ADVICE") in entries


def test_the_matrices_page_counts_advice_audits_against_their_version(app, client, make, sampled):
    audit = the_audit(sampled)
    login(client, audit.auditor)
    post_form(client, audit, {"grade__specific": "met"}, "draft")
    admin = app.test_client()
    login(admin, make.user("admin"))
    page = admin.get("/admin/matrices/").get_data(as_text=True)
    rows = page.split("Stored versions")[1].split("</tr>")
    [row] = [r for r in rows if ">advice<" in r]
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">1</td>' in row


def test_the_plain_english_check_hints_beside_clear_for_the_family(app, client, make) -> None:
    auditor = make.user("auditor")
    plan = make.plan()
    long = (
        "It is recommended that consideration is given by all of the professionals who are "
        "involved with the young person to the provision of a consistent and structured "
        "approach across every setting that he attends during the course of the school week."
    )
    add_advice(plan.id, "CAMHS", requested_on=None, recommendations=[long])
    audit = the_audit(draw({"CAMHS": auditor}))
    login(client, auditor)
    page = client.get(f"/advice-quality/{audit.id}").get_data(as_text=True)
    clear = page.split('id="hints-clear-for-family"')[1].split("</div>")[0]
    assert "A long sentence in a part written for the family" in clear
    on_time = page.split('id="hints-on-time"')[1].split("</div>")[0]
    assert "No request date is recorded, so the days taken are not known." in on_time
