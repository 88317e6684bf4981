"""The server is killed (SIGKILL, master and workers) in the middle of uploads: while the bodies
stream in, while a batch is being imported, and after a file is stored but before its record
is committed. On restart everything committed before is intact, a half-imported file is either
complete or absent, and the app serves normally."""

from __future__ import annotations

import hashlib

import pytest

from tests.app_processes import wait_for
from tests.faults.client import form_token, send_form, signed_in
from tests.faults.plan_files import plan_files
from tests.faults.stored_state import (
    assert_storage_matches_records,
    count_documents,
    stored_files,
    writes_blocked,
)

pytestmark = pytest.mark.slow


def test_kill_while_uploads_stream_in_and_while_a_batch_is_imported(app, make, serve, start_up):
    folder = app.config["UPLOAD_FOLDER"]
    manager = make.user("sen_manager", team="North")
    make.document(make.plan(team="North"), seed=1)
    before = assert_storage_matches_records(folder)
    files = plan_files(8)

    server = serve(workers=2)
    browser = signed_in(server, manager.email)
    single = [
        ("csrf_token", form_token(browser, f"{server.url}/plans/upload")),
        ("reference", "EHCP-KILLED-0001"),
        ("kind", "new"),
        ("document", files[0]),
    ]
    batch = [("csrf_token", form_token(browser, f"{server.url}/plans/upload/batch"))]
    batch += [("documents", file) for file in files[1:4]]
    streams = [
        send_form(server, browser, "/plans/upload", single, share=0.5),
        send_form(server, browser, "/plans/upload/batch", batch, share=0.5),
    ]
    server.kill()
    for stream in streams:
        stream.close()
    start_up()
    server = serve()
    assert assert_storage_matches_records(folder) == before

    browser = signed_in(server, manager.email)
    batch = [("csrf_token", form_token(browser, f"{server.url}/plans/upload/batch"))]
    batch += [("documents", file) for file in files]
    stream = send_form(server, browser, "/plans/upload/batch", batch)
    wait_for(lambda: count_documents() > len(before), 60, "the batch's first file")
    server.kill()
    stream.close()
    start_up()
    server = serve()
    after = assert_storage_matches_records(folder)
    assert {key: after[key] for key in before} == before
    imported = after.keys() - before.keys()
    assert 1 <= len(imported) < len(files), "the kill did not land inside the batch"

    browser = signed_in(server, manager.email)
    batch = [("csrf_token", form_token(browser, f"{server.url}/plans/upload/batch"))]
    batch += [("documents", file) for file in files]
    page = browser.post(f"{server.url}/plans/upload/batch", files=batch[1:], data=dict(batch[:1]))
    assert page.status_code == 200
    expected = f"{len(imported)} already here, 0 not imported"
    assert f"{len(files) - len(imported)} imported, {expected}" in page.text
    assert len(assert_storage_matches_records(folder)) == len(before) + len(files)


def test_kill_after_the_file_is_stored_and_before_its_record_is_committed(
    app, make, serve, start_up, database_url
):
    folder = app.config["UPLOAD_FOLDER"]
    manager = make.user("sen_manager", team="North")
    plan = make.plan(team="North")
    make.document(plan, seed=2)
    before = assert_storage_matches_records(folder)
    known = stored_files(folder)
    new_version = plan_files(1)[0]
    sha256 = hashlib.sha256(new_version[1]).hexdigest()

    def stored_as(name: str) -> list[str]:
        return [path for path in stored_files(folder) if name in path]

    server = serve()
    browser = signed_in(server, manager.email)
    fields = [
        ("csrf_token", form_token(browser, f"{server.url}/plans/{plan.id}")),
        ("document", new_version),
    ]
    # A new version of an existing plan writes nothing before its file is stored, so even on
    # SQLite, where the lock covers the whole database, the server stops just after storing.
    with writes_blocked(database_url, "plan_documents"):
        stream = send_form(server, browser, f"/plans/{plan.id}/documents", fields)
        wait_for(lambda: stored_as(sha256), 60, "the new version's file, named by its hash")
        server.kill()
    stream.close()
    assert stored_files(folder) - known == set(stored_as(sha256))  # whole, not yet recorded

    start_up()
    server = serve()
    assert assert_storage_matches_records(folder) == before
    browser = signed_in(server, manager.email)
    fields[0] = ("csrf_token", form_token(browser, f"{server.url}/plans/{plan.id}"))
    response = browser.post(
        f"{server.url}/plans/{plan.id}/documents", files=fields[1:], data=dict(fields[:1])
    )
    assert response.status_code == 200 and f"Stored as version 2 of {plan.reference}" in (
        response.text
    )
    assert len(assert_storage_matches_records(folder)) == len(before) + 1
