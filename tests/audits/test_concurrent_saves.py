"""Two windows saving the same audit at the same moment, each request in its own thread with
its own database session, as under a threaded server: one save wins, the other is answered
with the conflict page (409) and overwrites nothing, whichever way the race runs (the revision
already moved on when it was read, or the row changed between its read and its write)."""

from __future__ import annotations

import threading

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import AccessLog, Audit
from tests.factories import csrf_token_from, login


def test_simultaneous_saves_keep_one_and_refuse_the_other(app, world):
    page = f"/audits/{world.audit.id}"
    windows = [app.test_client() for _ in range(2)]
    tokens = []
    for window in windows:
        login(window, world.auditor)
        tokens.append(csrf_token_from(window, page))
    start = threading.Barrier(len(windows))
    answers: dict[str, int] = {}

    def save(window, token: str, summary: str) -> None:
        start.wait()
        data = {"csrf_token": token, "revision": "1", "action": "save", "summary": summary}
        answers[summary] = window.post(page, data=data).status_code

    threads = [
        threading.Thread(target=save, args=(window, token, f"From window {number}"))
        for number, (window, token) in enumerate(zip(windows, tokens, strict=True))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(answers.values()) == [302, 409]
    (winner,) = [summary for summary, status in answers.items() if status == 302]
    db.session.rollback()
    stored = db.session.scalars(select(Audit)).one()
    db.session.refresh(stored)
    assert (stored.summary, stored.revision) == (winner, 2)
    saves = db.session.scalars(select(AccessLog).where(AccessLog.action == "save_draft")).all()
    assert len(saves) == 1
