"""Stored advice traces: computed once per plan version and set of advice, read in bulk.

A trace is stored under the plan version it read and a key of the advice it traced
(:func:`advice_key`). The trace that counts for a version is the one whose key matches the
advice the plan holds now: new advice, or advice purged, changes the key, so an old trace is
never counted; a new plan version has no trace until its analysis job (or the trace job asked
for when advice is uploaded) stores one. Pages and reports read traces here and never trace.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select

from qa_audit.advice.tracing import Counts, counts_in, trace_plan, traceable_advice
from qa_audit.background import run_in_background
from qa_audit.extensions import db
from qa_audit.models import AdviceTrace, Plan, PlanAdvice, PlanDocument
from qa_audit.nlp.version import ANALYSER_VERSION
from qa_audit.unit_of_work import after_commit, unit_of_work


def advice_key(advice: Iterable[tuple[int, str]]) -> str:
    """A fingerprint of the advice a trace read: its (id, sha256) pairs, in any order."""
    joined = ";".join(f"{advice_id}:{sha}" for advice_id, sha in sorted(advice))
    return hashlib.sha256(joined.encode()).hexdigest()


def current_keys(plan_ids: Iterable[int]) -> dict[int, str]:
    """Plan id -> the key of the advice it holds now (still stored, not purged); plans with
    none are left out. One query for any number of plans."""
    ids = sorted(set(plan_ids))
    held: dict[int, list[tuple[int, str]]] = defaultdict(list)
    if ids:
        rows = db.session.execute(
            select(PlanAdvice.plan_id, PlanAdvice.id, PlanAdvice.sha256).where(
                PlanAdvice.plan_id.in_(ids), PlanAdvice.stored_path.is_not(None)
            )
        )
        for plan_id, advice_id, sha in rows:
            held[plan_id].append((advice_id, sha))
    return {plan_id: advice_key(items) for plan_id, items in held.items()}


def counted_findings(document_ids: Iterable[int]) -> dict[int, Mapping[str, Any]]:
    """Document id -> the findings of the trace that counts for it (see the module); documents
    without one are left out. Three queries for any number of documents."""
    ids = sorted(set(document_ids))
    if not ids:
        return {}
    plans = dict(
        db.session.execute(
            select(PlanDocument.id, PlanDocument.plan_id).where(PlanDocument.id.in_(ids))
        ).all()
    )
    keys = current_keys(plans.values())
    wanted = {doc: keys[plan] for doc, plan in plans.items() if plan in keys}
    if not wanted:
        return {}
    traces = db.session.scalars(
        select(AdviceTrace).where(
            AdviceTrace.document_id.in_(list(wanted)),
            AdviceTrace.advice_key.in_(set(wanted.values())),
        )
    )
    return {t.document_id: t.findings for t in traces if wanted[t.document_id] == t.advice_key}


def counted_finding(document_id: int | None) -> Mapping[str, Any] | None:
    """The findings that count for one document version (see :func:`counted_findings`)."""
    if document_id is None:
        return None
    return counted_findings([document_id]).get(document_id)


@dataclass(frozen=True)
class StoredTrace:
    """The stored trace that counts for a plan version, as its advice page shows it: each
    traced advice document (its stored findings) beside its PlanAdvice row (None when the row
    is not the plan's, or a findings dict older than ``advice_id``)."""

    version: int
    findings: Mapping[str, Any]
    documents: list[tuple[PlanAdvice | None, Mapping[str, Any], Counts]]

    @property
    def counts(self) -> Counts:
        return counts_in(self.findings)

    @property
    def unsupported(self) -> list[Mapping[str, Any]]:
        return list(self.findings.get("unsupported") or [])


def stored_trace(plan: Plan, document: PlanDocument) -> StoredTrace | None:
    """The trace that counts for ``document`` (a version of ``plan``), ready to show; None
    when none is stored (the job has not run yet, was lost or failed)."""
    findings = counted_finding(document.id)
    if findings is None:
        return None
    rows = {advice.id: advice for advice in plan.advice}
    documents = [
        (rows.get(stored.get("advice_id")), stored, counts_in({"advice": [stored]}))
        for stored in findings.get("advice") or []
    ]
    return StoredTrace(document.version, findings, documents)


def documents_needing_trace() -> list[int]:
    """The newest version of each plan whose advice has no stored trace that counts (its trace
    job was lost or failed): readable versions of plans with traceable advice only."""
    with_advice = select(PlanAdvice.plan_id).where(PlanAdvice.stored_path.is_not(None))
    newest = (
        select(PlanDocument.plan_id, func.max(PlanDocument.version).label("version"))
        .where(PlanDocument.plan_id.in_(with_advice))
        .group_by(PlanDocument.plan_id)
        .subquery()
    )
    candidates = list(
        db.session.scalars(
            select(PlanDocument.id)
            .join(
                newest,
                (PlanDocument.plan_id == newest.c.plan_id)
                & (PlanDocument.version == newest.c.version),
            )
            .where(PlanDocument.parsed.is_not(None))
            .order_by(PlanDocument.id)
        )
    )
    counted = counted_findings(candidates)
    untraced = [document_id for document_id in candidates if document_id not in counted]
    return [
        document_id
        for document_id in untraced
        if traceable_advice(db.session.get_one(PlanDocument, document_id).plan)
    ]


def store_trace(document_id: int) -> AdviceTrace | None:
    """Trace the plan's advice into the document version and keep the findings in place of
    any older trace of that version (flushed, not committed). None when there is no advice to
    trace or the version cannot be read."""
    document = db.session.get_one(PlanDocument, document_id)
    traced = trace_plan(document.plan, document)
    db.session.execute(delete(AdviceTrace).where(AdviceTrace.document_id == document_id))
    if traced is None:
        return None
    key = advice_key((advice.id, advice.sha256) for advice, _ in traced.documents)
    row = AdviceTrace(
        document_id=document_id,
        advice_key=key,
        analyser_version=ANALYSER_VERSION,
        findings=_findings(traced),
    )
    db.session.add(row)
    db.session.flush()
    return row


def _findings(traced) -> dict[str, Any]:
    """The trace as stored: each advice document with its source and the recommendations."""
    found = traced.trace.to_dict()
    for stored, (advice, _) in zip(found["advice"], traced.documents, strict=True):
        stored["advice_id"] = advice.id
        stored["source"] = advice.source
    return found


def trace_document(document_id: int) -> None:
    """The background job: trace and store, committed. Asked for twice (by the upload and by
    the advice page while it waits), it traces once: a trace that counts is kept as it is."""
    with unit_of_work():
        if counted_finding(document_id) is None:
            store_trace(document_id)


def enqueue_trace(plan: Plan) -> None:
    """Ask for the plan's newest version to be traced again once the advice just stored is
    committed (the trace stored before no longer counts: its advice key differs)."""
    document = plan.latest_document
    if document is not None:
        document_id = document.id
        after_commit(
            lambda: run_in_background(
                "qa_audit.advice.findings.trace_document", [document_id], "analysis"
            )
        )
