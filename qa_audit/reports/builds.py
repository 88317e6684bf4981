"""Report files for large terms, built in the background rather than inside the request.

A term with more than ``REPORT_BACKGROUND_ABOVE`` submitted audits is built by a background job
(:mod:`qa_audit.background`); the person asking is shown a page that refreshes until the file is
ready. Files are kept in ``REPORT_FOLDER`` and written atomically, so a half-built file is never
served. A build still unfinished after ``STALLED_AFTER`` (its worker was stopped) counts as
failed, and asking again starts a new one.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import func, select

from qa_audit.background import run_in_background
from qa_audit.extensions import db
from qa_audit.files.atomic import write_atomically
from qa_audit.models import Audit, ReportBuild, Sample, User
from qa_audit.models._base import as_utc
from qa_audit.reports.outputs import report_file
from qa_audit.reports.report import build_report
from qa_audit.unit_of_work import after_commit, unit_of_work
from qa_audit.visibility import report_rows

log = logging.getLogger(__name__)

STALLED_AFTER = timedelta(minutes=30)
FAILED = "The report could not be built. Try again; if it fails again, tell your administrator."
QUEUE_DOWN = (
    "The report could not be started: the background queue cannot be reached. Try again "
    "later, or tell your administrator."
)


def builds_folder() -> Path:
    folder = Path(current_app.config["REPORT_FOLDER"])
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def submitted_audits(term_id: str) -> int:
    query = (
        select(func.count(Audit.id))
        .join(Sample, Sample.id == Audit.sample_id)
        .where(Sample.term_id == term_id, Audit.status == "submitted")
    )
    return db.session.scalar(query) or 0


def needs_background(term_id: str) -> bool:
    return submitted_audits(term_id) > current_app.config["REPORT_BACKGROUND_ABOVE"]


def is_stalled(build: ReportBuild, now: datetime | None = None) -> bool:
    late = (now or datetime.now(UTC)) - as_utc(build.created_at) > STALLED_AFTER
    return build.status in ("queued", "running") and late


def request_build(term_id: str, fmt: str, user: User) -> ReportBuild:
    """The person's unfinished build of this term and format, or a new one handed to the
    background. Builds are not shared: each holds the rows its requester may see."""
    waiting = db.session.scalars(
        select(ReportBuild)
        .where(
            ReportBuild.term_id == term_id,
            ReportBuild.fmt == fmt,
            ReportBuild.requested_by == user.id,
            ReportBuild.status.in_(("queued", "running")),
        )
        .order_by(ReportBuild.id.desc())
    ).first()
    if waiting is not None and not is_stalled(waiting):
        return waiting
    build = ReportBuild(term_id=term_id, fmt=fmt, status="queued", requested_by=user.id)
    db.session.add(build)
    db.session.flush()
    after_commit(lambda: _start(build))  # the job reads the build from another connection
    return build


def _start(build: ReportBuild) -> None:
    if not run_in_background("qa_audit.reports.builds.run_build", [build.id], "reports"):
        with unit_of_work():
            build.status, build.error = "failed", QUEUE_DOWN


def run_build(build_id: int) -> None:
    """The background job: build the file, or record that it failed. Two units of work, so
    that the build shows as ``running`` while it runs."""
    with unit_of_work():
        build = db.session.get(ReportBuild, build_id)
        if build is None or build.status != "queued":
            return
        build.status = "running"
    try:
        with unit_of_work():
            requester = db.session.get_one(User, build.requested_by)
            produced = report_file(build_report(build.term_id), build.fmt, report_rows(requester))
            stored_name = f"{build.id}.{build.fmt}"
            write_atomically(builds_folder() / stored_name, produced.data)
            build.status, build.filename, build.stored_name = "done", produced.filename, stored_name
            build.finished_at = datetime.now(UTC)
    except Exception:
        log.exception("report build %s failed", build_id)
        with unit_of_work():
            build.status, build.error, build.finished_at = "failed", FAILED, datetime.now(UTC)


def build_path(build: ReportBuild) -> Path | None:
    """The finished file, or None when it is not (or no longer) there."""
    if build.status != "done" or not build.stored_name:
        return None
    path = builds_folder() / build.stored_name
    return path if path.is_file() else None
