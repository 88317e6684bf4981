from sqlalchemy import func, select

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
