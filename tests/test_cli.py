from click.testing import CliRunner
from sqlalchemy import func, select

from qa_audit.cli import main, plain_message
from qa_audit.extensions import db
from qa_audit.models import Analysis, Plan, PlanDocument, User


def test_create_user_makes_the_first_admin(runner):
    result = runner.invoke(
        args=[
            "create-user",
            "--email",
            "Head.Of.IT@Council.example.org",
            "--name",
            "IT Lead",
            "--password",
            "a-long-admin-password",
        ]
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User))
    assert (user.email, user.role) == ("head.of.it@council.example.org", "admin")


def test_create_user_refuses_a_short_password_plainly(runner):
    result = runner.invoke(
        args=["create-user", "--email", "a@example.org", "--name", "A", "--password", "short"]
    )
    assert result.exit_code == 1
    assert "Password must be at least 12 characters" in result.output
    assert "Traceback" not in result.output


def test_demo_loads_once_and_prints_logins(runner):
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    assert "lead@demo.example.org" in first.output
    counts = (
        db.session.scalar(select(func.count(User.id))),
        db.session.scalar(select(func.count(Plan.id))),
    )
    second = runner.invoke(args=["demo"])
    assert "already loaded" in second.output
    assert counts == (
        db.session.scalar(select(func.count(User.id))),
        db.session.scalar(select(func.count(Plan.id))),
    )
    assert counts[1] >= 100
    documents = db.session.scalars(select(PlanDocument)).all()
    assert len(documents) >= 30
    assert {d.file_type for d in documents} == {"docx", "pdf"}
    statuses = {a.status for a in db.session.scalars(select(Analysis))}
    assert statuses == {"done"}


def test_matrix_check_is_available_on_the_qa_audit_command(runner):
    result = runner.invoke(args=["matrix", "check", "matrix/default.toml"])
    assert result.exit_code == 0, result.output
    assert "default.toml" in result.output


def _settings(tmp_path, database_url=None) -> dict[str, str]:
    return {
        "DATABASE_URL": database_url or f"sqlite:///{tmp_path / 'never-migrated.sqlite3'}",
        "UPLOAD_FOLDER": str(tmp_path / "uploads"),
        "REPORT_FOLDER": str(tmp_path / "reports"),
        "SECRET_KEY": "a-test-secret-key-of-some-length",
    }


def _one_plain_sentence(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    [line] = result.output.strip().splitlines()
    return line


def test_report_on_a_never_migrated_database_says_to_upgrade(tmp_path):
    out = str(tmp_path / "report.pdf")
    result = CliRunner().invoke(
        main, ["report", "--term", "autumn-2025", "--out", out], env=_settings(tmp_path)
    )
    line = _one_plain_sentence(result)
    assert line == "Error: The database has not been set up yet: run 'qa-audit db upgrade' first."


def test_an_unreachable_database_is_one_sentence(tmp_path):
    settings = _settings(tmp_path, "postgresql+psycopg://nobody:none@127.0.0.1:1/none")
    result = CliRunner().invoke(
        main, ["report", "--term", "autumn-2025", "--out", str(tmp_path / "r.pdf")], env=settings
    )
    assert "check DATABASE_URL" in _one_plain_sentence(result)


def test_demo_sets_up_a_never_migrated_database_first(tmp_path):
    result = CliRunner().invoke(main, ["demo"], env=_settings(tmp_path))
    assert result.exit_code == 0, result.output
    assert "lead@demo.example.org" in result.output


def test_a_missing_corpus_is_one_sentence(tmp_path):
    result = CliRunner().invoke(main, ["eval", "--corpus", str(tmp_path)], env=_settings(tmp_path))
    assert "No corpus file" in _one_plain_sentence(result)


def test_other_failures_name_only_the_kind_of_error():
    assert plain_message(RuntimeError("T. Smith's plan")) == (
        "The command stopped on an unexpected error (RuntimeError)."
    )
    missing = FileNotFoundError(2, "No such file or directory", "/plans/a.docx")
    assert plain_message(missing) == "No such file or directory: /plans/a.docx."
