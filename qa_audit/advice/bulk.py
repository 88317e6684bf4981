"""Many advice documents at once: a folder of files (or a .zip archive of them) and a CSV
naming, for each file, the plan (by reference), who gave the advice and its dates. All or
nothing: every problem is listed with its row or file, and nothing is stored unless every
document is; each goes through :func:`qa_audit.advice.importing.import_advice`, the path a
single upload takes."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from qa_audit.advice.archive import AdviceArchive
from qa_audit.advice.findings import enqueue_trace
from qa_audit.advice.importing import AdviceImport, import_advice
from qa_audit.documents.advice import SOURCES
from qa_audit.documents.limits import megabytes
from qa_audit.errors import BadDocument, QaAuditError
from qa_audit.extensions import db
from qa_audit.files.incoming import document_limits, safe_filename
from qa_audit.files.typed_dates import parse_date
from qa_audit.models import Plan, User
from qa_audit.unit_of_work import unit_of_work
from qa_audit.visibility import visible_plans

COLUMNS = ("file", "plan_reference", "source", "received_on", "requested_on")
REQUIRED = ("file", "plan_reference", "received_on")


@dataclass(frozen=True)
class AdviceRow:
    line: int
    file: str
    plan_reference: str
    source: str | None
    received_on: date
    requested_on: date | None


class BulkAdviceError(QaAuditError):
    """Nothing was imported; ``problems`` says why, one plain sentence each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def read_advice_csv(text: str) -> list[AdviceRow]:
    """The CSV's rows, or every problem in it at once."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise BulkAdviceError(
            [
                f"The metadata CSV has no {', '.join(missing)} column: it needs "
                f"{', '.join(REQUIRED)}, and may have source and requested_on."
            ]
        )
    reader.fieldnames = header
    rows, problems = [], []
    for line, raw in enumerate(reader, start=2):
        values = {name: (raw.get(name) or "").strip() for name in COLUMNS}
        if not any(values.values()):
            continue
        try:
            rows.append(_row(line, values))
        except ValueError as error:
            problems.append(f"Row {line}: {error}.")
    if not rows and not problems:
        problems.append("The metadata CSV has no rows.")
    if problems:
        raise BulkAdviceError(problems)
    return rows


def _row(line: int, values: dict[str, str]) -> AdviceRow:
    for name in REQUIRED:
        if not values[name]:
            raise ValueError(f"{name} is empty")
    if safe_filename(values["file"]) != values["file"]:
        raise ValueError(f"file '{values['file']}' must be a file name, without folders")
    source = values["source"] or None
    known = {name.lower(): name for name, _ in SOURCES}
    if source is not None and source.lower() not in known:
        raise ValueError(f"source '{source}' is not one of: {', '.join(known.values())}")
    received_on = parse_date(values["received_on"])
    requested_on = parse_date(values["requested_on"]) if values["requested_on"] else None
    if requested_on and requested_on > received_on:
        raise ValueError("the advice cannot be received before it was requested")
    return AdviceRow(
        line,
        values["file"],
        values["plan_reference"],
        known[source.lower()] if source else None,
        received_on,
        requested_on,
    )


def import_advice_folder(folder: Path, rows: list[AdviceRow]) -> list[AdviceImport]:
    """Store every row's document from ``folder`` for its plan, or nothing
    (:class:`BulkAdviceError`)."""
    present = {path.name for path in folder.iterdir() if path.is_file()}
    return _import(rows, present, lambda name: (folder / name).read_bytes(), str(folder))


def import_advice_archive(path: Path, rows: list[AdviceRow]) -> list[AdviceImport]:
    """The same from a .zip archive (:mod:`qa_audit.advice.archive`): an unsafe archive, or
    one holding an unsafe file, stores nothing and says why."""
    limits = document_limits()
    size = path.stat().st_size
    if size > limits.max_uncompressed_bytes:
        raise BulkAdviceError(
            [
                f"{path.name} is {megabytes(size)}; the limit for an archive is "
                f"{megabytes(limits.max_uncompressed_bytes)}."
            ]
        )
    try:
        archive = AdviceArchive(path.read_bytes(), limits)
    except BadDocument as error:
        raise BulkAdviceError([f"{path.name}: {error}"]) from error
    return _import(rows, set(archive.files), archive.file, path.name)


def import_advice_files(
    files: list[tuple[str, bytes]], rows: list[AdviceRow], user: User
) -> list[AdviceImport]:
    """The same from files chosen on the web page, for the plans ``user`` may see: a plan
    they may not see is reported as no plan with that reference."""
    named = dict(files)
    twice = sorted({name for name, _ in files if sum(n == name for n, _ in files) > 1})
    if twice:
        raise BulkAdviceError(
            [f"Two files are named {name}; give each a different name." for name in twice]
        )
    return _import(rows, set(named), named.__getitem__, "the files chosen", user)


def _import(
    rows: list[AdviceRow],
    present: set[str],
    read: Callable[[str], bytes],
    where: str,
    user: User | None = None,
) -> list[AdviceImport]:
    """Commands (``user`` None) reach every plan; a person only the plans they may see."""
    candidates = select(Plan) if user is None else visible_plans(user)
    references = {row.plan_reference for row in rows}
    plans = {
        plan.reference: plan
        for plan in db.session.scalars(candidates.where(Plan.reference.in_(references)))
    }
    problems = [
        f"Row {row.line}: no plan has the reference {row.plan_reference}."
        for row in rows
        if row.plan_reference not in plans
    ]
    problems += [
        f"Row {row.line}: {row.file} is not in {where}." for row in rows if row.file not in present
    ]
    if problems:
        raise BulkAdviceError(problems)
    results: list[AdviceImport] = []
    with unit_of_work() as work:
        for row in rows:
            try:
                data = read(row.file)
            except BadDocument as error:
                problems.append(f"Row {row.line}, {row.file}: {error}")
                continue
            result = import_advice(
                data,
                row.file,
                plan=plans[row.plan_reference],
                user=user,
                received_on=row.received_on,
                requested_on=row.requested_on,
                source=row.source,
            )
            if result.status == "failed":
                problems.append(f"Row {row.line}, {row.file}: {result.message}")
            results.append(result)
        if problems:
            work.discard()
        else:
            for plan in {r.advice.plan for r in results if r.status == "imported" and r.advice}:
                enqueue_trace(plan)
    if problems:
        raise BulkAdviceError(problems)
    return results
