"""Whatever a matrix file holds, loading it gives a Matrix or a MatrixError whose every line names
the file; a matrix that loads survives being stored and read back unchanged.

``tests/matrix/test_robustness.py`` replaces one field of a stored (JSON) matrix at a time; these
change several fields at once, write them as TOML, damage the text of the shipped matrices, and
read files that are not text at all.
"""

from __future__ import annotations

import json
import math
import re
import tomllib

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from qa_audit.errors import MatrixError
from qa_audit.matrix import load_matrix, matrix_from_json, matrix_to_json, parse_matrix
from tests.matrix.conftest import MATRIX_DIR, SMALL_MATRIX, field_paths

SHIPPED = {path.name: path.read_text() for path in sorted(MATRIX_DIR.rglob("*.toml"))}
NEAR_SCHEMA = tomllib.loads(SMALL_MATRIX)
FIELD_NAMES = (
    "id",
    "title",
    "scale",
    "grades",
    "meets_threshold",
    "points",
    "judgement",
    "mode",
    "threshold",
    "domains",
    "criteria",
    "domain",
    "sections",
    "descriptors",
    "key",
    "weight",
    "flags",
    "measures",
    "target",
    "amber_from",
    "green_from",
    "source",
    "applies_to",
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(),  # nan and infinities included: TOML has them
    st.sampled_from([math.nan, math.inf, 10**400, -(10**400)]),
    st.text(max_size=12),
    st.sampled_from(["good", "weak", "outcomes", "E", "vague", "judgement", "weighted", "new"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=6), inner, max_size=3),
    ),
    max_leaves=6,
)


@st.composite
def near_schema(draw) -> dict:
    """The small valid matrix with up to five fields deleted, replaced, added or repeated."""
    data = json.loads(json.dumps(NEAR_SCHEMA))
    for _ in range(draw(st.integers(1, 5))):
        path = draw(st.sampled_from(field_paths(data)))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        target = parent[path[-1]] if path else data
        action = draw(st.sampled_from(["delete", "replace", "add", "repeat"]))
        if action == "delete" and path:
            del parent[path[-1]]
        elif action == "replace" and path:
            parent[path[-1]] = draw(values)
        elif action == "add" and isinstance(target, dict):
            target[draw(st.sampled_from(FIELD_NAMES))] = draw(values)
        elif action == "repeat" and isinstance(target, list) and target:
            target.append(json.loads(json.dumps(draw(st.sampled_from(target)))))
    return data


def _toml(data: dict) -> str | None:
    """The data as TOML, or None where TOML cannot hold it (null, or a key that is not text)."""
    try:
        return tomli_w.dumps(data)
    except TypeError:
        return None


def check_loads_or_reports(text: str, source: str) -> None:
    try:
        matrix = parse_matrix(text, source)
    except MatrixError as err:
        lines = str(err).splitlines()
        assert lines and all(line.startswith(source) for line in lines), str(err)
        for line in lines:
            if found := re.match(rf"{re.escape(source)}, line (\d+)[,:]", line):
                assert 1 <= int(found[1]) <= max(len(text.splitlines()), 1), line
    else:
        assert matrix_from_json(matrix_to_json(matrix)) == matrix
        assert all(math.isfinite(c.weight) for c in matrix.criteria)


@given(near_schema())
def test_matrices_near_the_schema_load_or_are_reported(data: dict) -> None:
    text = _toml(data)
    if text is not None:
        check_loads_or_reports(text, "near.toml")
    try:
        matrix = matrix_from_json(json.dumps(data))
    except MatrixError as err:
        assert str(err).startswith("stored matrix")
    else:
        assert matrix_from_json(matrix_to_json(matrix)) == matrix


@pytest.mark.parametrize("number", ["nan", "inf", "-inf", "1e400", "1" + "0" * 400])
@pytest.mark.parametrize(
    ("line", "changed"),
    [
        ('guidance = "Check each outcome."', 'guidance = "Check each outcome."\nweight = {}'),
        ("target = 0.9", "target = {}"),
    ],
)
def test_numbers_no_float_can_hold_are_reported(line: str, changed: str, number: str) -> None:
    text = SMALL_MATRIX.replace(line, changed.format(number), 1)
    with pytest.raises(MatrixError, match="must be a number"):
        parse_matrix(text, "numbers.toml")


@pytest.mark.parametrize("value", ["\\n", "\\u0085", "\\u2028", "\\r"])
def test_a_value_holding_a_line_break_keeps_one_problem_per_line(value: str) -> None:
    text = SMALL_MATRIX.replace('id = "small"', f'id = "bad{value}id"', 1)
    check_loads_or_reports(text, "breaks.toml")
    with pytest.raises(MatrixError, match="found 'bad"):
        parse_matrix(text, "breaks.toml")


def test_stored_matrix_with_an_endless_integer_is_reported() -> None:
    stored = matrix_to_json(parse_matrix(SMALL_MATRIX, "small.toml")).replace("0.9", "9" * 5000, 1)
    with pytest.raises(MatrixError, match="a number is too long"):
        matrix_from_json(stored)


@st.composite
def damaged_text(draw) -> tuple[str, str]:
    name = draw(st.sampled_from(sorted(SHIPPED)))
    lines = SHIPPED[name].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "repeat", "swap", "insert", "cut"]))
        if action == "delete":
            del lines[index]
        elif action == "repeat":
            lines.insert(index, lines[index])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif action == "insert":
            column = draw(st.integers(0, len(lines[index])))
            junk = draw(
                st.one_of(
                    st.sampled_from(['"', "[", "]", "=", "\n", "'''", "#", "{"]),
                    st.text(max_size=5),
                )
            )
            lines[index] = lines[index][:column] + junk + lines[index][column:]
        else:
            lines = lines[: index + 1]
        if not lines:
            lines = [""]
    return name, "".join(lines)


@given(damaged_text())
def test_damaged_shipped_matrices_load_or_are_reported(damaged: tuple[str, str]) -> None:
    name, text = damaged
    check_loads_or_reports(text, name)


@given(
    data=st.one_of(
        st.binary(max_size=512),
        st.sampled_from(list(SHIPPED.values()))
        .map(str.encode)
        .map(lambda text: text[:-40] + b"\xff\xfe" + text[-40:]),
    )
)
def test_files_that_are_not_text_are_reported(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.getbasetemp() / "hostile-matrix.toml"
    path.write_bytes(data)
    try:
        load_matrix(path)
    except MatrixError as err:
        assert str(err).startswith(str(path))
