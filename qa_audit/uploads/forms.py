"""The upload pages' forms: one plan with its details, or a batch of documents."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, MultipleFileField
from wtforms.validators import DataRequired

from qa_audit.plans.forms import DocumentForm, PlanDetailsForm
from qa_audit.web.widgets import FileInput


class PlanUploadForm(DocumentForm, PlanDetailsForm):
    """One plan's document with its details: a known reference adds a new version."""


class BatchUploadForm(FlaskForm):
    documents = MultipleFileField(
        "Plan documents",
        description="Choose several .docx or PDF files at once.",
        validators=[DataRequired("Choose at least one plan document")],
        widget=FileInput(),
    )
    metadata = FileField(
        "Metadata (optional CSV)",
        description="Columns: file, reference, issue_date, kind, team, caseworker, phase, "
        "year_group, primary_need. Without it, dates and year group are read from each document "
        "and the rest can be filled in afterwards.",
        widget=FileInput(),
    )
