from __future__ import annotations

import json

import pytest

from qa_audit.errors import MatrixError
from qa_audit.matrix import (
    Matrix,
    load_matrices,
    load_matrix,
    matrix_from_json,
    matrix_hash,
    matrix_to_json,
    parse_matrix,
)
from tests.matrix.conftest import MATRIX_DIR, SMALL_MATRIX


def test_default_matrix_has_the_usual_criteria_in_domain_order(default_matrix: Matrix) -> None:
    assert default_matrix.id == "default"
    assert [d.title for d in default_matrix.domains] == [
        "Golden thread and outcomes",
        "Provision",
        "Advice and co-production",
        "Compliance and clarity",
    ]
    ids = [c.id for c in default_matrix.criteria]
    assert ids[0] == "golden-thread"
    assert {"smart-outcomes", "advice-reflected", "current-template", "up-to-date"} <= set(ids)
    assert len(ids) == 11
    assert default_matrix.judgement.mode == "auditor"
    assert default_matrix.scale.threshold_label == "Good or better"


def test_default_matrix_targets_come_from_the_file(default_matrix: Matrix) -> None:
    targets = {m.id: m.target for m in default_matrix.measures}
    assert targets == {
        "quality_threshold": 0.85,
        "amended_quality_threshold": 0.85,
        "advice_reflected": 0.90,
        "current_template": 1.0,
    }
    assert default_matrix.measure("amended_quality_threshold").applies_to == (
        "amended",
        "phase_transfer",
    )
    assert default_matrix.measure("advice_reflected").criteria == ("advice-reflected",)
    assert default_matrix.measure("quality_threshold").source == "judgement"


def test_every_criterion_has_a_descriptor_per_grade(default_matrix: Matrix) -> None:
    grade_ids = [g.id for g in default_matrix.scale.grades]
    for criterion in default_matrix.criteria:
        assert [grade for grade, _ in criterion.descriptors] == grade_ids
        assert criterion.descriptor("good")


def test_helpers(default_matrix: Matrix) -> None:
    assert default_matrix.criterion("smart-outcomes").title == "SMART outcomes"
    assert default_matrix.grade("requires-improvement").label == "Requires improvement"
    assert default_matrix.meets_threshold("good")
    assert not default_matrix.meets_threshold("requires-improvement")
    with pytest.raises(KeyError):
        default_matrix.criterion("no-such-criterion")


@pytest.mark.parametrize("path", sorted((MATRIX_DIR / "examples").glob("*.toml")), ids=str)
def test_example_matrices_load(path) -> None:
    matrix = load_matrix(path)
    assert matrix.criteria
    assert matrix_from_json(matrix_to_json(matrix)) == matrix


def test_example_scales(key_criteria_matrix: Matrix, weighted_matrix: Matrix) -> None:
    assert key_criteria_matrix.scale.threshold_label == "Met"
    assert key_criteria_matrix.judgement.mode == "key_criteria"
    assert weighted_matrix.scale.threshold_label == "3 - Secure or better"
    assert weighted_matrix.judgement.threshold == 2.75
    assert weighted_matrix.criterion("smart-outcomes").weight == 3.0


def test_json_round_trip_keeps_everything(default_matrix: Matrix) -> None:
    stored = matrix_to_json(default_matrix)
    again = matrix_from_json(stored)
    assert again == default_matrix
    assert matrix_hash(again) == matrix_hash(default_matrix)
    assert matrix_to_json(again) == stored


def test_from_json_validates_like_a_file(default_matrix: Matrix) -> None:
    data = json.loads(matrix_to_json(default_matrix))
    data["measures"][0]["target"] = 85
    with pytest.raises(MatrixError, match="stored matrix, measure 'quality_threshold': 'target'"):
        matrix_from_json(json.dumps(data))
    with pytest.raises(MatrixError, match="not valid JSON"):
        matrix_from_json("{")


def test_hash_ignores_comments_and_layout() -> None:
    original = parse_matrix(SMALL_MATRIX, "small.toml")
    reformatted = "# A comment at the top\n\n" + SMALL_MATRIX.replace(
        "target = 0.9\n", "target   =   0.90   # ninety per cent\n\n"
    )
    assert reformatted != SMALL_MATRIX
    assert matrix_hash(parse_matrix(reformatted, "small.toml")) == matrix_hash(original)


def test_hash_ignores_spelling_out_defaults() -> None:
    explicit = SMALL_MATRIX.replace(
        'flags = ["vague"]', 'flags = ["vague"]\nkey = false\nweight = 1'
    )
    assert matrix_hash(parse_matrix(explicit, "small.toml")) == matrix_hash(
        parse_matrix(SMALL_MATRIX, "small.toml")
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("target = 0.9", "target = 0.95"),
        ('good = "Outcomes are SMART."', 'good = "Outcomes are SMART and current."'),
        ('flags = ["vague"]', 'flags = ["vague", "not_measurable"]'),
        ('title = "Outcomes"', 'title = "Outcomes and aspirations"'),
    ],
)
def test_hash_changes_with_content(old: str, new: str) -> None:
    assert old in SMALL_MATRIX
    changed = parse_matrix(SMALL_MATRIX.replace(old, new), "small.toml")
    assert matrix_hash(changed) != matrix_hash(parse_matrix(SMALL_MATRIX, "small.toml"))


def test_matrix_is_immutable(default_matrix: Matrix) -> None:
    with pytest.raises(AttributeError):
        default_matrix.id = "other"  # type: ignore[misc]


def test_missing_file_is_a_matrix_error(tmp_path) -> None:
    with pytest.raises(MatrixError, match="does not exist"):
        load_matrix(tmp_path / "absent.toml")


def test_load_matrices_from_a_folder() -> None:
    assert set(load_matrices(MATRIX_DIR / "examples")) == {"met-partly-met", "numeric-weighted"}
    assert list(load_matrices(MATRIX_DIR)) == ["default"]


def test_load_matrices_reports_every_file(tmp_path) -> None:
    (tmp_path / "a.toml").write_text(SMALL_MATRIX, encoding="utf-8")
    (tmp_path / "b.toml").write_text(SMALL_MATRIX, encoding="utf-8")
    (tmp_path / "c.toml").write_text("id = ", encoding="utf-8")
    with pytest.raises(MatrixError) as caught:
        load_matrices(tmp_path)
    lines = str(caught.value).splitlines()
    assert lines[0] == f"{tmp_path / 'b.toml'}: matrix id 'small' is already used by another file"
    assert lines[1].startswith(f"{tmp_path / 'c.toml'}, line 1: the file is not valid TOML")
