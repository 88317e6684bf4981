"""Scoring an audit through the web: drafts, submit validation, judgement, stale saves."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from qa_audit.audits.operations import submit_audit
from qa_audit.audits.scoring_form import ScoreSheet
from qa_audit.extensions import db
from qa_audit.matrix.overall_rule import OverallNotAllowed
from qa_audit.models import AccessLog, AuditScore, MatrixVersion
from tests.audits.helpers import complete_answers, default_matrix, post_form
from tests.factories import login


def _reload(audit):
    db.session.expire_all()
    return db.session.get(type(audit), audit.id)


def test_scoring_page_shows_plan_text_form_and_preflags(client, world):
    login(client, world.auditor)
    page = client.get(f"/audits/{world.audit.id}").get_data(as_text=True)
    assert 'href="#plan-section-E"' in page and 'id="plan-section-E"' in page
    assert "three-step spoken instruction" in page
    assert "What each grade looks like" in page
    assert "The outcome does not name a concrete skill." in page
    assert "improve his communication" in page
    assert "The provision does not say how much or how often." in page
    actions = db.session.scalars(select(AccessLog.action)).all()
    assert {"view_audit", "view_plan"} <= set(actions)


def test_fields_follow_matrix_order_on_the_page(client, world, matrix_dir):
    login(client, world.auditor)
    page = client.get(f"/audits/{world.audit.id}").get_data(as_text=True)
    positions = [page.index(f'name="grade__{c.id}"') for c in default_matrix(matrix_dir).criteria]
    assert positions == sorted(positions)


def test_page_without_document_or_analysis_says_so(client, make):
    auditor = make.user("auditor")
    audit = make.audit(make.plan(), auditor)
    login(client, auditor)
    page = client.get(f"/audits/{audit.id}").get_data(as_text=True)
    assert "No document has been uploaded for this plan yet" in page
    assert "Automatic pre-flags" not in page


def test_draft_keeps_partial_input(client, world):
    login(client, world.auditor)
    answers = {"grade__smart-outcomes": "requires-improvement", "summary": "Half done"}
    response = post_form(client, world.audit, answers, "draft")
    assert response.status_code == 302
    audit = _reload(world.audit)
    assert audit.status == "draft" and audit.summary == "Half done"
    assert audit.matrix_version_id is not None
    scores = {s.criterion_id: s.grade for s in db.session.scalars(select(AuditScore))}
    assert scores == {"smart-outcomes": "requires-improvement"}
    page = client.get(f"/audits/{audit.id}").get_data(as_text=True)
    assert 'value="requires-improvement" checked' in page
    assert "Draft saved at" in page


def test_submit_with_missing_grade_and_evidence_shows_errors_and_keeps_input(
    client, world, matrix_dir
):
    login(client, world.auditor)
    answers = complete_answers(default_matrix(matrix_dir))
    del answers["grade__golden-thread"]
    answers["grade__smart-outcomes"] = "inadequate"
    answers["evidence__provision-specific"] = "Therapy frequency is not stated."
    response = post_form(client, world.audit, answers, "submit")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "govuk-error-summary" in page
    assert 'href="#grade__golden-thread"' in page
    assert "Enter evidence for SMART outcomes" in page
    assert "Therapy frequency is not stated." in page
    assert 'value="inadequate" checked' in page
    assert _reload(world.audit).status == "assigned"


def test_overall_grade_the_matrix_rule_forbids_is_refused_with_the_reason(
    client, world, matrix_dir
):
    login(client, world.auditor)
    matrix = default_matrix(matrix_dir)
    answers = complete_answers(matrix, "inadequate")
    answers.update({f"evidence__{c.id}": "Not done." for c in matrix.criteria})
    answers["overall"] = "outstanding"
    response = post_form(client, world.audit, answers, "submit")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'href="#overall"' in page
    assert (
        "The overall grade cannot be Outstanding: it can be no better than Inadequate because "
        "the best grade given to any criterion is Inadequate"
    ) in page
    audit = _reload(world.audit)
    assert audit.status == "assigned" and audit.meets_threshold is None


def test_overall_grade_within_the_rule_is_accepted(client, world, matrix_dir):
    login(client, world.auditor)
    matrix = default_matrix(matrix_dir)
    answers = complete_answers(matrix, "good")
    answers["grade__golden-thread"] = "inadequate"
    answers["evidence__golden-thread"] = "Needs in B have no provision in F."
    answers["overall"] = "requires-improvement"
    assert post_form(client, world.audit, answers, "submit").status_code == 302
    audit = _reload(world.audit)
    assert (audit.status, audit.overall_grade) == ("submitted", "requires-improvement")


def test_submit_operation_refuses_an_overall_grade_the_rule_forbids(world, matrix_dir):
    matrix = default_matrix(matrix_dir)
    sheet = ScoreSheet(
        grades={c.id: "inadequate" for c in matrix.criteria},
        evidence={c.id: "Not done." for c in matrix.criteria},
        overall="outstanding",
        summary="Weak plan.",
        strengths="",
        to_improve="",
    )
    with pytest.raises(OverallNotAllowed, match="no better than Inadequate"):
        submit_audit(world.audit, sheet, world.audit.revision)
    db.session.rollback()
    assert _reload(world.audit).status == "assigned"


def test_successful_submit_stores_judgement_and_measures(client, world, matrix_dir):
    login(client, world.auditor)
    answers = complete_answers(default_matrix(matrix_dir), "good")
    answers["grade__advice-reflected"] = "requires-improvement"
    answers["evidence__advice-reflected"] = "EP advice on sensory breaks is missing from F."
    response = post_form(client, world.audit, answers, "submit")
    assert response.status_code == 302
    audit = _reload(world.audit)
    assert audit.status == "submitted" and audit.submitted_at is not None
    assert audit.overall_grade == "good" and audit.meets_threshold is True
    assert audit.measures == {
        "quality_threshold": True,
        "advice_reflected": False,
        "current_template": True,
        "amended_quality_threshold": None,  # not a plan amended after a review
    }
    assert db.session.scalar(select(MatrixVersion.matrix_id)) == "default"
    page = client.get(f"/audits/{audit.id}").get_data(as_text=True)
    assert '<fieldset class="govuk-fieldset" disabled>' in page
    assert "Submit audit" not in page


def test_submitted_audit_cannot_be_changed(client, world, matrix_dir):
    login(client, world.auditor)
    answers = complete_answers(default_matrix(matrix_dir))
    post_form(client, world.audit, answers, "submit")
    post_form(client, world.audit, {**answers, "summary": "Changed later"}, "draft")
    assert _reload(world.audit).summary != "Changed later"


def test_stale_revision_is_refused_without_overwriting(client, world):
    login(client, world.auditor)
    post_form(client, world.audit, {"summary": "From the first window"}, "draft", revision=1)
    response = post_form(
        client, world.audit, {"summary": "From a stale window"}, "draft", revision=1
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "This audit was changed in another window at" in page
    assert "copy anything you need and reload" in page
    assert "From a stale window" in page
    assert _reload(world.audit).summary == "From the first window"
