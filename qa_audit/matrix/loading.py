"""Load a QA matrix from a TOML file, TOML text or stored JSON, validating everything.

Every problem in the file is collected and reported together in one :class:`MatrixError`, one
problem per line, each naming the file, the line where it can be found, and the field.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import cast

from qa_audit.errors import MatrixError
from qa_audit.matrix.build_criteria import read_domains
from qa_audit.matrix.build_measures import read_measures
from qa_audit.matrix.build_scale import check_caps_name_key_criteria, read_judgement, read_scale
from qa_audit.matrix.codes import MATRIX_KINDS
from qa_audit.matrix.fields import TableReader
from qa_audit.matrix.model import Matrix, MatrixKind
from qa_audit.matrix.problems import Problems

_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_TOML_END = "(at end of document)"
_TOP_FIELDS = {
    "id",
    "kind",
    "title",
    "description",
    "scale",
    "judgement",
    "domains",
    "criteria",
    "measures",
}


def load_matrix(path: str | Path) -> Matrix:
    """Read and validate the matrix file at ``path``."""
    return parse_matrix(read_data_file(path, "matrix file"), str(path))


def read_data_file(path: str | Path, what: str) -> str:
    """The text of a data file (``what``: "matrix file"), or a MatrixError naming it."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise MatrixError(f"{path}: the {what} does not exist") from err
    except UnicodeDecodeError as err:
        raise MatrixError(f"{path}: the {what} is not UTF-8 text") from err
    except OSError as err:
        raise MatrixError(f"{path}: cannot read the {what} ({err.strerror})") from err


def load_matrices(directory: str | Path) -> dict[str, Matrix]:
    """Every ``*.toml`` matrix directly in ``directory``, by matrix id, checked together.

    Problems in all files (and ids used by two files) are reported in one MatrixError.
    """
    matrices: dict[str, Matrix] = {}
    errors: list[str] = []
    for path in sorted(Path(directory).glob("*.toml")):
        try:
            matrix = load_matrix(path)
        except MatrixError as err:
            errors.append(str(err))
            continue
        if matrix.id in matrices:
            errors.append(f"{path}: matrix id '{matrix.id}' is already used by another file")
        matrices[matrix.id] = matrix
    if errors:
        raise MatrixError("\n".join(errors))
    return matrices


def parse_data_file(text: str, source_name: str) -> TableReader:
    """The top table of TOML ``text``, read with problems that name ``source_name`` and the line.

    A syntax error stops at once: a MatrixError naming the line where TOML gave up.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise MatrixError(_syntax_message(str(err), source_name, text)) from err
    return TableReader(data, (), "", Problems(source_name, text))


def parse_matrix(text: str, source_name: str) -> Matrix:
    """Validate matrix TOML ``text``; ``source_name`` names it in error messages."""
    return build_matrix(parse_data_file(text, source_name))


def matrix_from_json(text: str, source_name: str = "stored matrix") -> Matrix:
    """Rebuild a stored version, validating it exactly as a TOML file would be."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise MatrixError(f"{source_name}: not valid JSON ({err.msg}, line {err.lineno})") from err
    except ValueError as err:  # an integer longer than Python will convert
        raise MatrixError(f"{source_name}: not valid JSON (a number is too long)") from err
    if not isinstance(data, dict):
        raise MatrixError(f"{source_name}: a stored matrix must be a JSON object")
    return build_matrix(TableReader(data, (), "", Problems(source_name)))


def build_matrix(root: TableReader) -> Matrix:
    """Check the matrix table ``root`` and build the :class:`Matrix`, or raise every problem."""
    root.reject_unknown(_TOP_FIELDS)
    kind = read_kind(root)
    scale = read_scale(root)
    judgement = read_judgement(root, scale)
    domains = read_domains(root, scale, judgement, kind)
    criteria = tuple(c for domain in domains for c in domain.criteria)
    check_caps_name_key_criteria(judgement, criteria, root)
    matrix = Matrix(
        id=root.slug(),
        title=root.text("title"),
        description=root.text("description", required=False),
        scale=scale,
        judgement=judgement,
        domains=domains,
        measures=read_measures(root, criteria, kind),
        kind=kind,
    )
    for domain in domains:
        if not domain.criteria:
            root.problems.add(
                ("domains", [d.id for d in domains].index(domain.id)),
                f"domain '{domain.id}'",
                "has no criteria",
            )
    root.problems.raise_if_any()
    return matrix


def read_kind(root: TableReader) -> MatrixKind:
    """``kind``: what the matrix scores, "plan" when not given."""
    kind = root.text("kind", required=False, default="plan")
    if kind not in MATRIX_KINDS:
        root.problem(
            "kind",
            f'kind \'{kind}\' is not known (use "plan" to score EHC plans or "advice" to '
            "score professional advice)",
        )
        return _likely_kind(root)
    return cast(MatrixKind, kind)


def _likely_kind(root: TableReader) -> MatrixKind:
    """For a kind not known, the kind the criteria look like (plan criteria name sections),
    so that the one mistake is not reported again on every criterion."""
    criteria = root.table.get("criteria")
    tables = criteria if isinstance(criteria, list) else []
    return "plan" if any(isinstance(t, Mapping) and "sections" in t for t in tables) else "advice"


def _syntax_message(detail: str, source_name: str, text: str) -> str:
    """A TOML syntax error as "FILE, line N: the file is not valid TOML (reason)"."""
    found = _TOML_LINE.search(detail)
    if found is not None:
        line, column = found.groups()
        reason = f"{_TOML_LINE.sub('', detail).strip()}, column {column}"
    elif _TOML_END in detail:
        line = str(max(len(text.splitlines()), 1))
        reason = f"{detail.replace(_TOML_END, '').strip()} at the end of the file"
    else:
        return f"{source_name}: the file is not valid TOML ({detail})"
    return f"{source_name}, line {line}: the file is not valid TOML ({reason})"
