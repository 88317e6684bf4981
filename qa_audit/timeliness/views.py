"""The web page for importing the case-management extract (QA leads and SEN managers)."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from sqlalchemy import func, select

from qa_audit.access_recorder import record_access
from qa_audit.auth.permissions import requires
from qa_audit.extensions import db
from qa_audit.models import PlanEvent
from qa_audit.timeliness.extract import COLUMNS, ExtractError, parse_mapping, read_extract
from qa_audit.timeliness.forms import ExtractForm
from qa_audit.timeliness.importing import store_extract

bp = Blueprint("timeliness", __name__)


@bp.route("/caseload/import", methods=["GET", "POST"])
@requires("caseload.import")
def import_extract():
    form = ExtractForm()
    problems = []
    if form.validate_on_submit():
        upload = form.extract.data
        try:
            mapping = form.mapping.data
            columns = parse_mapping(mapping.read(), mapping.filename) if mapping else {}
            extract = read_extract(upload.read(), upload.filename or "", columns)
        except ExtractError as error:
            form.extract.errors.append(str(error))
        else:
            problems = extract.problems
            if not problems:
                result = store_extract(extract)
                record_access("import_caseload", "caseload", None, f"{result.rows} rows")
                flash(
                    f"Imported {result.rows} rows for {result.references} plans: "
                    f"{result.replaced} new or changed, {result.unchanged} unchanged. "
                    f"{result.linked} are plans in the tool.",
                    "success",
                )
                return redirect(url_for("timeliness.import_extract"), 303)
    stored = db.session.execute(
        select(func.count(PlanEvent.id), func.max(PlanEvent.imported_at))
    ).one()
    return render_template(
        "timeliness/import.html",
        form=form,
        problems=problems,
        columns=COLUMNS,
        stored_rows=stored[0],
        last_import=stored[1],
    )
