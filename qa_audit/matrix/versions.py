"""Matrix versions: the active matrix file stored once per distinct content, and stored versions
reloaded from the database.

An audit keeps the :class:`MatrixVersion` it was started on, so editing a matrix file never
changes past audits. When the active file is broken, the last good stored version of that matrix
is used instead and the problem is logged (administrators see it on the matrices page).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from flask import current_app
from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError

from qa_audit.errors import MatrixError
from qa_audit.extensions import db
from qa_audit.matrix.kinds import require_kind
from qa_audit.matrix.loading import matrix_from_json, parse_matrix
from qa_audit.matrix.model import Matrix, MatrixKind
from qa_audit.matrix.serialise import matrix_hash, matrix_to_json
from qa_audit.models import MatrixVersion

# Parsed matrices for this process: file bytes' sha256 -> Matrix, and content hash -> Matrix.
_parsed_files: dict[str, Matrix] = {}
_stored: dict[str, Matrix] = {}


ADVICE_FOLDER = "advice"
"""Advice matrices live in their own folder of ``MATRIX_DIR``, apart from plan matrices."""


def active_matrix_path(kind: MatrixKind = "plan") -> Path:
    """``MATRIX_DIR/<ACTIVE_MATRIX>.toml``, or for advice
    ``MATRIX_DIR/advice/<ACTIVE_ADVICE_MATRIX>.toml``."""
    config = current_app.config
    if kind == "advice":
        return Path(config["MATRIX_DIR"]) / ADVICE_FOLDER / f"{config['ACTIVE_ADVICE_MATRIX']}.toml"
    return Path(config["MATRIX_DIR"]) / f"{config['ACTIVE_MATRIX']}.toml"


def load_matrix_file(path: Path) -> Matrix:
    """Parse and validate a matrix file, reusing the parsed result while the file is unchanged."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as err:
        raise MatrixError(f"{path}: the matrix file does not exist") from err
    except OSError as err:
        raise MatrixError(f"{path}: cannot read the matrix file ({err.strerror})") from err
    key = hashlib.sha256(raw).hexdigest()
    if key not in _parsed_files:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise MatrixError(f"{path}: the matrix file is not UTF-8 text") from err
        _parsed_files[key] = parse_matrix(text, str(path))
    return _parsed_files[key]


def active_matrix_version(kind: MatrixKind = "plan") -> tuple[MatrixVersion, Matrix]:
    """The active matrix of ``kind`` (see :func:`active_matrix_path`) and its stored version.

    The version is stored (flushed, not committed) the first time its content is used. A broken
    file, or one of the other kind, falls back to the newest stored version of the same matrix;
    with none stored, the file's problems are raised as a :class:`MatrixError`.
    """
    path = active_matrix_path(kind)
    try:
        matrix = require_kind(load_matrix_file(path), kind)
    except MatrixError as err:
        current_app.logger.error(
            "active matrix file cannot be used, keeping the last good version: %s", err
        )
        fallback = last_good_version(path.stem, path.name, kind)
        if fallback is None:
            raise MatrixError(
                "The QA matrix cannot be loaded and no earlier version is stored. "
                f"Ask an administrator to fix the matrix file:\n{err}"
            ) from err
        return fallback, matrix_of(fallback)
    return store_version(matrix, _source_name(path, kind)), matrix


def _source_name(path: Path, kind: MatrixKind) -> str:
    return f"{ADVICE_FOLDER}/{path.name}" if kind == "advice" else path.name


def store_version(matrix: Matrix, source_name: str) -> MatrixVersion:
    """The stored version with ``matrix``'s content, created (and flushed) when new."""
    content_hash = matrix_hash(matrix)
    found = version_by_hash(content_hash)
    if found is not None:
        return found
    version = MatrixVersion(
        matrix_id=matrix.id,
        content_hash=content_hash,
        title=matrix.title,
        source_name=source_name,
        content=matrix_to_json(matrix),
    )
    try:
        with db.session.begin_nested():
            db.session.add(version)
    except IntegrityError:  # stored meanwhile by another request
        stored = version_by_hash(content_hash)
        if stored is None:
            raise
        return stored
    _stored[version.content_hash] = matrix
    return version


def version_by_hash(content_hash: str) -> MatrixVersion | None:
    return db.session.scalar(
        select(MatrixVersion).where(MatrixVersion.content_hash == content_hash)
    )


def last_good_version(
    matrix_id: str, source_name: str, kind: MatrixKind = "plan"
) -> MatrixVersion | None:
    """The newest stored version of ``kind`` of the matrix with this id or read from this
    file name."""
    query = (
        select(MatrixVersion)
        .where(or_(MatrixVersion.matrix_id == matrix_id, MatrixVersion.source_name == source_name))
        .order_by(MatrixVersion.created_at.desc(), MatrixVersion.id.desc())
    )
    for version in db.session.scalars(query):
        if matrix_of(version).kind == kind:
            return version
    return None


def matrix_of(version: MatrixVersion) -> Matrix:
    """The matrix stored in ``version``, parsed once per process."""
    if version.content_hash not in _stored:
        _stored[version.content_hash] = matrix_from_json(
            version.content, f"stored matrix version {version.content_hash[:12]}"
        )
    return _stored[version.content_hash]
