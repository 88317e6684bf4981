"""Import one plan document: check it, parse it, store it as a new version of its plan.

Operations flush and never commit: the caller commits once per file, so in a batch a bad file
is reported and skipped while every other file still lands.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePath

from flask import current_app
from sqlalchemy import func, select

from qa_audit.documents import DocumentLimits, ParsedPlan, read_plan, sniff
from qa_audit.errors import BadDocument
from qa_audit.extensions import db
from qa_audit.models import Plan, PlanDocument, User
from qa_audit.plans.queries import visible_plans
from qa_audit.uploads import storage
from qa_audit.uploads.metadata import PlanMetadata


@dataclass
class ImportResult:
    filename: str
    status: str  # "imported", "duplicate" or "failed"
    message: str
    plan: Plan | None = None
    document: PlanDocument | None = None


def document_limits() -> DocumentLimits:
    config = current_app.config
    return DocumentLimits(
        max_bytes=config["MAX_DOCUMENT_MB"] * 1024 * 1024,
        max_pdf_pages=config["MAX_PDF_PAGES"],
        parse_timeout_seconds=config["DOCUMENT_PARSE_TIMEOUT"],
    )


def safe_filename(name: str) -> str:
    """The last path part, without control characters, at most 255 characters."""
    base = PurePath(name.replace("\\", "/")).name
    return "".join(ch for ch in base if ch.isprintable())[:255] or "document"


class PlanNotVisible(Exception):
    pass


def _plan_for(metadata: PlanMetadata, parsed: ParsedPlan, sha256: str, user: User | None) -> Plan:
    """The plan named by the reference (given, or derived from the content when none is), or
    a new one with the details from the metadata and the document."""
    reference = metadata.reference or f"UPL-{sha256[:10].upper()}"
    existing = db.session.scalar(select(Plan).where(Plan.reference == reference))
    if existing is not None:
        if user is not None and not db.session.scalar(
            visible_plans(user).where(Plan.id == existing.id)
        ):
            raise PlanNotVisible(reference)
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
    try:
        plan = plan or _plan_for(metadata or PlanMetadata(), parsed, sha256, user)
    except PlanNotVisible as refused:
        return ImportResult(
            name, "failed", f"Plan {refused} belongs to another team; check the reference."
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
    reading = parsed.reading.message or ""
    return ImportResult(
        name,
        "imported",
        f"Stored as version {document.version} of {plan.reference}. {reading}".strip(),
        plan,
        document,
    )
