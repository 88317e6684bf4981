"""The forms about one plan: its details and a document of it (the plan page, the upload page)."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import IntegerField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from qa_audit.models.plan import PHASES, PLAN_KINDS, PRIMARY_NEEDS
from qa_audit.plan_references import reference_problem
from qa_audit.web.date_field import DayMonthYearField
from qa_audit.web.widgets import FileInput, Select, TextInput


def _choices(options: dict, blank: str | None = None) -> list[SelectChoice]:
    first = [SelectChoice("", blank)] if blank else []
    return first + [SelectChoice(key, label) for key, label in options.items()]


class DocumentForm(FlaskForm):
    document = FileField(
        "Plan document",
        description="A Word (.docx) file, or a PDF with a text layer.",
        validators=[FileRequired("Choose the plan document to upload")],
        widget=FileInput(),
    )


class PlanDetailsForm(FlaskForm):
    reference = StringField(
        "Plan reference",
        description="The pseudonymous reference your service uses. Never a child's name.",
        filters=[lambda value: value.strip() if isinstance(value, str) else value],
        validators=[DataRequired("Enter the plan reference")],
        widget=TextInput(),
    )
    issue_date = DayMonthYearField(
        "Date the plan was issued",
        description="For example, 27 10 2025. Left blank, it is read from the document.",
        validators=[Optional()],
    )
    kind = SelectField("Kind of plan", choices=_choices(PLAN_KINDS), widget=Select())
    team = StringField("Team", validators=[Optional(), Length(max=80)], widget=TextInput())
    caseworker = StringField(
        "Caseworker", validators=[Optional(), Length(max=120)], widget=TextInput()
    )
    phase = SelectField(
        "Phase",
        choices=_choices(PHASES, "Not recorded"),
        validators=[Optional()],
        widget=Select(),
    )
    year_group = IntegerField(
        "Year group",
        description="0 for Reception, 1 to 14 for Years 1 to 14.",
        validators=[Optional(), NumberRange(0, 14, "Enter a year group from 0 to 14")],
        widget=TextInput(),
    )
    primary_need = SelectField(
        "Primary need",
        choices=_choices(PRIMARY_NEEDS, "Not recorded"),
        validators=[Optional()],
        widget=Select(),
    )

    def validate_reference(self, field):
        if problem := reference_problem(field.data):
            raise ValidationError(problem)
