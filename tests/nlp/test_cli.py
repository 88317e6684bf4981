import json

from click.testing import CliRunner

from qa_audit.nlp.cli import check_outcomes, eval_command

STATEMENTS = (
    "By July 2027, Ana will read 40 words on sight in 4 out of 5 checks.\n"
    "\n"
    "Ana will receive weekly speech and language therapy.\n"
    "By July 2024, Ana will count to 20 independently.\n"
)


def test_check_outcomes_writes_one_json_object_per_line():
    result = CliRunner().invoke(
        check_outcomes, ["--reference-date", "2026-01-15"], input=STATEMENTS
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [row["weak"] for row in rows] == [False, True, True]
    assert rows[0] == {
        "text": "By July 2027, Ana will read 40 words on sight in 4 out of 5 checks.",
        "weak": False,
        "flags": [],
    }
    assert "provision_not_outcome" in {f["code"] for f in rows[1]["flags"]}
    assert [f["code"] for f in rows[2]["flags"]] == ["outdated"]
    assert all({"code", "message"} <= set(f) for row in rows for f in row["flags"])


def test_reference_date_decides_outdated():
    result = CliRunner().invoke(
        check_outcomes,
        ["--reference-date", "2024-06-01"],
        input="By July 2024, Ana will count to 20 independently.\n",
    )
    assert json.loads(result.output)["weak"] is False


def test_bad_reference_date_is_a_usage_error():
    result = CliRunner().invoke(check_outcomes, ["--reference-date", "15/01/2026"], input="x\n")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_eval_prints_a_table():
    result = CliRunner().invoke(eval_command, ["--split", "dev"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Pre-flag accuracy on the 'dev' split"
    labels = [line.split()[0] for line in lines[2:-1]]
    assert labels == [
        "weak",
        "vague",
        "not_measurable",
        "not_time_bound",
        "provision_not_outcome",
        "outdated",
        "provision_not_quantified",
    ]
    assert lines[-1].startswith("Good outcomes flagged provision_not_outcome:")


def test_eval_rejects_unknown_split():
    assert CliRunner().invoke(eval_command, ["--split", "train"]).exit_code == 2
