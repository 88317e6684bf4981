"""Forms for drawing, changing and assigning samples. Each takes its context in ``__init__``."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput
from sqlalchemy import select
from wtforms import (
    BooleanField,
    DecimalField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from qa_audit.extensions import db
from qa_audit.models import Sample, User
from qa_audit.models.plan import PLAN_KINDS
from qa_audit.sampling.draw import STRATA
from qa_audit.sampling.makeup import DIMENSION_LABELS
from qa_audit.sampling.operations import SEED_LIMIT
from qa_audit.sampling.review_population import REVIEW_POPULATIONS
from qa_audit.sampling.targeted import TARGET_RULES
from qa_audit.web.date_field import DayMonthYearField
from qa_audit.web.widgets import Checkbox, Radios, Select, TextArea, TextInput

Checkboxes = GovCheckboxesInput


class SampleForm(FlaskForm):
    draws_from = RadioField(
        "Plans to sample from",
        choices=[
            SelectChoice("issued", "Plans issued in the term, of the kinds chosen below"),
            *(SelectChoice(key, label) for key, label in REVIEW_POPULATIONS.items()),
        ],
        default="issued",
        validators=[DataRequired("Choose the plans to sample from")],
        widget=Radios(),
    )
    size_by = RadioField(
        "Size the sample by",
        choices=[
            SelectChoice("percent", "Percentage of the plans"),
            SelectChoice("count", "Number of plans"),
        ],
        default="percent",
        widget=Radios(),
    )
    size = DecimalField(
        "Sample size",
        description="For example 10 for 10% (rounded up), or 12 for twelve plans.",
        places=None,
        validators=[
            InputRequired("Enter the sample size"),
            NumberRange(min=0.1, max=1000, message="Enter a sample size from 0.1 to 1000"),
        ],
        widget=TextInput(),
    )
    kinds = SelectMultipleField(
        "Kinds of plan to sample from",
        description="Plans issued (or amended) in the term. Not used for the caseload "
        "extract's populations.",
        choices=[SelectChoice(k, label) for k, label in PLAN_KINDS.items()],
        default=["new"],
        widget=Checkboxes(),
    )
    strata = SelectMultipleField(
        "Stratify by (optional)",
        description="Each group gets its share of the sample, and at least one plan "
        "if the size allows.",
        choices=[SelectChoice(s, DIMENSION_LABELS[s]) for s in STRATA],
        validators=[Optional()],
        widget=Checkboxes(),
    )
    risk_weighted = BooleanField(
        "Weight towards plans the pre-flags mark as risky", widget=Checkbox()
    )
    documented_only = BooleanField(
        "Leave out plans with no uploaded document",
        description="They cannot be audited until a document is uploaded.",
        default=True,
        widget=Checkbox(),
    )
    exclude_months = IntegerField(
        "Leave out plans audited in the last … months (optional)",
        validators=[Optional(), NumberRange(1, 60, "Enter a number of months from 1 to 60")],
        widget=TextInput(),
    )
    seed = IntegerField(
        "Seed (optional)",
        description="Leave blank for a new random seed. The same seed and plans give "
        "the same sample.",
        validators=[Optional(), NumberRange(0, SEED_LIMIT, f"Enter a seed from 0 to {SEED_LIMIT}")],
        widget=TextInput(),
    )

    previewed = HiddenField()

    def size_values(self) -> tuple[int | None, float | None]:
        """(count, percent) from the size and its unit."""
        if self.size_by.data == "count":
            return int(self.size.data), None
        return None, float(self.size.data)

    def validate_kinds(self, field) -> None:
        if self.draws_from.data == "issued" and not field.data:
            raise ValidationError("Choose at least one kind of plan")

    def validate_size(self, field) -> None:
        if (
            self.size_by.data == "count"
            and field.data is not None
            and field.data != int(field.data)
        ):
            raise ValidationError("Enter a whole number of plans")


class TargetedForm(FlaskForm):
    rule = RadioField(
        "Target",
        choices=[
            SelectChoice(rule, label.capitalize()) for rule, (label, _) in TARGET_RULES.items()
        ],
        validators=[InputRequired("Choose a target")],
        widget=Radios(),
    )


class ReasonForm(FlaskForm):
    reference = StringField(
        "Reference of the plan to add",
        validators=[DataRequired("Enter the reference of the plan to add"), Length(max=40)],
        widget=TextInput(),
    )
    reason = TextAreaField(
        "Reason",
        description="Recorded with the sample and shown in the report.",
        validators=[DataRequired("Enter the reason for the change"), Length(max=2000)],
        widget=TextArea(),
    )


class SwapForm(ReasonForm):
    out_plan = SelectField("Plan to swap out", coerce=int, widget=Select())

    def __init__(self, sample: Sample, references: dict[int, str], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.out_plan.choices = [
            SelectChoice(m.plan_id, references[m.plan_id])
            for m in sorted(sample.members, key=lambda m: references[m.plan_id])
        ]


class AssignForm(FlaskForm):
    auditors = SelectMultipleField(
        "Auditors",
        coerce=int,
        validators=[DataRequired("Choose at least one auditor")],
        widget=Checkboxes(),
    )
    due_on = DayMonthYearField(
        "Due date",
        description="For example, 12 12 2025",
        validators=[InputRequired("Enter the due date")],
    )
    avoid_own_team = BooleanField(
        "Keep auditors off plans from their own team", default=True, widget=Checkbox()
    )
    double_mark_percent = IntegerField(
        "Percentage to double-mark",
        description="Each of these plans is marked independently by two auditors, from different "
        "agencies where possible. Rounded up.",
        default=20,
        validators=[
            InputRequired("Enter the percentage to double-mark"),
            NumberRange(0, 100, "Enter a percentage from 0 to 100"),
        ],
        widget=TextInput(),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = db.session.scalars(
            select(User)
            .where(User.active.is_(True), User.role.in_(["auditor", "qa_lead"]))
            .order_by(User.name)
        )
        self.auditors.choices = [SelectChoice(u.id, _auditor_label(u)) for u in people]


def _auditor_label(user: User) -> str:
    details = ", ".join(x.replace("_", " ") for x in (user.agency, user.team) if x)
    return f"{user.name} ({details})" if details else user.name
