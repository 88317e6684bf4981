"""The moderation form (built from the matrix) and the follow-up action forms."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import RadioField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from qa_audit.audits.double_marking import OVERALL
from qa_audit.extensions import db
from qa_audit.matrix import NOT_APPLICABLE, Matrix
from qa_audit.models import User
from qa_audit.moderation.follow_ups import ACTION_KINDS
from qa_audit.web.date_field import DayMonthYearField
from qa_audit.web.widgets import Radios, Select, TextArea


def final_grade_field(key: str) -> str:
    return f"final__{key}"


def build_moderation_form(matrix: Matrix, needs_overall: bool) -> type[FlaskForm]:
    """A form with a final grade per criterion (and overall when the matrix asks for it)."""
    fields: dict[str, Any] = {}
    for criterion in matrix.criteria:
        choices = [SelectChoice(g.id, g.label) for g in matrix.scale.grades]
        if criterion.allow_not_applicable:
            choices.append(SelectChoice(NOT_APPLICABLE, "Not applicable"))
        fields[final_grade_field(criterion.id)] = RadioField(
            f"Final grade: {criterion.title}",
            choices=choices,
            validators=[InputRequired(f"Select the final grade for {criterion.title}")],
            widget=Radios(),
        )
    if needs_overall:
        fields[final_grade_field(OVERALL)] = RadioField(
            "Final overall grade for the plan",
            choices=[SelectChoice(g.id, g.label) for g in matrix.scale.grades],
            validators=[InputRequired("Select the final overall grade")],
            widget=Radios(),
        )
    fields["reason"] = TextAreaField(
        "Reason for the final grades",
        description="Shared with both auditors and shown on the caseworker's feedback sheet. "
        "Refer to the plan by section, not by name.",
        validators=[DataRequired("Enter the reason for the final grades"), Length(max=5000)],
        widget=TextArea(),
    )
    return type("ModerationForm", (FlaskForm,), fields)


def initial_grades(first: Mapping[str, str | None], second: Mapping[str, str | None]) -> dict:
    """Pre-select the grades both auditors gave; leave disagreements for the moderator."""
    return {
        final_grade_field(key): grade
        for key, grade in first.items()
        if grade is not None and second.get(key) == grade
    }


class FollowUpForm(FlaskForm):
    kind = RadioField(
        "Action",
        choices=[SelectChoice(k, label) for k, label in ACTION_KINDS.items()],
        validators=[InputRequired("Choose the action")],
        widget=Radios(),
    )
    owner_id = SelectField("Owner", coerce=int, widget=Select())
    due_on = DayMonthYearField(
        "Due date", description="Optional. For example, 27 3 2026", validators=[Optional()]
    )
    note = TextAreaField(
        "What needs doing", validators=[Optional(), Length(max=2000)], widget=TextArea()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = db.session.scalars(
            select(User)
            .where(User.active.is_(True), User.role.in_(["qa_lead", "sen_manager", "auditor"]))
            .order_by(User.name)
        )
        self.owner_id.choices = [SelectChoice(u.id, f"{u.name} ({u.role_label})") for u in people]


class CloseForm(FlaskForm):
    note = TextAreaField(
        "What was done",
        validators=[DataRequired("Say what was done to close the action"), Length(max=2000)],
        widget=TextArea(),
    )
