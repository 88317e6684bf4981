"""``qa-audit analyse --json`` is a contract other tools rely on (DESIGN.md, README)."""

import json

from click.testing import CliRunner

from qa_audit.analysis.cli import analyse_command
from qa_audit.synthetic import generate_plan
from tests.bad_files import bad_files

SECTION_KEYS = {"A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"}


def _run(*args):
    return CliRunner().invoke(analyse_command, list(args))


def test_json_for_good_files_follows_the_contract(tmp_path):
    paths = []
    for seed, layout, fmt in [(1, "headed", "docx"), (2, "conversion", "pdf")]:
        generated = generate_plan(seed, layout, fmt)
        path = tmp_path / generated.filename
        path.write_bytes(generated.data)
        paths.append(str(path))
    result = _run("--json", *paths)
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)
    assert [item["file"] for item in items] == paths
    for item in items:
        assert item["ok"] is True and item["error"] is None
        assert item["template"]["kind"] in {"current", "conversion", "unknown"}
        assert isinstance(item["template"]["evidence"], list)
        assert set(item["sections"]) == SECTION_KEYS
        assert all(isinstance(found, bool) for found in item["sections"].values())
        for outcome in item["outcomes"]:
            assert {"text", "weak", "flags", "need", "provision"} <= set(outcome)
            assert all({"code", "message"} <= set(flag) for flag in outcome["flags"])
        for provision in item["provision"]:
            assert {"text", "flags"} <= set(provision)
        assert isinstance(item["advice"], list) and isinstance(item["summary"], dict)
        assert set(item["readability"]) == {"A", "E"}
        for part in item["readability"].values():
            assert {"reading_ease", "grade", "long_sentences", "terms", "flags"} <= set(part)
        assert item["readability"]["E"]["present"] is True
        assert item["readability"]["E"]["sentences"] >= len(item["outcomes"])
    assert items[1]["template"]["kind"] == "conversion"


def test_a_bad_file_is_reported_and_the_exit_code_is_1(tmp_path):
    good = generate_plan(3, "headed")
    (tmp_path / "good.docx").write_bytes(good.data)
    data, filename, fragment = bad_files()["encrypted_office"]
    (tmp_path / filename).write_bytes(data)
    result = _run("--json", str(tmp_path / "good.docx"), str(tmp_path / filename))
    assert result.exit_code == 1
    items = json.loads(result.output)
    assert items[0]["ok"] is True
    assert items[1]["ok"] is False and fragment in items[1]["error"]
    assert "Traceback" not in result.output


def test_usage_errors_exit_2():
    assert _run().exit_code == 2
    assert _run("--no-such-option", "x.docx").exit_code == 2


def test_human_readable_summary(tmp_path):
    generated = generate_plan(4, "area_tables")
    path = tmp_path / "plan.docx"
    path.write_bytes(generated.data)
    result = _run(str(path))
    assert result.exit_code == 0
    assert "outcomes weak" in result.output


def test_reading_says_how_sure_it_is_and_turns_away_documents_that_are_not_plans(tmp_path):
    from qa_audit.synthetic.not_plans import generate_not_plan

    plan = generate_plan(4, "numbered_sections", "docx")
    (tmp_path / "plan.docx").write_bytes(plan.data)
    (tmp_path / "advice.docx").write_bytes(generate_not_plan(4, "advice_form"))
    (tmp_path / "blank.pdf").write_bytes(generate_not_plan(4, "blank_template", "pdf"))
    result = _run("--json", *(str(tmp_path / n) for n in ("plan.docx", "advice.docx", "blank.pdf")))
    assert result.exit_code == 0, result.output
    plan_item, advice, blank = json.loads(result.output)
    reading = plan_item["reading"]
    assert reading["status"] == "plan" and reading["message"] is None
    assert reading["sections"] == {key: "found" for key in SECTION_KEYS}
    assert reading["outcomes"] == "found" and reading["confidence"] in {"high", "medium"}
    assert any("guidance" in note for note in reading["notes"])
    for item, status in ((advice, "not_a_plan"), (blank, "not_filled_in")):
        assert item["reading"]["status"] == status
        assert "plan" in item["reading"]["message"]
        assert item["reading"]["outcomes"] == "not found"
        assert set(item["reading"]["sections"].values()) == {"not found"}
        assert item["outcomes"] == [] and not any(item["sections"].values())
        assert item["advice"] == [] and item["summary"]["flag_counts"] == {}
    text = _run(str(tmp_path / "advice.docx")).output
    assert "NOT READ AS A PLAN" in text and "advice" in text
