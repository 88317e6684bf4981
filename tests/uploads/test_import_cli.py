from sqlalchemy import func, select

from qa_audit.extensions import db
from qa_audit.models import Plan, PlanDocument
from qa_audit.synthetic import generate_plan
from tests.bad_files import bad_files
from tests.factories import plan_with_front_matter


def test_import_folder_with_metadata_reports_each_file(runner, tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "one.docx").write_bytes(generate_plan(31, "headed").data)
    (folder / "two.pdf").write_bytes(generate_plan(32, "outcome_provision", "pdf").data)
    (folder / "broken.docx").write_bytes(bad_files()["corrupt_zip"][0])
    meta = tmp_path / "meta.csv"
    meta.write_text("file,reference,kind,team\none.docx,EHCP-2025-0301,amended,South\n")
    result = runner.invoke(args=["import", str(folder), "--metadata", str(meta)])
    assert result.exit_code == 1  # one file failed
    assert "2 imported, 0 duplicate, 1 failed" in result.output
    assert "EHCP-2025-0301" in result.output
    assert "damaged" in result.output
    assert "Traceback" not in result.output
    assert db.session.scalar(select(func.count(PlanDocument.id))) == 2
    again = runner.invoke(args=["import", str(folder / "one.docx"), "--metadata", str(meta)])
    assert again.exit_code == 0
    assert "0 imported, 1 duplicate, 0 failed" in again.output


def test_import_refuses_a_bad_metadata_file_plainly(runner, tmp_path):
    meta = tmp_path / "meta.csv"
    meta.write_text("reference\nEHCP-1\n")
    plan = tmp_path / "p.docx"
    plan.write_bytes(generate_plan(33, "headed").data)
    result = runner.invoke(args=["import", str(plan), "--metadata", str(meta)])
    assert result.exit_code == 1
    assert "needs a 'file' column" in result.output


def test_import_uses_the_printed_reference_and_flags_it_for_checking(runner, tmp_path):
    plan = tmp_path / "EHC-2025-4444 Sam Smith.docx"
    plan.write_bytes(plan_with_front_matter(("Case reference", "EHC-2025-0999")))
    result = runner.invoke(args=["import", str(plan)])
    assert result.exit_code == 0, result.output
    assert "read from the document" in result.output
    assert set(db.session.scalars(select(Plan.reference))) == {"EHC-2025-0999"}
