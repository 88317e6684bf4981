"""``qa-audit remove-orphan-files``: what a stopped server stored without recording goes; what
is recorded, or may still be recorded by an upload in progress, stays."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.faults.stored_state import stored_files


def _age(path: Path, minutes: int) -> None:
    then = time.time() - minutes * 60
    os.utime(path, (then, then))


def test_only_old_unrecorded_files_are_removed(app, make, runner):
    folder = Path(app.config["UPLOAD_FOLDER"])
    document = make.document(make.plan(), seed=5)
    recorded = folder / document.stored_path
    _age(recorded, 600)
    left_by_a_crash = folder / "ab" / ("ab" + "0" * 62 + ".docx")
    half_written = folder / "ab" / ".upload-x1y2z3"
    in_progress = folder / "cd" / ".upload-a1b2c3"
    for path in (left_by_a_crash, half_written, in_progress):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"PK\x03\x04 part of a plan")
    _age(left_by_a_crash, 61)
    _age(half_written, 61)

    result = runner.invoke(args=["remove-orphan-files"])
    assert result.exit_code == 0, result.output
    assert "Removed 2 stored file(s) that no document version records." in result.output
    assert stored_files(folder) == {document.stored_path, "cd/.upload-a1b2c3"}

    now = runner.invoke(args=["remove-orphan-files", "--older-than-minutes", "0"])
    assert "Removed 1 stored file(s)" in now.output
    assert stored_files(folder) == {document.stored_path}
