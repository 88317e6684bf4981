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
from typing import Any

from sqlalchemy import delete, select

from qa_audit.advice.tracing import trace_plan
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
    """The background job: trace and store, committed."""
    with unit_of_work():
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
