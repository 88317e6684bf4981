"""Import one plan document: check it, parse it, store it as a new version of its plan.

Operations flush and never commit: the caller commits once per file, so in a batch a bad file
is reported and skipped while every other file still lands.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import func, select

from qa_audit.access_recorder import record_access
from qa_audit.documents import ParsedPlan, read_plan, sniff
from qa_audit.errors import BadDocument
from qa_audit.extensions import db
from qa_audit.files import storage
from qa_audit.files.incoming import document_limits, safe_filename
from qa_audit.models import Plan, PlanDocument, User
from qa_audit.plan_references import REFERENCE_NOT_USABLE
from qa_audit.uploads.metadata import PlanMetadata
from qa_audit.visibility import may_see_plan


@dataclass
class ImportResult:
    filename: str
    status: str  # "imported", "duplicate" or "failed"
    message: str
    plan: Plan | None = None
    document: PlanDocument | None = None
    refused_plan_id: int | None = None  # another team's plan the upload named: log the refusal
    printed_reference: str | None = None  # when the reference printed in the document was used


class PlanNotVisible(Exception):
    def __init__(self, plan_id: int) -> None:
        super().__init__(plan_id)
        self.plan_id = plan_id


def _plan_for(metadata: PlanMetadata, parsed: ParsedPlan, sha256: str, user: User | None) -> Plan:
    """The plan named by the reference (given, else printed in the document, else derived from
    the content; never from the file name, which often carries the child's name), or a new one
    with the details from the metadata and the document."""
    reference = metadata.reference or parsed.reference or f"UPL-{sha256[:10].upper()}"
    existing = db.session.scalar(select(Plan).where(Plan.reference == reference))
    if existing is not None:
        if user is not None and not may_see_plan(user, existing.id):
            raise PlanNotVisible(existing.id)
        return existing
    plan = Plan(
        reference=reference,
        issue_date=metadata.issue_date or parsed.issue_date,
        review_date=parsed.review_date,
        kind=metadata.kind or ("conversion" if parsed.template.kind == "conversion" else "new"),
        team=metadata.team or (user.team if user else None),
        caseworker=metadata.caseworker,
        phase=metadata.phase,
        year_group=metadata.year_group if metadata.year_group is not None else parsed.year_group,
        primary_need=metadata.primary_need,
        created_by_id=user.id if user else None,
    )
    db.session.add(plan)
    db.session.flush()
    return plan


def log_refusal(result: ImportResult) -> None:
    """After a failed import was rolled back: note an upload that named another team's plan."""
    if result.refused_plan_id is not None:
        record_access("refused", "plan", result.refused_plan_id, detail="upload")


def import_document(
    data: bytes,
    filename: str,
    *,
    user: User | None,
    metadata: PlanMetadata | None = None,
    plan: Plan | None = None,
) -> ImportResult:
    """Import into ``plan`` when given, else the plan named by ``metadata.reference``, else a
    new plan. Never raises for a bad file: the result says what is wrong."""
    name = safe_filename(filename)
    try:
        parsed = read_plan(data, name, document_limits())
        file_type = sniff(data, name)
    except BadDocument as error:
        return ImportResult(name, "failed", str(error))
    sha256 = hashlib.sha256(data).hexdigest()
    metadata = metadata or PlanMetadata()
    printed = parsed.reference if plan is None and not metadata.reference else None
    try:
        plan = plan or _plan_for(metadata, parsed, sha256, user)
    except PlanNotVisible as refused:
        return ImportResult(
            name,
            "failed",
            REFERENCE_NOT_USABLE,
            refused_plan_id=refused.plan_id,
            printed_reference=printed,
        )
    duplicate = db.session.scalar(
        select(PlanDocument).where(PlanDocument.plan_id == plan.id, PlanDocument.sha256 == sha256)
    )
    if duplicate is not None:
        return ImportResult(
            name,
            "duplicate",
            f"Already uploaded as version {duplicate.version} of {plan.reference}; not stored "
            "again.",
            plan,
            duplicate,
            printed_reference=printed,
        )
    try:
        stored = storage.store(current_app.config["UPLOAD_FOLDER"], sha256, file_type, data)
    except storage.NotStored as error:
        return ImportResult(name, "failed", str(error))
    latest = db.session.scalar(
        select(func.max(PlanDocument.version)).where(PlanDocument.plan_id == plan.id)
    )
    document = PlanDocument(
        plan_id=plan.id,
        version=(latest or 0) + 1,
        sha256=sha256,
        size=len(data),
        original_name=name,
        file_type=file_type,
        stored_path=stored,
        parsed=parsed.to_dict(),
        uploaded_by_id=user.id if user else None,
    )
    db.session.add(document)
    db.session.flush()
    record_access("upload_document", "document", document.id)
    reading = parsed.reading.message or ""
    return ImportResult(
        name,
        "imported",
        f"Stored as version {document.version} of {plan.reference}. {reading}".strip(),
        plan,
        document,
        printed_reference=printed,
    )
