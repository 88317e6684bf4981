"""The form a QA lead draws a term's advice sample with: how much advice from each source,
the seed, and the auditor for each source (health auditors usually take health advice)."""

from __future__ import annotations

from collections.abc import Sequence

from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import DecimalField, IntegerField, RadioField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, NumberRange, Optional, ValidationError

from qa_audit.audits.operations import AUDITOR_ROLES
from qa_audit.extensions import db
from qa_audit.models import User
from qa_audit.sampling.operations import SEED_LIMIT
from qa_audit.web.widgets import Radios, Select, TextInput


class AdviceSampleForm(FlaskForm):
    size_by = RadioField(
        "Size the sample by",
        choices=[
            SelectChoice("count", "Number of pieces of advice from each source"),
            SelectChoice("percent", "Percentage of each source's advice"),
        ],
        default="count",
        widget=Radios(),
    )
    size = DecimalField(
        "Sample size",
        description="For example 3 for three from each source (all of a source with fewer), "
        "or 20 for 20% of each source, rounded up.",
        places=None,
        validators=[
            InputRequired("Enter the sample size"),
            NumberRange(min=0.1, max=1000, message="Enter a sample size from 0.1 to 1000"),
        ],
        widget=TextInput(),
    )
    seed = IntegerField(
        "Seed (optional)",
        description="Leave blank for a new random seed. The same seed and advice give "
        "the same sample.",
        validators=[Optional(), NumberRange(0, SEED_LIMIT, f"Enter a seed from 0 to {SEED_LIMIT}")],
        widget=TextInput(),
    )

    def size_values(self) -> tuple[int | None, float | None]:
        """(count, percent) from the size and its unit."""
        if self.size_by.data == "percent":
            return None, float(self.size.data)
        return int(self.size.data), None

    def validate_size(self, field) -> None:
        if (
            self.size_by.data == "count"
            and field.data is not None
            and field.data != int(field.data)
        ):
            raise ValidationError("Enter a whole number of pieces of advice")
        if self.size_by.data == "percent" and field.data is not None and field.data > 100:
            raise ValidationError("Enter a percentage of at most 100")


def auditor_field_name(index: int) -> str:
    return f"auditor__{index}"


def advice_sample_form(sources: Sequence[str], **kwargs) -> AdviceSampleForm:
    """The form with one auditor choice per source in the term's advice, in ``sources`` order."""
    people = db.session.scalars(
        select(User).where(User.role.in_(AUDITOR_ROLES), User.active.is_(True)).order_by(User.name)
    )
    choices = [SelectChoice("", "Choose an auditor")] + [
        SelectChoice(str(person.id), f"{person.name} ({person.discipline_label})")
        for person in people
    ]
    fields = {
        auditor_field_name(index): SelectField(
            f"Auditor for {source} advice",
            choices=choices,
            validators=[InputRequired(f"Choose an auditor for the {source} advice")],
            widget=Select(),
        )
        for index, source in enumerate(sources)
    }
    form_class = type("AdviceSampleFormWithAuditors", (AdviceSampleForm,), fields)
    return form_class(**kwargs)


def chosen_auditors(form: AdviceSampleForm, sources: Sequence[str]) -> dict[str, int]:
    """Source -> the chosen auditor's user id."""
    return {
        source: int(form[auditor_field_name(index)].data) for index, source in enumerate(sources)
    }
