"""``qa-audit advice-import ARCHIVE.zip``: the advice documents in a .zip archive, read with
the bounds a Word document gets; an unsafe archive or file stores nothing and says why in one
plain sentence, never a traceback."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from sqlalchemy import func, select

from qa_audit.extensions import db
from qa_audit.models import PlanAdvice
from tests.advice.test_advice_pages import _letter
from tests.advice.test_bulk_import import CASE, HEADER

FIRST, SECOND = CASE.advice[0], CASE.advice[1]


def _count() -> int:
    return db.session.scalar(select(func.count()).select_from(PlanAdvice))


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _declared_huge(name: str) -> bytes:
    """An archive whose one file claims to unpack to 3 GB (sizes patched in its headers)."""
    data = bytearray(_zip({name: b"small"}))
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        found = data.find(signature)
        struct.pack_into("<I", data, found + offset, 3_000_000_000)
    return bytes(data)


def _import(runner, tmp_path, archive: bytes, rows: str, name: str = "advice.zip"):
    path = tmp_path / name
    path.write_bytes(archive)
    meta = tmp_path / "advice.csv"
    meta.write_text(HEADER + rows, encoding="utf-8")
    return runner.invoke(args=["advice-import", str(path), "--metadata", str(meta)])


def test_every_document_in_the_archive_is_stored_for_its_plan(runner, make, tmp_path):
    make.plan(reference="EHCP-Z-0001")
    make.plan(reference="EHCP-Z-0002")
    archive = _zip({FIRST.filename: FIRST.data, f"health/{SECOND.filename}": SECOND.data})
    rows = (
        f"{FIRST.filename},EHCP-Z-0001,,2025-10-03,2025-09-01\n"
        f"{SECOND.filename},EHCP-Z-0002,CAMHS,2025-10-20,\n"
    )
    result = _import(runner, tmp_path, archive, rows)
    assert result.exit_code == 0, result.output
    assert "2 imported, 0 already held." in result.output
    stored = db.session.scalars(select(PlanAdvice).order_by(PlanAdvice.id)).all()
    assert [(a.plan.reference, a.source) for a in stored] == [
        ("EHCP-Z-0001", FIRST.source),
        ("EHCP-Z-0002", "CAMHS"),
    ]


HOSTILE = {
    "climbs out": ({"../evil.docx": FIRST.data}, "evil.docx", "a path outside the archive"),
    "absolute path": ({"/tmp/evil.docx": FIRST.data}, "evil.docx", "a path outside the archive"),
    "windows drive": ({"C:/evil.docx": FIRST.data}, "evil.docx", "a path outside the archive"),
    "nested zip": ({"inner.zip": _zip({"a.docx": FIRST.data})}, "inner.zip", "inside the archive"),
    "zip renamed": (
        {"inner.pdf": _zip({"a.docx": FIRST.data})},
        "inner.pdf",
        "inner.pdf is an archive inside the archive",
    ),
    "same name twice": (
        {f"a/{FIRST.filename}": FIRST.data, f"b/{FIRST.filename}": SECOND.data},
        FIRST.filename,
        "holds two files named",
    ),
    "too many files": (
        {**{f"empty-{n}.txt": b"" for n in range(2001)}, FIRST.filename: FIRST.data},
        FIRST.filename,
        "holds 2002 parts; the limit is 2000",
    ),
    "declared 3 GB": (None, "big.docx", "The zip archive would unpack to"),
    "not a zip": (b"this is not an archive", "a.docx", "The zip archive is damaged"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_archives_store_nothing_and_say_why(runner, make, tmp_path, case):
    members, named, message = HOSTILE[case]
    make.plan(reference="EHCP-Z-0003")
    if case == "declared 3 GB":
        archive = _declared_huge(named)
    elif isinstance(members, bytes):
        archive = members
    else:
        archive = _zip({FIRST.filename: FIRST.data, **members})
        if case in ("same name twice", "too many files"):
            archive = _zip(members)
    rows = f"{FIRST.filename},EHCP-Z-0003,,2025-10-03,\n{named},EHCP-Z-0003,CAMHS,2025-10-03,\n"
    result = _import(runner, tmp_path, archive, rows)
    assert result.exit_code == 1, result.output
    assert "Nothing was imported" in result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert _count() == 0


def test_one_bad_document_in_the_archive_stores_none(runner, make, tmp_path):
    make.plan(reference="EHCP-Z-0004")
    archive = _zip({FIRST.filename: FIRST.data, "letter.docx": _letter()})
    rows = f"{FIRST.filename},EHCP-Z-0004,,2025-10-03,\nletter.docx,EHCP-Z-0004,CAMHS,2025-10-03,\n"
    result = _import(runner, tmp_path, archive, rows)
    assert result.exit_code == 1
    assert "Row 3, letter.docx: No recommendations were found" in result.output
    assert _count() == 0


def test_a_file_that_is_neither_folder_nor_zip_gets_one_sentence(runner, tmp_path):
    result = _import(runner, tmp_path, b"a,b\n", "", name="advice.csv")
    assert result.exit_code != 0
    assert "is neither a folder nor a .zip archive" in result.output
    assert "Traceback" not in result.output
