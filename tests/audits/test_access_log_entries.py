"""Saving and submitting an audit are written to the access log, by audit id and the plan's
reference; automatic saves are noted once, then at most once per audit every 15 minutes."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import AccessLog
from qa_audit.models._base import utcnow
from tests.audits.helpers import complete_answers, default_matrix, post_form
from tests.factories import csrf_token_from, login


def _entries(action: str) -> list[AccessLog]:
    db.session.expire_all()
    return list(db.session.scalars(select(AccessLog).where(AccessLog.action == action)))


def test_saving_a_draft_and_submitting_are_logged_with_the_plan_reference(
    client, world, matrix_dir
):
    login(client, world.auditor)
    answers = complete_answers(default_matrix(matrix_dir))
    assert post_form(client, world.audit, answers, "save").status_code == 302
    assert post_form(client, world.audit, answers, "submit").status_code == 302
    for action in ("save_draft", "submit_audit"):
        (entry,) = _entries(action)
        assert (entry.user_id, entry.object_type, entry.object_id) == (
            world.auditor.id,
            "audit",
            world.audit.id,
        )
        assert entry.plan_reference == "EHCP-T-RAVI"


def test_automatic_saves_are_logged_once_then_every_fifteen_minutes(client, world):
    login(client, world.auditor)
    token = csrf_token_from(client, f"/audits/{world.audit.id}")

    def autosave(text: str) -> None:
        db.session.refresh(world.audit)
        data = {"csrf_token": token, "revision": str(world.audit.revision), "summary": text}
        assert client.post(f"/audits/{world.audit.id}/draft", data=data).status_code == 200

    for text in ("T", "Ty", "Typ"):
        autosave(text)
    (first,) = _entries("save_draft")
    assert first.plan_reference == "EHCP-T-RAVI"
    first.at = utcnow() - timedelta(minutes=16)
    db.session.commit()
    autosave("Typed")
    assert len(_entries("save_draft")) == 2


def test_a_form_sent_back_or_a_stale_save_logs_the_view_and_saves_nothing(client, world):
    """The scoring page shown again (422, 409) shows the plan, so its view is logged; the
    answers are not saved, and no save is logged."""
    login(client, world.auditor)

    def views_logged_by(post) -> tuple[int, int]:
        token = csrf_token_from(client, f"/audits/{world.audit.id}")
        before = len(_entries("view_audit")), len(_entries("view_plan"))
        assert post(token) in (409, 422)
        return len(_entries("view_audit")) - before[0], len(_entries("view_plan")) - before[1]

    def save(summary: str, revision: int):
        return lambda token: (
            client.post(
                f"/audits/{world.audit.id}",
                data={"csrf_token": token, "revision": revision, "summary": summary},
            ).status_code
        )

    assert views_logged_by(save("x" * 20_000, 1)) == (1, 1)
    assert views_logged_by(save("From a stale window", 0)) == (1, 0)
    assert _entries("save_draft") == []
    db.session.refresh(world.audit)
    assert (world.audit.summary, world.audit.revision) == (None, 1)
