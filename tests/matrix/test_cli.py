from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from qa_audit.matrix import load_matrix, matrix_hash
from qa_audit.matrix.cli import matrix_group
from tests.matrix.conftest import MATRIX_DIR, SMALL_MATRIX


def run(*args: str):
    return CliRunner().invoke(matrix_group, ["check", *args])


def test_valid_files_exit_zero_with_a_summary() -> None:
    default = MATRIX_DIR / "default.toml"
    example = MATRIX_DIR / "examples" / "numeric-weighted.toml"
    result = run(str(default), str(example))
    assert result.exit_code == 0, result.output
    assert f"{default}: OK - EHC plan quality assurance matrix (id 'default')" in result.output
    assert "criteria: 11 in 4 domains, 4 key" in result.output
    assert (
        "scale: Outstanding / Good / Requires improvement / Inadequate; threshold: Good or better"
        in result.output
    )
    assert "quality_threshold (target 85%), advice_reflected (target 90%)" in result.output
    assert f"content hash: {matrix_hash(load_matrix(default))}" in result.output
    assert "criteria: 4 in 1 domain, 0 key" in result.output
    assert "judgement: weighted\n" in result.output
    assert (
        "judgement: auditor. The overall grade can be no better than the best criterion grade, "
        "and no better than Requires improvement when a key criterion is Inadequate.\n"
    ) in result.output


def test_invalid_file_exits_one_with_every_error(tmp_path: Path) -> None:
    bad = tmp_path / "area.toml"
    bad.write_text(
        SMALL_MATRIX.replace("target = 0.9", "target = 9").replace('["vague"]', '["fuzzy"]'),
        encoding="utf-8",
    )
    good = MATRIX_DIR / "default.toml"
    result = run(str(bad), str(good))
    assert result.exit_code == 1
    assert f"{bad}: INVALID" in result.stderr
    assert (
        f"  {bad}, line 28, criterion 'smart-outcomes': 'flags' has unknown value 'fuzzy'"
        in result.stderr
    )
    assert (
        f"  {bad}, line 51, measure 'advice_reflected': 'target' must be between 0 and 1"
        in result.stderr
    )
    assert f"{good}: OK" in result.stdout
    assert "Traceback" not in result.output


def test_syntax_error_and_missing_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('id = "x"\ntitle = \n', encoding="utf-8")
    result = run(str(broken), str(tmp_path / "absent.toml"))
    assert result.exit_code == 1
    assert (
        f"{broken}, line 2: the file is not valid TOML (Invalid value, column 9)" in result.stderr
    )
    assert f"{tmp_path / 'absent.toml'}: the matrix file does not exist" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_no_files_is_a_usage_error() -> None:
    result = run()
    assert result.exit_code == 2
    assert "Missing argument" in result.output
