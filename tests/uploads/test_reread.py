"""``qa-audit reread``: stored documents read again with the current parser, so a release that
reads plans better also helps the plans already uploaded."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from qa_audit.analysis.runner import analyse_document
from qa_audit.documents import read_plan
from qa_audit.extensions import db
from qa_audit.models import Analysis, PlanDocument
from qa_audit.synthetic import generate_plan
from tests.bad_files import bad_files
from tests.factories import plan_with_front_matter


def _import(runner, tmp_path: Path, *plans) -> list[PlanDocument]:
    paths = []
    for number, plan in enumerate(plans):
        path = tmp_path / f"plan-{number}.{plan.filename.rsplit('.', 1)[1]}"
        path.write_bytes(plan.data)
        paths.append(str(path))
    result = runner.invoke(args=["import", *paths])
    assert result.exit_code == 0, result.output
    return list(db.session.scalars(select(PlanDocument).order_by(PlanDocument.id)))


def test_an_older_reading_is_replaced_and_pre_flagged_again(app, runner, tmp_path):
    plan = generate_plan(41, "outcome_provision", quality="weak")
    stale, _, purged = _import(
        runner, tmp_path, plan, generate_plan(42, "headed"), generate_plan(43, "term_table")
    )
    # As an older parser might have read it: no outcomes found, so nothing to flag.
    stale.parsed = {**stale.parsed, "outcomes": []}
    purged.stored_path = None
    db.session.commit()
    analysis = analyse_document(stale.id)
    assert analysis.result["summary"]["outcomes"] == 0
    result = runner.invoke(args=["reread"])
    assert result.exit_code == 0, result.output
    assert "1 changed, 1 unchanged, 0 refused (kept as they were), 1 without a stored file" in (
        result.output
    )
    db.session.expire_all()
    assert db.session.get(PlanDocument, stale.id).parsed == read_plan(plan.data, "p.docx").to_dict()
    after = db.session.get(Analysis, analysis.id)
    assert after.status == "done" and after.result["summary"]["outcomes"] > 0


def test_a_file_the_parser_now_refuses_keeps_its_reading(app, runner, tmp_path):
    (document,) = _import(runner, tmp_path, generate_plan(44, "headed"))
    kept = document.parsed
    stored = Path(app.config["UPLOAD_FOLDER"]) / document.stored_path
    stored.write_bytes(bad_files()["corrupt_zip"][0])
    result = runner.invoke(args=["reread"])
    assert result.exit_code == 0, result.output
    assert "0 changed, 0 unchanged, 1 refused" in result.output
    assert f"document {document.id}: " in result.output and "Traceback" not in result.output
    db.session.expire_all()
    assert db.session.get(PlanDocument, document.id).parsed == kept


def test_a_printed_reference_is_not_part_of_the_stored_reading(runner, tmp_path):
    """The reference names the plan at import; it is a plan detail, so readings stored before
    it was read are not all "changed" by a reread."""
    path = tmp_path / "p.docx"
    path.write_bytes(plan_with_front_matter(("Plan reference", "EHC-2025-0123")))
    assert runner.invoke(args=["import", str(path)]).exit_code == 0
    document = db.session.scalar(select(PlanDocument))
    assert document.plan.reference == "EHC-2025-0123"
    assert "reference" not in document.parsed
    result = runner.invoke(args=["reread"])
    assert "0 changed, 1 unchanged" in result.output, result.output
