"""The form for adding a piece of professional advice to a plan."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Optional, ValidationError

from qa_audit.documents.advice import SOURCES
from qa_audit.web.date_field import DayMonthYearField
from qa_audit.web.widgets import FileInput, Select

FROM_DOCUMENT = ""


class AdviceForm(FlaskForm):
    document = FileField(
        "Advice document",
        description="A Word (.docx) file, or a PDF with a text layer.",
        validators=[FileRequired("Choose the advice document to upload")],
        widget=FileInput(),
    )
    source = SelectField(
        "Who gave the advice",
        choices=[SelectChoice(FROM_DOCUMENT, "As the document says")]
        + [SelectChoice(name, name) for name, _ in SOURCES],
        validators=[Optional()],
        widget=Select(),
    )
    received_on = DayMonthYearField(
        "Date the advice was received",
        description="For example, 14 10 2025.",
        validators=[InputRequired("Enter the date the advice was received")],
    )
    requested_on = DayMonthYearField(
        "Date the advice was requested (optional)",
        description="Advice is due within 6 weeks of the request.",
        validators=[Optional()],
    )

    def validate_received_on(self, field):
        if self.requested_on.data and field.data and field.data < self.requested_on.data:
            raise ValidationError("The advice cannot be received before it was requested")
