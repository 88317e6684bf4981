"""Simulated users, each a browser-like HTTP client following the pages a person would use.

Redirects are followed by hand, as separate timed requests, so each operation's latency is the
server's answer to that operation alone. Any unexpected answer is recorded as an error and ends
that user's session (a person would stop and report it too).
"""

from __future__ import annotations

import html
import random
import re
import time
from dataclasses import dataclass

import httpx

from benchmarks.load.stats import Recorder, RequestFailed
from qa_audit.audits.scoring_form import evidence_field_name, grade_field_name
from qa_audit.matrix.model import Matrix
from tests.audits.helpers import complete_answers

REQUEST_TIMEOUT = 60.0
PROGRESS_POLL_SECONDS = 0.5  # the page refreshes every 5 s; polled faster to time the analysis
MIME_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
EVIDENCE = (
    "Section E outcomes are specific and dated; the provision in section F names the "
    "weekly hours of speech and language therapy and who delivers them."
)


def hidden_input(page: str, name: str) -> str:
    """The value of a hidden form field, as a browser would post it."""
    match = re.search(rf'name="{name}"[^>]*value="([^"]*)"', page)
    if match is None:
        raise RequestFailed(f"the page has no {name} field")
    return html.unescape(match.group(1))


class Browser:
    """One person's HTTP client: its own cookies and connection."""

    def __init__(self, base_url: str, recorder: Recorder) -> None:
        self.client = httpx.Client(base_url=base_url, timeout=REQUEST_TIMEOUT)
        self.recorder = recorder

    def call(
        self, op: str, method: str, path: str, status: int, shows: str = "", **request
    ) -> httpx.Response:
        """Send one timed request; anything but ``status`` (and a page showing ``shows``) fails."""
        with self.recorder.timed(op):
            response = self._send(method, path, request)
            if response.status_code != status:
                raise RequestFailed(f"HTTP {response.status_code} where {status} was expected")
            if shows and shows not in response.text:
                raise RequestFailed(f"the answer did not show {shows!r}")
        return response

    def _send(self, method: str, path: str, request: dict) -> httpx.Response:
        """Send as a browser does: a request on a kept-alive connection that the server closed
        as idle just as the request went out gets no answer, and is sent once more on a new
        connection. (Had the first copy been processed, a save sent again would be refused as
        stale, and counted as an error.) The time of both attempts is the request's."""
        try:
            return self.client.request(method, path, **request)
        except (httpx.ReadError, httpx.RemoteProtocolError):
            self.recorder.count_resent()
            return self.client.request(method, path, **request)

    def sign_in(self, email: str, password: str) -> None:
        page = self.call("sign-in page", "GET", "/login", 200).text
        form = {
            "email": email,
            "password": password,
            "csrf_token": hidden_input(page, "csrf_token"),
        }
        signed_in = self.call("sign in", "POST", "/login", 302, data=form)
        self.call("dashboard", "GET", signed_in.headers["location"], 200)

    def close(self) -> None:
        self.client.close()


@dataclass(frozen=True)
class AuditorPlan:
    saves: int  # drafts saved before submitting
    button_every: int  # every n-th draft goes through the form's Save button, the rest autosave
    think_seconds: float  # mean pause before each save


def draft_answers(matrix: Matrix, progress: int) -> dict[str, str]:
    """What is on the form after ``progress`` rounds of work: more criteria graded each time."""
    answers = {"summary": f"Draft {progress}: outcomes read so far are clear."}
    for criterion in matrix.criteria[:progress]:
        answers[grade_field_name(criterion.id)] = "good"
        answers[evidence_field_name(criterion.id)] = EVIDENCE
    return answers


def audit_session(
    browser: Browser,
    email: str,
    password: str,
    audit_id: int,
    matrix: Matrix,
    plan: AuditorPlan,
    stop_at: float,
    rng: random.Random,
) -> None:
    """Sign in, open the scoring page, save drafts, submit the complete audit."""
    browser.sign_in(email, password)
    path = f"/audits/{audit_id}"
    page = browser.call("scoring page", "GET", path, 200).text
    token, revision = hidden_input(page, "csrf_token"), hidden_input(page, "revision")
    for progress in range(1, plan.saves + 1):
        time.sleep(rng.uniform(0.5, 1.5) * plan.think_seconds)
        if time.monotonic() > stop_at:
            break
        form = {**draft_answers(matrix, progress), "csrf_token": token, "revision": revision}
        if progress % plan.button_every == 0:
            browser.call("save button", "POST", path, 302, data={**form, "action": "draft"})
            page = browser.call("scoring page", "GET", path, 200, shows="Draft saved at").text
            revision = hidden_input(page, "revision")
        else:
            saved = browser.call("autosave", "POST", f"{path}/draft", 200, data=form).json()
            revision = str(saved["revision"])
    form = {**complete_answers(matrix), "csrf_token": token, "revision": revision}
    browser.call("submit", "POST", path, 302, data={**form, "action": "submit"})
    browser.call("scoring page", "GET", path, 200, shows="Audit submitted.")


def upload_session(
    browser: Browser,
    email: str,
    password: str,
    batches: list[list[tuple[str, bytes]]],
    pause_seconds: float,
    stop_at: float,
    rng: random.Random,
) -> None:
    """Sign in, then for each batch: open the batch page, upload, watch the pre-flag progress.

    The time from each upload's answer until its last document is analysed is recorded as an
    ``analysis`` window, so saves can be compared with and without analysis running.
    """
    browser.sign_in(email, password)
    for batch in batches:
        time.sleep(rng.uniform(0.5, 1.5) * pause_seconds)
        if time.monotonic() > stop_at:
            break
        page = browser.call("batch page", "GET", "/plans/upload/batch", 200).text
        files = [
            ("documents", (name, data, MIME_TYPES[name.rsplit(".", 1)[1]])) for name, data in batch
        ]
        results = browser.call(
            "batch upload",
            "POST",
            "/plans/upload/batch",
            200,
            shows=f"{len(batch)} imported, 0 already here, 0 not imported",
            data={"csrf_token": hidden_input(page, "csrf_token")},
            files=files,
        ).text
        uploaded = time.time()
        progress = re.search(r'href="([^"]*/plans/upload/progress[^"]*)"', results)
        if progress is None:
            raise RequestFailed("the results page has no link to the analysis progress")
        _watch_progress(browser, html.unescape(progress.group(1)), len(batch), stop_at)
        browser.recorder.mark("analysis", uploaded, time.time())


def _watch_progress(browser: Browser, url: str, documents: int, stop_at: float) -> None:
    done = f"{documents} of {documents} documents analysed."
    while time.monotonic() < stop_at:
        page = browser.call("analysis progress", "GET", url, 200).text
        if "could not be analysed" in page:
            raise RequestFailed("a document could not be analysed")
        if done in page:
            return
        time.sleep(PROGRESS_POLL_SECONDS)
