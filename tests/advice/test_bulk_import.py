"""``qa-audit advice-import``: a folder of advice documents and a CSV naming each one's plan,
source and dates; every document stored through the single-upload path, or none, with every
problem named by its row."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from qa_audit.extensions import db
from qa_audit.models import PlanAdvice
from qa_audit.synthetic.advice_docs import generate_trace_case
from tests.advice.test_advice_pages import _letter

CASE = generate_trace_case(7, "dev", "docx")
HEADER = "file,plan_reference,source,received_on,requested_on\n"


def _count() -> int:
    return db.session.scalar(select(func.count()).select_from(PlanAdvice))


def _folder(tmp_path, csv_text, files):
    folder = tmp_path / "advice"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    meta = tmp_path / "advice.csv"
    meta.write_text(csv_text, encoding="utf-8")
    return folder, meta


def test_every_document_is_stored_for_its_plan(runner, make, tmp_path):
    make.plan(reference="EHCP-B-0001")
    make.plan(reference="EHCP-B-0002")
    first, second = CASE.advice[0], CASE.advice[1]
    folder, meta = _folder(
        tmp_path,
        HEADER
        + f"{first.filename},EHCP-B-0001,,03/10/2025,2025-09-01\n"
        + f"{second.filename},EHCP-B-0002,CAMHS,2025-10-20,\n",
        {first.filename: first.data, second.filename: second.data},
    )
    result = runner.invoke(args=["advice-import", str(folder), "--metadata", str(meta)])
    assert result.exit_code == 0, result.output
    assert "2 imported, 0 already held." in result.output
    stored = db.session.scalars(select(PlanAdvice).order_by(PlanAdvice.id)).all()
    assert [(a.plan.reference, a.source) for a in stored] == [
        ("EHCP-B-0001", first.source),  # read from the document's title
        ("EHCP-B-0002", "CAMHS"),
    ]
    assert stored[0].requested_on == date(2025, 9, 1)
    assert stored[0].received_on == date(2025, 10, 3)
    assert stored[1].requested_on is None


def test_one_bad_document_stores_none_and_is_named(runner, make, tmp_path):
    make.plan(reference="EHCP-B-0003")
    good = CASE.advice[0]
    folder, meta = _folder(
        tmp_path,
        HEADER
        + f"{good.filename},EHCP-B-0003,,2025-10-03,\n"
        + "letter.docx,EHCP-B-0003,CAMHS,2025-10-03,\n",
        {good.filename: good.data, "letter.docx": _letter()},
    )
    result = runner.invoke(args=["advice-import", str(folder), "--metadata", str(meta)])
    assert result.exit_code == 1
    assert "Nothing was imported" in result.output
    assert "Row 3, letter.docx: No recommendations were found" in result.output
    assert "Traceback" not in result.output
    assert _count() == 0


def test_every_problem_in_the_csv_is_listed_at_once(runner, make, tmp_path):
    make.plan(reference="EHCP-B-0004")
    folder, meta = _folder(
        tmp_path,
        HEADER
        + "a.docx,EHCP-B-0004,,31/02/2025,\n"
        + "../b.docx,EHCP-B-0004,,2025-10-03,\n"
        + "c.docx,EHCP-B-0004,Astrologer,2025-10-03,\n"
        + "d.docx,EHCP-B-0004,,2025-10-03,2025-11-01\n",
        {},
    )
    result = runner.invoke(args=["advice-import", str(folder), "--metadata", str(meta)])
    assert result.exit_code == 1
    assert "Row 2: '31/02/2025' is not a date" in result.output
    assert "Row 3: file '../b.docx' must be a file name, without folders." in result.output
    assert "Row 4: source 'Astrologer' is not one of" in result.output
    assert "Row 5: the advice cannot be received before it was requested." in result.output
    assert _count() == 0


def test_unknown_plans_and_absent_files_are_listed(runner, make, tmp_path):
    folder, meta = _folder(tmp_path, HEADER + "gone.docx,EHCP-NOPE,,2025-10-03,\n", {})
    result = runner.invoke(args=["advice-import", str(folder), "--metadata", str(meta)])
    assert result.exit_code == 1
    assert "Row 2: no plan has the reference EHCP-NOPE." in result.output
    assert "Row 2: gone.docx is not in" in result.output


def test_a_csv_without_its_columns_or_not_text_gets_one_sentence(runner, tmp_path):
    folder, meta = _folder(tmp_path, "name,date\nx,y\n", {})
    result = runner.invoke(args=["advice-import", str(folder), "--metadata", str(meta)])
    assert result.exit_code == 1
    assert "has no file, plan_reference, received_on column" in result.output
    meta.write_bytes(b"\xff\xfe\x00file")
    result = runner.invoke(args=["advice-import", str(folder), "--metadata", str(meta)])
    assert result.exit_code == 1
    assert "is not a CSV saved as text (UTF-8)" in result.output
    assert "Traceback" not in result.output
