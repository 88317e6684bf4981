from __future__ import annotations

import json

import pytest
from werkzeug.datastructures import MultiDict
from wtforms import Form, RadioField, TextAreaField

from qa_audit.audits.scoring_form import (
    build_scoring_form,
    fields_by_domain,
    form_data_from_scores,
    scores_from_form,
    validate_for_submit,
)
from qa_audit.matrix import Matrix


def complete_answers(matrix: Matrix, grade: str) -> MultiDict:
    data = MultiDict({f"grade__{c.id}": grade for c in matrix.criteria})
    data["summary"] = "Clear plan; outcomes need dates."
    if matrix.judgement.mode == "auditor":
        data["overall"] = grade
    return data


def test_fields_follow_matrix_order(default_matrix: Matrix) -> None:
    form = build_scoring_form(default_matrix)()
    names = [field.name for field in form]
    expected = [
        name
        for c in default_matrix.criteria
        for name in (f"grade__{c.id}", f"evidence__{c.id}", f"confirm__{c.id}")
    ]
    assert names == [*expected, "overall", "summary", "strengths", "to_improve"]
    assert isinstance(form["grade__golden-thread"], RadioField)
    assert isinstance(form["evidence__golden-thread"], TextAreaField)
    assert not hasattr(form, "csrf_token")


def test_grade_choices_come_from_the_scale(default_matrix: Matrix) -> None:
    form = build_scoring_form(default_matrix)()
    values = [choice.value for choice in form["grade__smart-outcomes"].choices]
    assert values == ["outstanding", "good", "requires-improvement", "inadequate"]
    pfa_values = [choice.value for choice in form["grade__preparing-for-adulthood"].choices]
    assert pfa_values[-1] == "n/a"
    assert form["grade__smart-outcomes"].label.text == "SMART outcomes"


def test_no_overall_grade_outside_auditor_mode(key_criteria_matrix: Matrix) -> None:
    form_class = build_scoring_form(key_criteria_matrix)
    assert issubclass(form_class, Form)
    names = [field.name for field in form_class()]
    assert "overall" not in names
    assert names[-3:] == ["summary", "strengths", "to_improve"]


def test_draft_accepts_partial_answers(default_matrix: Matrix) -> None:
    form = build_scoring_form(default_matrix)(MultiDict({"grade__golden-thread": "inadequate"}))
    assert form.validate(), form.errors


def test_draft_caps_lengths_and_checks_choices(default_matrix: Matrix) -> None:
    form = build_scoring_form(default_matrix)(
        MultiDict({"evidence__golden-thread": "x" * 5001, "grade__up-to-date": "superb"})
    )
    assert not form.validate()
    assert form.errors == {
        "evidence__golden-thread": ["Evidence for Golden thread must be 5,000 characters or fewer"],
        "grade__up-to-date": ["Select one of the listed grades for Up to date"],
    }


def test_submit_passes_when_complete(default_matrix: Matrix) -> None:
    form = build_scoring_form(default_matrix)(complete_answers(default_matrix, "good"))
    assert validate_for_submit(form, default_matrix), form.errors


def test_submit_requires_every_grade_overall_and_summary(default_matrix: Matrix) -> None:
    data = complete_answers(default_matrix, "good")
    del data["grade__up-to-date"], data["overall"], data["summary"]
    form = build_scoring_form(default_matrix)(data)
    assert not validate_for_submit(form, default_matrix)
    assert form.errors == {
        "grade__up-to-date": ["Select a grade for Up to date"],
        "overall": ["Select an overall grade for the plan"],
        "summary": ["Enter a summary for the caseworker"],
    }


def test_submit_requires_evidence_below_threshold(default_matrix: Matrix) -> None:
    data = complete_answers(default_matrix, "good")
    data["grade__smart-outcomes"] = "requires-improvement"
    data["grade__provision-specific"] = "inadequate"
    data["evidence__provision-specific"] = "Therapy hours not stated; 'access to' used throughout."
    data["overall"] = "requires-improvement"
    form = build_scoring_form(default_matrix)(data)
    assert not validate_for_submit(form, default_matrix)
    assert form.errors == {
        "evidence__smart-outcomes": [
            "Enter evidence for SMART outcomes: it is graded Requires improvement, "
            "below Good or better"
        ]
    }


def test_not_applicable_needs_no_evidence(default_matrix: Matrix) -> None:
    data = complete_answers(default_matrix, "good")
    data["grade__preparing-for-adulthood"] = "n/a"
    form = build_scoring_form(default_matrix)(data)
    assert validate_for_submit(form, default_matrix), form.errors


def test_submit_in_key_criteria_mode_needs_no_overall(key_criteria_matrix: Matrix) -> None:
    form = build_scoring_form(key_criteria_matrix)(complete_answers(key_criteria_matrix, "met"))
    assert validate_for_submit(form, key_criteria_matrix), form.errors


@pytest.mark.parametrize("grade", ["good", None])
def test_draft_round_trip_through_json(default_matrix: Matrix, grade: str | None) -> None:
    form_class = build_scoring_form(default_matrix)
    answers = MultiDict({"evidence__up-to-date": "  Target dates of 2023 have passed. "})
    if grade:
        answers["grade__up-to-date"] = grade
        answers["overall"] = grade
    sheet = scores_from_form(form_class(answers), default_matrix)
    assert sheet["grades"]["up-to-date"] == grade
    assert sheet["grades"]["golden-thread"] is None
    assert sheet["evidence"]["up-to-date"] == "Target dates of 2023 have passed."
    assert sheet["overall"] == grade
    stored = json.loads(json.dumps(sheet))
    reopened = form_class(data=form_data_from_scores(default_matrix, stored))
    assert scores_from_form(reopened, default_matrix) == sheet
    assert reopened.validate()


def test_form_data_from_an_empty_sheet(default_matrix: Matrix) -> None:
    data = form_data_from_scores(default_matrix, {})
    assert data["grade__golden-thread"] is None
    assert data["summary"] == ""
    assert data["overall"] is None


def test_radio_renders_as_gov_uk_radios_with_the_saved_grade_checked(
    app, default_matrix: Matrix
) -> None:
    form_class = build_scoring_form(default_matrix)
    form = form_class(
        data=form_data_from_scores(default_matrix, {"grades": {"up-to-date": "good"}})
    )
    html = str(form["grade__up-to-date"])
    assert 'class="govuk-radios__input"' in html
    assert (
        'id="grade__up-to-date-2" name="grade__up-to-date" type="radio" value="good" checked'
        in (html)
    )
    assert html.count("checked") == 1


def test_fields_grouped_by_domain(default_matrix: Matrix) -> None:
    form = build_scoring_form(default_matrix)()
    groups = fields_by_domain(form, default_matrix)
    assert [domain.id for domain, _ in groups] == [d.id for d in default_matrix.domains]
    criterion, grade, evidence = groups[1][1][0]
    assert criterion.id == "provision-specific"
    assert (grade.name, evidence.name) == (
        "grade__provision-specific",
        "evidence__provision-specific",
    )


def test_overall_better_than_every_criterion_is_refused(default_matrix: Matrix) -> None:
    data = complete_answers(default_matrix, "inadequate")
    for criterion in default_matrix.criteria:
        data[f"evidence__{criterion.id}"] = "Missing."
    data["overall"] = "outstanding"
    form = build_scoring_form(default_matrix)(data)
    assert not validate_for_submit(form, default_matrix)
    assert form.errors == {
        "overall": [
            "The overall grade cannot be Outstanding: it can be no better than Inadequate "
            "because the best grade given to any criterion is Inadequate"
        ]
    }


def test_key_criterion_inadequate_caps_the_overall_grade(default_matrix: Matrix) -> None:
    data = complete_answers(default_matrix, "outstanding")
    data["grade__golden-thread"] = data["grade__smart-outcomes"] = "inadequate"
    data["evidence__golden-thread"] = data["evidence__smart-outcomes"] = "No thread."
    form = build_scoring_form(default_matrix)(data)
    assert not validate_for_submit(form, default_matrix)
    assert form.errors == {
        "overall": [
            "The overall grade cannot be Outstanding: it can be no better than Requires "
            "improvement because the key criteria Golden thread and SMART outcomes are graded "
            "Inadequate"
        ]
    }
    data["overall"] = "requires-improvement"
    form = build_scoring_form(default_matrix)(data)
    assert validate_for_submit(form, default_matrix), form.errors
