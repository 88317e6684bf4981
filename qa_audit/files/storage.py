"""Uploaded files on disk, named by content hash, outside ``static/``; written atomically, so a
stored name always holds the whole file. A crash can leave a temporary file, or a file whose
record was never committed: ``qa_audit.datacare.orphans`` removes both."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

from qa_audit.errors import QaAuditError
from qa_audit.files.atomic import write_atomically


def _resolve(folder: str | Path, relative: str) -> Path:
    root = Path(folder).resolve()
    path = (root / relative).resolve()
    if root not in path.parents:
        raise QaAuditError("That document's stored path is not inside the upload folder.")
    return path


class NotStored(QaAuditError):
    """The file could not be written (a full disk, most often)."""


def store(folder: str | Path, sha256: str, suffix: str, data: bytes) -> str:
    """Write ``data`` once under its hash; returns the path relative to ``folder``."""
    relative = f"{sha256[:2]}/{sha256}.{suffix}"
    target = _resolve(folder, relative)
    if target.exists():
        return relative
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, data)
    except OSError as error:
        raise NotStored(
            "The document could not be saved: the server's disk may be full. Nothing was "
            "changed; try again later or tell your administrator."
        ) from error
    return relative


def load_path(folder: str | Path, relative: str) -> Path:
    return _resolve(folder, relative)


def remove(folder: str | Path, relative: str) -> None:
    _resolve(folder, relative).unlink(missing_ok=True)


def stored_files(folder: str | Path) -> Iterator[tuple[str, float]]:
    """Every file in the folder, half-written ones included: (relative path, last change)."""
    root = Path(folder)
    for path in root.rglob("*"):
        try:
            status = path.stat()
        except FileNotFoundError:  # a temporary file renamed or removed meanwhile
            continue
        if stat.S_ISREG(status.st_mode):
            yield path.relative_to(root).as_posix(), status.st_mtime
