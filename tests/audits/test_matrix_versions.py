"""Matrix versions: stored on first use, new on change, kept by old audits, robust to a broken
file; and the administrators' matrices page."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from qa_audit.errors import MatrixError
from qa_audit.extensions import db
from qa_audit.matrix import matrix_hash
from qa_audit.matrix.versions import active_matrix_version, matrix_of
from qa_audit.models import AuditScore, MatrixVersion
from tests.audits.helpers import complete_answers, default_matrix, post_form
from tests.factories import login

RETITLED = ('title = "EHC plan quality assurance matrix"', 'title = "EHC plan QA matrix, 2026"')
BROKEN = ('\nmode = "auditor"', '\nmode = "guesswork"')


def _versions() -> int:
    return db.session.scalar(select(func.count(MatrixVersion.id)))


def _edit(matrix_dir, old: str, new: str) -> None:
    path = matrix_dir / "default.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_version_is_stored_on_first_use_and_only_once(app):
    version, matrix = active_matrix_version()
    again, _ = active_matrix_version()
    assert again.id == version.id and _versions() == 1
    assert version.content_hash == matrix_hash(matrix)
    assert matrix_of(version) == matrix


def test_editing_the_file_makes_a_new_version(app, matrix_dir):
    first, _ = active_matrix_version()
    _edit(matrix_dir, *RETITLED)
    second, matrix = active_matrix_version()
    assert second.id != first.id and _versions() == 2
    assert matrix.title == "EHC plan QA matrix, 2026"


def test_old_audits_keep_their_version_judgement_and_scores(client, world, matrix_dir):
    login(client, world.auditor)
    answers = complete_answers(default_matrix(matrix_dir), "good")
    post_form(client, world.audit, answers, "submit")
    db.session.refresh(world.audit)
    before = (world.audit.matrix_version_id, world.audit.overall_grade, world.audit.measures)
    scores_before = sorted(db.session.execute(select(AuditScore.criterion_id, AuditScore.grade)))

    # A new criterion and a changed grade label in the file: a new version for new audits only.
    _edit(matrix_dir, 'label = "Good"', 'label = "Secure"')
    page = client.get(f"/audits/{world.audit.id}").get_data(as_text=True)
    db.session.expire_all()
    audit = db.session.get(type(world.audit), world.audit.id)
    assert (audit.matrix_version_id, audit.overall_grade, audit.measures) == before
    assert sorted(db.session.execute(select(AuditScore.criterion_id, AuditScore.grade))) == (
        scores_before
    )
    assert "Plan judgement" in page and ">\n      Good\n" in page.replace("  ", "  ")
    assert "Secure" not in page
    new_version, _ = active_matrix_version()
    assert new_version.id != audit.matrix_version_id


def test_broken_file_keeps_the_last_good_version(app, matrix_dir, caplog):
    good, _ = active_matrix_version()
    db.session.commit()
    _edit(matrix_dir, *BROKEN)
    version, matrix = active_matrix_version()
    assert version.id == good.id and matrix.title == "EHC plan quality assurance matrix"
    assert "keeping the last good version" in caplog.text


def test_broken_file_with_nothing_stored_is_a_plain_error(app, matrix_dir):
    _edit(matrix_dir, *BROKEN)
    with pytest.raises(MatrixError, match="no earlier version is stored"):
        active_matrix_version()


def test_matrices_page_lists_files_versions_and_problems(app, client, make, matrix_dir, world):
    login(client, world.auditor)
    post_form(client, world.audit, {"summary": "Started"}, "draft")
    _edit(matrix_dir, *BROKEN)
    (matrix_dir / "other.toml").write_text('id = "other"\n')
    admin = app.test_client()
    login(admin, make.user("admin"))
    page = admin.get("/admin/matrices/").get_data(as_text=True)
    assert "default.toml" in page and "Has problems" in page and "Active" in page
    lines = (matrix_dir / "default.toml").read_text().splitlines()
    line = lines.index('mode = "guesswork"') + 1
    assert f"default.toml, line {line}, judgement: mode &#39;guesswork&#39; is not known" in page
    assert "other.toml: &#39;title&#39; is missing" in page
    assert "New audits use the last good version" in page
    version = db.session.scalar(select(MatrixVersion))
    assert version.content_hash[:12] in page
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">1</td>' in page


def test_matrices_page_is_for_admins_and_qa_leads(app, make):
    for role, status in (("auditor", 403), ("sen_manager", 403), ("qa_lead", 200)):
        client = app.test_client()
        login(client, make.user(role))
        assert client.get("/admin/matrices/").status_code == status
