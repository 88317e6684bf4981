"""The QA matrix an audit was (or will be) scored against."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flask import current_app

from qa_audit.extensions import db
from qa_audit.matrix import Matrix, load_matrix
from qa_audit.models import Audit, MatrixVersion


@lru_cache(maxsize=16)
def _from_stored(content: str) -> Matrix:
    return Matrix.from_json(content)


def active_matrix() -> Matrix:
    folder = Path(current_app.config["MATRIX_DIR"])
    return load_matrix(folder / f"{current_app.config['ACTIVE_MATRIX']}.toml")


def matrix_for(audit: Audit) -> Matrix:
    """The stored matrix version the audit used; the active matrix if it has none yet."""
    if audit.matrix_version_id is None:
        return active_matrix()
    version = db.session.get(MatrixVersion, audit.matrix_version_id)
    return _from_stored(version.content)
