"""The scoring form for one audit, built from a QA matrix rather than written per criterion.

Per criterion (in matrix order, so keyboard tabbing follows the matrix) there is a grade radio
``grade__<criterion id>``, an evidence box ``evidence__<criterion id>`` and the pre-flag hints
the auditor confirms, ``confirm__<criterion id>`` (the codes the criterion lists; the page shows
a box only for hints the analysis raised); then ``overall`` (auditor judgement mode only),
``summary``, ``strengths`` and ``to_improve``.

Two levels of validation:

* draft: ``form.validate()``; anything may be blank, text is length-capped and grades must be
  choices on the scale;
* submit: :func:`validate_for_submit`; every criterion graded, evidence given for every grade
  below the quality threshold, an overall grade in auditor mode that the matrix's rule allows
  for the criteria grades (:mod:`qa_audit.matrix.overall_rule`), and a summary.

Errors stay on the fields (``field.errors``) so the page's error summary can list them. Drafts
are saved as a :class:`ScoreSheet` (plain JSON-ready data): see :func:`scores_from_form` and
:func:`form_data_from_scores`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict

from wtforms import Field, Form, RadioField, SelectChoice, SelectMultipleField, TextAreaField
from wtforms.validators import Length, Optional

from qa_audit.matrix.codes import FLAG_LABELS, NOT_APPLICABLE
from qa_audit.matrix.model import Criterion, Domain, Matrix
from qa_audit.matrix.overall_rule import describe_rule, overall_problem
from qa_audit.web.widgets import Radios, TextArea

EVIDENCE_MAX_CHARS = 5000
COMMENT_MAX_CHARS = 10000
NOT_APPLICABLE_LABEL = "Not applicable"
_TEXT_FIELDS = ("summary", "strengths", "to_improve")
_WORDING = {  # what the form calls the thing scored, and who the summary is for
    "plan": {"thing": "the plan", "summary": "Summary for the caseworker"},
    "advice": {"thing": "the advice", "summary": "Summary for the service that gave the advice"},
}


class ScoreSheet(TypedDict):
    """One audit's answers as plain data (saved as JSON for drafts and submissions)."""

    grades: dict[str, str | None]  # criterion id -> grade id, "n/a" or None
    evidence: dict[str, str]  # criterion id -> auditor's evidence comment
    overall: str | None
    summary: str
    strengths: str
    to_improve: str
    confirmed: NotRequired[dict[str, list[str]]]  # criterion id -> pre-flag codes confirmed


def grade_field_name(criterion_id: str) -> str:
    return f"grade__{criterion_id}"


def evidence_field_name(criterion_id: str) -> str:
    return f"evidence__{criterion_id}"


def confirm_field_name(criterion_id: str) -> str:
    return f"confirm__{criterion_id}"


def build_scoring_form(matrix: Matrix) -> type[Form]:
    """A :class:`wtforms.Form` subclass for scoring plans (or, with an advice matrix,
    professional advice) against ``matrix``."""
    wording = _WORDING[matrix.kind]
    fields: dict[str, Any] = {}
    for criterion in matrix.criteria:
        fields[grade_field_name(criterion.id)] = RadioField(
            criterion.title,
            choices=_grade_choices(matrix, criterion),
            validators=[Optional()],
            description=criterion.guidance,
            invalid_choice_message=f"Select one of the listed grades for {criterion.title}",
            widget=Radios(),
        )
        fields[evidence_field_name(criterion.id)] = _text_field(
            f"Evidence for {criterion.title}", EVIDENCE_MAX_CHARS
        )
        fields[confirm_field_name(criterion.id)] = SelectMultipleField(
            f"Pre-flags confirmed for {criterion.title}",
            choices=[SelectChoice(code, FLAG_LABELS.get(code, code)) for code in criterion.flags],
            validators=[Optional()],
        )
    if matrix.judgement.mode == "auditor":
        fields["overall"] = RadioField(
            f"Overall grade for {wording['thing']}",
            choices=[SelectChoice(grade.id, grade.label) for grade in matrix.scale.grades],
            validators=[Optional()],
            invalid_choice_message=(
                f"Select one of the listed grades for {wording['thing']} overall"
            ),
            description=(
                f"The quality threshold is {matrix.scale.threshold_label}. {describe_rule(matrix)}"
            ).strip(),
            widget=Radios(),
        )
    fields["summary"] = _text_field(wording["summary"], COMMENT_MAX_CHARS)
    fields["strengths"] = _text_field(f"Strengths of {wording['thing']}", COMMENT_MAX_CHARS)
    fields["to_improve"] = _text_field("What to improve", COMMENT_MAX_CHARS)
    return type("ScoringForm", (Form,), fields)


def fields_by_domain(
    form: Form, matrix: Matrix
) -> list[tuple[Domain, list[tuple[Criterion, Field, Field]]]]:
    """The form's criterion fields grouped for display: (domain, [(criterion, grade, evidence)])."""
    return [
        (
            domain,
            [
                (c, form[grade_field_name(c.id)], form[evidence_field_name(c.id)])
                for c in domain.criteria
            ],
        )
        for domain in matrix.domains
    ]


def validate_for_submit(form: Form, matrix: Matrix) -> bool:
    """Full validation before an audit is submitted; errors are added to the fields."""
    form.validate()
    for criterion in matrix.criteria:
        _check_criterion(form, matrix, criterion)
    if matrix.judgement.mode == "auditor" and not form["overall"].errors:
        _check_overall(form, matrix)
    if not (form["summary"].data or "").strip() and not form["summary"].errors:
        form["summary"].errors.append(f"Enter a {_WORDING[matrix.kind]['summary'].lower()}")
    return not form.errors


def scores_from_form(form: Form, matrix: Matrix) -> ScoreSheet:
    """The form's answers as a :class:`ScoreSheet`; blank answers become None or ""."""
    overall = form["overall"].data if matrix.judgement.mode == "auditor" else None
    return ScoreSheet(
        grades={c.id: form[grade_field_name(c.id)].data or None for c in matrix.criteria},
        evidence={
            c.id: (form[evidence_field_name(c.id)].data or "").strip() for c in matrix.criteria
        },
        overall=overall or None,
        summary=(form["summary"].data or "").strip(),
        strengths=(form["strengths"].data or "").strip(),
        to_improve=(form["to_improve"].data or "").strip(),
        confirmed={
            c.id: list(form[confirm_field_name(c.id)].data)
            for c in matrix.criteria
            if form[confirm_field_name(c.id)].data
        },
    )


def form_data_from_scores(matrix: Matrix, sheet: Mapping[str, Any]) -> dict[str, Any]:
    """Field values for ``form_class(data=...)`` from a saved (possibly partial) score sheet.

    Only the criteria of ``matrix`` are read: a sheet is always reopened with the matrix version
    it was saved against.
    """
    grades = sheet.get("grades") or {}
    evidence = sheet.get("evidence") or {}
    confirmed = sheet.get("confirmed") or {}
    data: dict[str, Any] = {}
    for criterion in matrix.criteria:
        data[grade_field_name(criterion.id)] = grades.get(criterion.id)
        data[evidence_field_name(criterion.id)] = evidence.get(criterion.id, "")
        data[confirm_field_name(criterion.id)] = list(confirmed.get(criterion.id, []))
    if matrix.judgement.mode == "auditor":
        data["overall"] = sheet.get("overall")
    for name in _TEXT_FIELDS:
        data[name] = sheet.get(name) or ""
    return data


def _check_criterion(form: Form, matrix: Matrix, criterion: Criterion) -> None:
    grade_field = form[grade_field_name(criterion.id)]
    if grade_field.errors:
        return
    if not grade_field.data:
        grade_field.errors.append(f"Select a grade for {criterion.title}")
        return
    if grade_field.data == NOT_APPLICABLE or matrix.meets_threshold(grade_field.data):
        return
    evidence_field = form[evidence_field_name(criterion.id)]
    if not (evidence_field.data or "").strip() and not evidence_field.errors:
        label = matrix.grade(grade_field.data).label
        evidence_field.errors.append(
            f"Enter evidence for {criterion.title}: it is graded {label}, "
            f"below {matrix.scale.threshold_label}"
        )


def _check_overall(form: Form, matrix: Matrix) -> None:
    if not form["overall"].data:
        form["overall"].errors.append(
            f"Select an overall grade for {_WORDING[matrix.kind]['thing']}"
        )
        return
    grades = {c.id: form[grade_field_name(c.id)].data or None for c in matrix.criteria}
    problem = overall_problem(matrix, grades, form["overall"].data)
    if problem:
        form["overall"].errors.append(problem)


def _grade_choices(matrix: Matrix, criterion: Criterion) -> list[SelectChoice]:
    choices = [SelectChoice(grade.id, grade.label) for grade in matrix.scale.grades]
    if criterion.allow_not_applicable:
        choices.append(SelectChoice(NOT_APPLICABLE, NOT_APPLICABLE_LABEL))
    return choices


def _text_field(label: str, max_chars: int) -> TextAreaField:
    return TextAreaField(
        label,
        validators=[
            Length(max=max_chars, message=f"{label} must be {max_chars:,} characters or fewer")
        ],
        widget=TextArea(),
    )
