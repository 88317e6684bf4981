"""Large terms: report files built in the background, waited for on a page that refreshes."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from qa_audit.extensions import db
from qa_audit.models import ReportBuild
from qa_audit.reports.builds import request_build, run_build
from tests.factories import login
from tests.reports.demo_term import build_demo_term
from tests.services import free_port

DOWNLOAD = "/reports/download?term=autumn-2025&format={}"


@pytest.fixture
def lead_client(app, client, make):
    lead = make.user("qa_lead")
    login(client, lead)
    return client, lead


def _follow(client, response):
    assert response.status_code == 302
    return response.headers["Location"]


def test_small_terms_download_at_once(app, world, lead_client):
    client, _ = lead_client
    build_demo_term(world)
    response = client.get(DOWNLOAD.format("csv"))
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert db.session.query(ReportBuild).count() == 0


def test_large_term_is_built_in_a_background_thread(app, world, lead_client):
    client, _ = lead_client
    build_demo_term(world)
    app.config.update(REPORT_BACKGROUND_ABOVE=5, ANALYSIS_QUEUE="thread")
    page_url = _follow(client, client.get(DOWNLOAD.format("pdf")))
    deadline = time.monotonic() + 60
    while True:
        db.session.rollback()  # the test's session outlives requests: see the thread's commits
        page = client.get(page_url).get_data(as_text=True)
        if 'id="build-download"' in page or time.monotonic() > deadline:
            break
        assert 'http-equiv="refresh"' in page  # still waiting: the page checks again
        time.sleep(0.2)
    assert "Your report is ready" in page
    build = db.session.query(ReportBuild).one()
    with client.get(f"/reports/builds/{build.id}/file") as response:
        assert response.status_code == 200 and response.data.startswith(b"%PDF")
        assert "filename=qa-report-autumn-2025.pdf" in response.headers["Content-Disposition"]


def test_asking_twice_while_waiting_reuses_the_build(app, world, make):
    app.config.update(REPORT_BACKGROUND_ABOVE=0, ANALYSIS_QUEUE="rq", REDIS_URL="")
    lead = make.user("qa_lead")
    queued = ReportBuild(term_id="autumn-2025", fmt="xlsx", status="queued", requested_by=lead.id)
    db.session.add(queued)
    db.session.commit()
    assert request_build("autumn-2025", "xlsx", lead).id == queued.id  # nothing new enqueued


def test_a_failed_or_stalled_build_says_so_and_can_be_tried_again(app, world, lead_client):
    client, lead = lead_client
    broken = ReportBuild(term_id="no-such-term", fmt="pdf", status="queued", requested_by=lead.id)
    stalled = ReportBuild(
        term_id="autumn-2025",
        fmt="pdf",
        status="running",
        requested_by=lead.id,
        created_at=datetime.now(UTC) - timedelta(hours=1),
    )
    db.session.add_all([broken, stalled])
    db.session.commit()
    run_build(broken.id)
    assert broken.status == "failed"
    for build in (broken, stalled):
        page = client.get(f"/reports/builds/{build.id}").get_data(as_text=True)
        assert "The report could not be built" in page and "Try again" in page
        assert "Traceback" not in page and 'http-equiv="refresh"' not in page
        assert client.get(f"/reports/builds/{build.id}/file").status_code == 302
    app.config.update(REPORT_BACKGROUND_ABOVE=0)  # inline queue: built at once
    fresh = request_build("autumn-2025", "pdf", lead)
    assert fresh.id != stalled.id and fresh.status == "done"


def test_a_build_that_cannot_reach_the_queue_says_so(app, world, make):
    app.config.update(
        REPORT_BACKGROUND_ABOVE=0,
        ANALYSIS_QUEUE="rq",
        REDIS_URL=f"redis://127.0.0.1:{free_port()}/0",  # nothing listens there
    )
    build = request_build("autumn-2025", "pdf", make.user("qa_lead"))
    assert build.status == "failed" and "background queue cannot be reached" in build.error
