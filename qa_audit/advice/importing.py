"""Store one advice document for a plan: read it into its recommendations (in a child process
held to the document limits, as plans are), then keep the file and what was read. Operations
flush and never commit; a bad file changes nothing and the result says why."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from flask import current_app
from sqlalchemy import select

from qa_audit.access_recorder import record_access
from qa_audit.advice.deadlines import open_request
from qa_audit.documents import sniff
from qa_audit.documents.advice_document import read_upload
from qa_audit.errors import BadDocument
from qa_audit.extensions import db
from qa_audit.files import storage
from qa_audit.files.incoming import document_limits, safe_filename
from qa_audit.models import Plan, PlanAdvice, User

UNKNOWN_SOURCE = "Unknown"
NO_SOURCE = "Choose who gave this advice: the document does not say in its first lines."
A_PLAN = (
    "This document reads as an EHC plan, not as advice. Upload it as a new version of the plan; "
    "add here the advice received from professionals, the school and the family."
)
NO_RECOMMENDATIONS = (
    "No recommendations were found in this document: none of its headings reads like "
    '"Recommendations", "Provision", "Outcomes" or "What would help", and no table has such a '
    "column. Check it is the advice itself (not a covering letter), or upload it as a Word file."
)


@dataclass
class AdviceImport:
    status: str  # "imported", "duplicate" or "failed"
    message: str
    advice: PlanAdvice | None = None


def import_advice(
    data: bytes,
    filename: str,
    *,
    plan: Plan,
    user: User | None,
    received_on: date,
    source: str | None = None,
    requested_on: date | None = None,
) -> AdviceImport:
    """Store the advice for ``plan``; ``source`` None takes the one its title lines name.
    The oldest unanswered request to the same source is answered by it (and gives its request
    date when none is given). Never raises for a bad file."""
    name = safe_filename(filename)
    limits = document_limits()
    try:
        read, reads_as_plan = read_upload(data, name, limits)
        file_type = sniff(data, name)
        if reads_as_plan:
            return AdviceImport("failed", A_PLAN)
    except BadDocument as error:
        return AdviceImport("failed", str(error))
    source = source or (read.source if read.source != UNKNOWN_SOURCE else None)
    if source is None:
        return AdviceImport("failed", NO_SOURCE)
    if not read.recommendations:
        return AdviceImport("failed", NO_RECOMMENDATIONS)
    sha256 = hashlib.sha256(data).hexdigest()
    duplicate = db.session.scalar(
        select(PlanAdvice).where(PlanAdvice.plan_id == plan.id, PlanAdvice.sha256 == sha256)
    )
    if duplicate is not None:
        return AdviceImport(
            "duplicate",
            f"This advice was already uploaded on {duplicate.uploaded_at:%-d %B %Y}; not stored "
            "again.",
            duplicate,
        )
    try:
        stored = storage.store(current_app.config["UPLOAD_FOLDER"], sha256, file_type, data)
    except storage.NotStored as error:
        return AdviceImport("failed", str(error))
    advice = PlanAdvice(
        plan_id=plan.id,
        source=source,
        received_on=received_on,
        requested_on=requested_on,
        sha256=sha256,
        size=len(data),
        original_name=name,
        file_type=file_type,
        stored_path=stored,
        recommendations=[{"text": r.text, "heading": r.heading} for r in read.recommendations],
        uploaded_by_id=user.id if user else None,
    )
    request = open_request(plan, source)
    if request is not None and request.requested_on <= received_on:
        advice.requested_on = requested_on or request.requested_on
        request.advice = advice
    db.session.add(advice)
    db.session.flush()
    record_access("upload_advice", "plan", plan.id)
    count = len(read.recommendations)
    return AdviceImport(
        "imported",
        f"{source} advice stored: {count} recommendation{'s' if count != 1 else ''} read.",
        advice,
    )
