"""Which kind of thing a matrix scores: a plan matrix never scores advice, nor the reverse."""

from __future__ import annotations

from typing import Final

from qa_audit.errors import MatrixError
from qa_audit.matrix.model import Matrix, MatrixKind

KIND_WORDS: Final = {"plan": "EHC plans", "advice": "professional advice"}


def require_kind(matrix: Matrix, kind: MatrixKind) -> Matrix:
    """``matrix`` when it scores ``kind``; otherwise a MatrixError saying so plainly."""
    if matrix.kind != kind:
        raise MatrixError(
            f"The matrix '{matrix.id}' ({matrix.title}) scores {KIND_WORDS[matrix.kind]}, so it "
            f"cannot be used to score {KIND_WORDS[kind]}. Choose a matrix with "
            f'kind = "{kind}".'
        )
    return matrix
