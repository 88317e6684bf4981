from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired

from qa_audit.web.widgets import FileInput


class ExtractForm(FlaskForm):
    extract = FileField(
        "Caseload extract",
        description="A CSV or XLSX file from the case-management system, one row per plan event.",
        validators=[FileRequired("Choose the extract to import")],
        widget=FileInput(),
    )
    mapping = FileField(
        "Mapping file (optional)",
        description="A TOML file renaming your system's column headers, if they differ.",
        widget=FileInput(),
    )
