"""Configurable QA matrices: load and validate matrix files, and evaluate scores against them."""

from qa_audit.matrix.codes import FLAG_CODES, NOT_APPLICABLE, PLAN_KINDS
from qa_audit.matrix.evaluate import Evaluation, evaluate, rag
from qa_audit.matrix.loading import load_matrices, load_matrix, matrix_from_json, parse_matrix
from qa_audit.matrix.model import Criterion, Domain, Grade, Judgement, Matrix, Measure, Scale
from qa_audit.matrix.serialise import matrix_hash, matrix_to_json

__all__ = [
    "FLAG_CODES",
    "NOT_APPLICABLE",
    "PLAN_KINDS",
    "Criterion",
    "Domain",
    "Evaluation",
    "Grade",
    "Judgement",
    "Matrix",
    "Measure",
    "Scale",
    "evaluate",
    "load_matrices",
    "load_matrix",
    "matrix_from_json",
    "matrix_hash",
    "matrix_to_json",
    "parse_matrix",
    "rag",
]
