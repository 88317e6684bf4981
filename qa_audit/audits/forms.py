"""The form a QA lead uses to assign a plan to an auditor."""

from __future__ import annotations

from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from qa_audit.audits.operations import AUDITOR_ROLES
from qa_audit.extensions import db
from qa_audit.models import Plan, User
from qa_audit.web.date_field import DayMonthYearField
from qa_audit.web.widgets import Select, TextInput


class AssignAuditForm(FlaskForm):
    plan_reference = StringField(
        "Plan reference",
        description="For example, EHCP-2025-0042",
        validators=[DataRequired("Enter the plan reference"), Length(max=40)],
        widget=TextInput(),
    )
    auditor = SelectField("Auditor", coerce=int, widget=Select())
    due_on = DayMonthYearField(
        "Due date", description="Optional. For example, 27 3 2026", validators=[Optional()]
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        people = db.session.scalars(
            select(User)
            .where(User.role.in_(AUDITOR_ROLES), User.active.is_(True))
            .order_by(User.name)
        )
        self.auditor.choices = [
            SelectChoice(person.id, f"{person.name} ({person.role_label})") for person in people
        ]
        self.plan: Plan | None = None

    def validate_plan_reference(self, field: StringField) -> None:
        reference = (field.data or "").strip()
        self.plan = db.session.scalar(select(Plan).where(Plan.reference == reference))
        if self.plan is None:
            raise ValidationError(f"There is no plan with the reference {reference}")

    def validate_auditor(self, field: SelectField) -> None:
        if not field.choices:
            raise ValidationError("There is no active auditor to assign: add one first")
