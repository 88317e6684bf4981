"""Advice matrices: the shipped one, a matrix's kind checked with file and line, and a plan
matrix never used to score advice (nor the reverse)."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from qa_audit.errors import MatrixError
from qa_audit.matrix import load_matrix, matrix_from_json, matrix_hash, matrix_to_json, parse_matrix
from qa_audit.matrix.cli import matrix_group
from qa_audit.matrix.kinds import require_kind
from qa_audit.matrix.serialise import matrix_to_dict
from qa_audit.matrix.versions import active_matrix_version
from tests.advice_quality.conftest import ADVICE_MATRIX, advice_matrix
from tests.factories import login
from tests.matrix.conftest import MATRIX_DIR, line_of


def errors_for(text: str) -> list[str]:
    with pytest.raises(MatrixError) as caught:
        parse_matrix(text, "matrix/advice/area.toml")
    return str(caught.value).splitlines()


def advice_text() -> str:
    return ADVICE_MATRIX.read_text(encoding="utf-8")


def test_the_shipped_advice_matrix_scores_advice() -> None:
    matrix = advice_matrix()
    assert matrix.kind == "advice"
    assert [c.id for c in matrix.criteria] == [
        "specific",
        "quantified",
        "outcome-focused",
        "clear-for-family",
        "evidence-based",
        "on-time",
    ]
    assert [g.label for g in matrix.scale.grades] == ["Met", "Partly met", "Not met"]
    threshold = matrix.measure("quality_threshold")
    assert threshold.title == "Advice meeting the quality threshold" and threshold.target == 0.8
    assert matrix.criterion("on-time").flags == ("advice_late",)
    assert all(c.sections == () for c in matrix.criteria)


def test_a_plan_matrix_is_still_a_plan_matrix_and_keeps_its_hash() -> None:
    plan = load_matrix(MATRIX_DIR / "default.toml")
    assert plan.kind == "plan"
    assert "kind" not in matrix_to_dict(plan)  # versions stored before kinds existed match
    assert matrix_hash(matrix_from_json(matrix_to_json(plan))) == matrix_hash(plan)


def test_an_advice_matrix_survives_being_stored() -> None:
    matrix = advice_matrix()
    again = matrix_from_json(matrix_to_json(matrix))
    assert again == matrix and again.kind == "advice"


def test_an_unknown_kind_is_named_with_its_line() -> None:
    text = advice_text().replace('kind = "advice"\n', 'kind = "advise"\n')
    line = line_of(text, 'kind = "advise"')
    assert errors_for(text) == [
        f"matrix/advice/area.toml, line {line}: kind 'advise' is not known "
        '(use "plan" to score EHC plans or "advice" to score professional advice)'
    ]


def test_plan_sections_and_plan_kinds_are_refused_in_an_advice_matrix() -> None:
    text = (
        advice_text()
        .replace('id = "specific"\n', 'id = "specific"\nsections = ["B"]\n')
        .replace('source = "judgement"\n', 'source = "judgement"\napplies_to = ["new"]\n')
    )
    assert errors_for(text) == [
        f"matrix/advice/area.toml, line {line_of(text, 'sections = ')}, criterion 'specific': "
        "'sections' names parts of a plan, but this matrix scores professional advice: remove it",
        f"matrix/advice/area.toml, line {line_of(text, 'applies_to = ')}, measure "
        "'quality_threshold': 'applies_to' names kinds of plan, but this matrix scores "
        "professional advice: remove it",
    ]


def test_an_advice_matrix_may_only_use_advice_hints() -> None:
    text = advice_text().replace('flags = ["advice_late"]', 'flags = ["golden_thread"]')
    [error] = errors_for(text)
    assert error.startswith(
        f"matrix/advice/area.toml, line {line_of(text, 'golden_thread')}, criterion 'on-time': "
        "'flags' has unknown value 'golden_thread' (allowed: provision_not_quantified, "
        "advice_late, long_sentence, hard_to_read, jargon)"
    )


def test_a_plan_matrix_is_refused_for_advice_and_the_reverse() -> None:
    plan = load_matrix(MATRIX_DIR / "default.toml")
    with pytest.raises(
        MatrixError, match="scores EHC plans, so it cannot be used to score professional advice"
    ):
        require_kind(plan, "advice")
    with pytest.raises(
        MatrixError, match="scores professional advice, so it cannot be used to score EHC plans"
    ):
        require_kind(advice_matrix(), "plan")


def test_the_active_advice_matrix_must_be_an_advice_matrix(app, app_config, tmp_path) -> None:
    folder = tmp_path / "matrices"
    (folder / "advice").mkdir(parents=True)
    shutil.copy(MATRIX_DIR / "default.toml", folder / "advice" / "default.toml")
    shutil.copy(ADVICE_MATRIX, folder / "default.toml")
    app.config["MATRIX_DIR"] = str(folder)
    for kind, scores in (("advice", "EHC plans"), ("plan", "professional advice")):
        with pytest.raises(MatrixError, match=f"scores {scores}, so it cannot be used"):
            active_matrix_version(kind)


def test_matrix_check_reads_an_advice_matrix() -> None:
    result = CliRunner().invoke(matrix_group, ["check", str(ADVICE_MATRIX)])
    assert result.exit_code == 0, result.output
    assert "OK - Professional advice quality matrix (id 'advice')" in result.output
    assert "scores: professional advice" in result.output
    assert "measures: quality_threshold (target 80%), on_time (target 100%)" in result.output


def test_the_scoring_page_refuses_a_plan_matrix_in_plain_words(app, client, sampled, tmp_path):
    folder = tmp_path / "matrices"
    (folder / "advice").mkdir(parents=True)
    shutil.copy(MATRIX_DIR / "default.toml", folder / "advice" / "default.toml")
    app.config["MATRIX_DIR"] = str(folder)
    [audit] = sampled.audits
    login(client, audit.auditor)
    response = client.get(f"/advice-quality/{audit.id}")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "scores EHC plans, so it cannot be used to score professional advice" in page
    assert "Traceback" not in page
