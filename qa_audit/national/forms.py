"""Forms for the national comparison: upload the DfE's file; choose the council and its
statistical neighbours from the local authorities in it."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput
from wtforms import SelectField, SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Optional

from qa_audit.web.widgets import FileInput, Select


class StatisticsFileForm(FlaskForm):
    statistics = FileField(
        "DfE statistics file",
        description="The CSV of 20-week timeliness by local authority from the DfE's "
        "\u201cEducation, health and care plans\u201d statistics, as downloaded.",
        validators=[FileRequired("Choose the statistics file to upload")],
        widget=FileInput(),
    )


class AreasForm(FlaskForm):
    council = SelectField(
        "Your council",
        validators=[DataRequired("Choose your council")],
        widget=Select(),
    )
    neighbours = SelectMultipleField(
        "Statistical neighbours",
        description="The local authorities most like yours, for example the DfE's ten "
        "statistical neighbours.",
        validators=[Optional()],
        widget=GovCheckboxesInput(),
    )

    def __init__(self, areas: dict[str, str], *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [SelectChoice(code, name) for code, name in areas.items()]
        self.council.choices = [SelectChoice("", "Choose your council"), *choices]
        self.neighbours.choices = choices
