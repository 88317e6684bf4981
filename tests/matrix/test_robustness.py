"""Whatever a matrix file contains, loading it either succeeds or raises MatrixError."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from qa_audit.errors import MatrixError
from qa_audit.matrix import matrix_from_json, matrix_to_json, parse_matrix
from qa_audit.matrix.serialise import matrix_to_dict
from tests.matrix.conftest import SMALL_MATRIX, field_paths

_CANONICAL = matrix_to_dict(parse_matrix(SMALL_MATRIX, "small.toml"))

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(-2, 2, allow_nan=False),
    st.text(max_size=8),
    st.lists(st.text(max_size=4), max_size=3),
    st.dictionaries(st.text(max_size=4), st.text(max_size=4), max_size=2),
    st.lists(st.dictionaries(st.text(max_size=4), st.integers(), max_size=2), max_size=2),
)


def _replace(data: Any, path: tuple, new: Any) -> Any:
    copy = json.loads(json.dumps(data))
    parent = copy
    for part in path[:-1]:
        parent = parent[part]
    if new is None and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return copy


@settings(max_examples=150, deadline=None)
@given(path=st.sampled_from(field_paths(_CANONICAL)[1:]), new=junk)  # a field, not the whole
def test_any_change_loads_or_is_reported(path: tuple, new: Any) -> None:
    text = json.dumps(_replace(_CANONICAL, path, new))
    try:
        matrix = matrix_from_json(text)
    except MatrixError as err:
        assert str(err).startswith("stored matrix")
    else:
        assert matrix_from_json(matrix_to_json(matrix)) == matrix
