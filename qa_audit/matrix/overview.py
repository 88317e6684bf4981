"""What administrators see about matrices: each file's validity and the stored versions' use."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, union_all

from qa_audit.errors import MatrixError
from qa_audit.extensions import db
from qa_audit.matrix.model import Matrix
from qa_audit.matrix.serialise import matrix_hash
from qa_audit.matrix.versions import load_matrix_file
from qa_audit.models import AdviceAudit, Audit, MatrixVersion


@dataclass(frozen=True)
class MatrixFile:
    name: str  # file name within the matrix folder
    matrix: Matrix | None  # None when the file has problems
    problems: tuple[str, ...]  # one plain-English line per problem (file, line, field)

    @property
    def valid(self) -> bool:
        return self.matrix is not None

    @property
    def content_hash(self) -> str | None:
        return matrix_hash(self.matrix) if self.matrix else None


@dataclass(frozen=True)
class StoredVersion:
    version: MatrixVersion
    audits: int  # audits (of plans or of advice) scored against this version


def matrix_files(directory: str | Path) -> list[MatrixFile]:
    """Every ``*.toml`` file directly in ``directory``, checked, in name order."""
    folder = Path(directory)
    files = []
    for path in sorted(folder.glob("*.toml")):
        try:
            files.append(MatrixFile(path.name, load_matrix_file(path), ()))
        except MatrixError as err:
            files.append(MatrixFile(path.name, None, _problem_lines(str(err), folder)))
    return files


def stored_versions() -> list[StoredVersion]:
    """Stored versions, newest first, with how many audits (of plans or of advice) used each."""
    scored = union_all(
        select(Audit.matrix_version_id.label("version_id")),
        select(AdviceAudit.matrix_version_id.label("version_id")),
    ).subquery()
    used = (
        select(scored.c.version_id.label("matrix_version_id"), func.count().label("audits"))
        .group_by(scored.c.version_id)
        .subquery()
    )
    rows = db.session.execute(
        select(MatrixVersion, func.coalesce(used.c.audits, 0))
        .outerjoin(used, used.c.matrix_version_id == MatrixVersion.id)
        .order_by(MatrixVersion.created_at.desc(), MatrixVersion.id.desc())
    ).all()
    return [StoredVersion(version, audits) for version, audits in rows]


def _problem_lines(message: str, folder: Path) -> tuple[str, ...]:
    """Problems name files by path; the folder is the same for all, so show the file name only."""
    prefix = f"{folder}/"
    return tuple(line.removeprefix(prefix) for line in message.splitlines() if line.strip())
