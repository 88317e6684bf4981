"""The matrices page: which matrix files are valid, which is active, and the stored versions."""

from flask import Blueprint, current_app, render_template

from qa_audit.auth.permissions import requires
from qa_audit.errors import MatrixError
from qa_audit.matrix.overview import matrix_files, stored_versions
from qa_audit.matrix.versions import active_matrix_path, active_matrix_version

bp = Blueprint("matrices", __name__, url_prefix="/admin/matrices")


@bp.route("/")
@requires("matrices.view")
def index():
    files = matrix_files(current_app.config["MATRIX_DIR"])
    active_name = active_matrix_path().name
    try:
        active_version, unavailable = active_matrix_version()[0], None
    except MatrixError as err:
        active_version, unavailable = None, str(err)
    return render_template(
        "admin/matrices.html",
        files=files,
        active_name=active_name,
        active_file=next((f for f in files if f.name == active_name), None),
        active_version=active_version,
        unavailable=unavailable,
        versions=stored_versions(),
    )
