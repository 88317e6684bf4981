from collections import Counter

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_login import current_user

from qa_audit.access_recorder import record_access
from qa_audit.analysis.dispatch import enqueue_analysis
from qa_audit.analysis.stored import analysis_state
from qa_audit.auth.permissions import requires
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.files import storage
from qa_audit.files.incoming import MIME_TYPES
from qa_audit.models import PlanDocument
from qa_audit.plans.forms import DocumentForm
from qa_audit.uploads.batch import import_batch
from qa_audit.uploads.forms import BatchUploadForm, PlanUploadForm
from qa_audit.uploads.importing import import_document, log_refusal
from qa_audit.uploads.metadata import PlanMetadata, read_metadata_csv
from qa_audit.visibility import get_visible_document, get_visible_plan, visible_documents
from qa_audit.web.database_ids import database_id

bp = Blueprint("uploads", __name__)


def _finish(result, form_field):
    """Go to the plan of a good import; otherwise roll it back and show the reason on the
    form."""
    if result.status == "failed":
        db.session.rollback()
        log_refusal(result)
        form_field.errors.append(result.message)
        return None
    if result.status == "imported":
        enqueue_analysis([result.document.id])
    flash(result.message, "success" if result.status == "imported" else "message")
    return redirect(url_for("plans.show", plan_id=result.plan.id))


@bp.route("/plans/upload", methods=["GET", "POST"])
@requires("documents.upload")
def upload():
    form = PlanUploadForm()
    if form.validate_on_submit():
        details = {name: form[name].data or None for name in PlanMetadata.__dataclass_fields__}
        upload_file = form.document.data
        result = import_document(
            upload_file.read(),
            upload_file.filename,
            user=current_user,
            metadata=PlanMetadata(**details),
        )
        if response := _finish(result, form.document):
            return response
    return render_template("uploads/upload.html", form=form)


@bp.route("/plans/<int:plan_id>/documents", methods=["POST"])
@requires("documents.upload")
def new_version(plan_id: int):
    plan = get_visible_plan(current_user, plan_id)
    form = DocumentForm()
    if form.validate_on_submit():
        upload_file = form.document.data
        result = import_document(
            upload_file.read(), upload_file.filename, user=current_user, plan=plan
        )
        if response := _finish(result, form.document):
            return response
    for message in form.document.errors:
        flash(f"The new version was not uploaded. {message}")
    return redirect(url_for("plans.show", plan_id=plan.id))


@bp.route("/plans/upload/batch", methods=["GET", "POST"])
@requires("documents.upload")
def upload_batch():
    form = BatchUploadForm()
    if form.validate_on_submit():
        metadata = {}
        if form.metadata.data:
            try:
                text = form.metadata.data.read().decode("utf-8-sig")
                metadata = read_metadata_csv(text, "The metadata CSV")
            except (QaAuditError, UnicodeDecodeError) as error:
                message = (
                    str(error)
                    if isinstance(error, QaAuditError)
                    else ("The metadata file is not a CSV saved as text (UTF-8).")
                )
                form.metadata.errors.extend(message.splitlines())
        if not form.metadata.errors:
            files = [(f.filename, f.read()) for f in form.documents.data if f.filename]
            results = import_batch(files, metadata, user=current_user)
            enqueue_analysis(r.document.id for r in results if r.status == "imported")
            counts = Counter(result.status for result in results)
            return render_template("uploads/results.html", results=results, counts=counts)
    return render_template("uploads/batch.html", form=form)


@bp.route("/plans/upload/progress")
@requires("documents.upload")
def analysis_progress():
    """How far the pre-flag analysis of an upload batch has got (refreshes itself)."""
    parts = request.args.get("documents", "").split(",")
    ids = [number for part in parts if (number := database_id(part)) is not None]
    documents = list(
        db.session.scalars(visible_documents(current_user).where(PlanDocument.id.in_(ids[:500])))
    )
    states = Counter(analysis_state(document) for document in documents)
    return render_template(
        "uploads/progress.html", documents=documents, states=states, analysis_state=analysis_state
    )


@bp.route("/documents/<int:document_id>/analyse", methods=["POST"])
@requires("documents.upload")
def analyse_again(document_id: int):
    """Run the pre-flags again for a version whose run failed or stalled (its thread, worker or
    queue was lost); the plan page offers it only then, but asking again is always harmless."""
    document = get_visible_document(current_user, document_id)
    if document.parsed is None:
        abort(404)  # purged: nothing left to analyse
    enqueue_analysis([document.id])
    flash("The pre-flags are being computed again.", "success")
    return redirect(url_for("plans.show", plan_id=document.plan_id))


@bp.route("/documents/<int:document_id>/download")
@requires("documents.download")
def download(document_id: int):
    document = get_visible_document(current_user, document_id)
    if document.stored_path is None:
        abort(404)
    path = storage.load_path(current_app.config["UPLOAD_FOLDER"], document.stored_path)
    response = send_file(
        path,
        mimetype=MIME_TYPES[document.file_type],
        as_attachment=True,
        download_name=f"{document.plan.reference}-v{document.version}.{document.file_type}",
    )
    record_access("download_document", "document", document.id)  # once the file is on its way
    return response
