"""The national comparison page (QA leads): upload the DfE's published figures and choose the
council and its statistical neighbours."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for

from qa_audit.access_recorder import record_access
from qa_audit.auth.permissions import requires
from qa_audit.errors import QaAuditError
from qa_audit.national.comparison import national_comparison
from qa_audit.national.forms import AreasForm, StatisticsFileForm
from qa_audit.national.statistics_file import StatisticsFileError, read_statistics_file
from qa_audit.national.stored import choose_areas, chosen_areas, local_authorities, replace_figures

bp = Blueprint("national", __name__, url_prefix="/national")


def _page(upload: StatisticsFileForm, areas: AreasForm | None = None, problems=()):
    known = local_authorities()
    if areas is None:
        council, neighbours = chosen_areas()
        areas = AreasForm(known, formdata=None, data={"council": council, "neighbours": neighbours})
    return render_template(
        "national/index.html",
        upload=upload,
        areas=areas,
        problems=problems,
        held=len(known),
        comparison=national_comparison(),
    )


@bp.route("/")
@requires("national.manage")
def index():
    return _page(StatisticsFileForm(formdata=None))


@bp.route("/figures", methods=["POST"])
@requires("national.manage")
def upload():
    form = StatisticsFileForm()
    if not form.validate_on_submit():
        return _page(form)
    try:
        figures = read_statistics_file(form.statistics.data.read())
    except StatisticsFileError as error:
        form.statistics.errors.append(str(error))
        return _page(form, problems=error.problems)
    count = replace_figures(figures)
    record_access("import_national_figures", "national", None, f"{count} rows")
    flash(f"Imported {count} published figures. The report now compares with them.", "success")
    return redirect(url_for("national.index"), 303)


@bp.route("/areas", methods=["POST"])
@requires("national.manage")
def areas():
    form = AreasForm(local_authorities())
    if form.validate_on_submit():
        try:
            choose_areas(form.council.data, form.neighbours.data or [])
        except QaAuditError as error:
            form.neighbours.errors = [*form.neighbours.errors, str(error)]
        else:
            record_access("choose_comparison_areas", "national", None)
            flash("Council and statistical neighbours saved.", "success")
            return redirect(url_for("national.index"), 303)
    return _page(StatisticsFileForm(formdata=None), form)
