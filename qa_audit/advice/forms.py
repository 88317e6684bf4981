"""The forms for adding a piece of professional advice to a plan and for recording a request
for advice before it arrives."""

from datetime import date

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired, MultipleFileField
from wtforms import SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Optional, ValidationError

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


class AdviceRequestForm(FlaskForm):
    """Shown beside :class:`AdviceForm`, so its fields carry a prefix of their own."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "request")
        super().__init__(*args, **kwargs)

    source = SelectField(
        "Who the advice was asked of",
        choices=[SelectChoice("", "Choose who")]
        + [SelectChoice(name, name) for name, _ in SOURCES],
        validators=[InputRequired("Choose who the advice was asked of")],
        widget=Select(),
    )
    requested_on = DayMonthYearField(
        "Date the advice was requested",
        description="For example, 14 10 2025. It is due within 6 weeks.",
        validators=[InputRequired("Enter the date the advice was requested")],
    )

    def validate_requested_on(self, field):
        if field.data and field.data > date.today():
            raise ValidationError("The date the advice was requested cannot be in the future")


class AdviceBatchForm(FlaskForm):
    """Advice for many plans at once: the documents, and the CSV saying whose each one is."""

    documents = MultipleFileField(
        "Advice documents",
        description="Choose several .docx or PDF files at once.",
        validators=[DataRequired("Choose at least one advice document")],
        widget=FileInput(),
    )
    metadata = FileField(
        "Metadata CSV",
        description=(
            "Columns: file, plan_reference, received_on, and optionally source and "
            "requested_on. Dates as 2025-09-01 or 01/09/2025."
        ),
        validators=[FileRequired("Choose the metadata CSV that names each file's plan")],
        widget=FileInput(),
    )
