from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qa_audit.matrix import Matrix, load_matrix

MATRIX_DIR = Path(__file__).resolve().parents[2] / "matrix"

SMALL_MATRIX = """\
id = "small"
title = "Small test matrix"

[scale]

[[scale.grades]]
id = "good"
label = "Good"
meets_threshold = true

[[scale.grades]]
id = "weak"
label = "Weak"
meets_threshold = false

[judgement]
mode = "auditor"

[[domains]]
id = "outcomes"
title = "Outcomes"

[[criteria]]
id = "smart-outcomes"
title = "SMART outcomes"
domain = "outcomes"
sections = ["E"]
flags = ["vague"]
guidance = "Check each outcome."

[criteria.descriptors]
good = "Outcomes are SMART."
weak = "Outcomes are vague."

[[criteria]]
id = "advice-reflected"
title = "Advice reflected"
domain = "outcomes"
sections = ["K"]
guidance = \"\"\"
Compare [each] report
id = "not-a-key" with needs.\"\"\"

[criteria.descriptors]
good = "All advice is reflected."
weak = "Advice is missing."

[[measures]]
id = "advice_reflected"
title = "Plans reflecting advice"
target = 0.9
amber_from = 0.8
criteria = ["advice-reflected"]
"""
"""A valid matrix small enough that tests can name its lines."""


def field_paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path of keys and list indexes into ``value``, the empty path to itself first, so
    a test can pick a field of a matrix's data to damage."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += field_paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += field_paths(item, (*prefix, index))
    return found


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """1-based line number of the ``occurrence``-th line containing ``fragment``."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if fragment in line]
    return hits[occurrence - 1]


@pytest.fixture(scope="session")
def default_matrix() -> Matrix:
    return load_matrix(MATRIX_DIR / "default.toml")


@pytest.fixture(scope="session")
def key_criteria_matrix() -> Matrix:
    return load_matrix(MATRIX_DIR / "examples" / "met-partly-met-key-criteria.toml")


@pytest.fixture(scope="session")
def weighted_matrix() -> Matrix:
    return load_matrix(MATRIX_DIR / "examples" / "numeric-weighted.toml")
