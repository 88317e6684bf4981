"""Plan metadata for uploads: from a form, a CSV beside a batch, or the document itself."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, fields
from datetime import date

from qa_audit.errors import QaAuditError
from qa_audit.files.typed_dates import parse_date
from qa_audit.models.plan import PHASES, PLAN_KINDS, PRIMARY_NEEDS
from qa_audit.plan_references import reference_problem

CSV_COLUMNS = (
    "file",
    "reference",
    "issue_date",
    "kind",
    "team",
    "caseworker",
    "phase",
    "year_group",
    "primary_need",
)
TEXT_LIMITS = {"team": 80, "caseworker": 120}  # as the form and the columns


@dataclass
class PlanMetadata:
    reference: str | None = None
    issue_date: date | None = None
    kind: str | None = None
    team: str | None = None
    caseworker: str | None = None
    phase: str | None = None
    year_group: int | None = None
    primary_need: str | None = None

    def given(self) -> dict:
        return {
            f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None
        }


def _choice(value: str, allowed: dict, name: str) -> str:
    for key, label in allowed.items():
        if value.strip().lower() in {key.lower(), label.lower()}:
            return key
    raise ValueError(f"{name} '{value}' is not one of: {', '.join(allowed)}")


def _text(value: dict[str, str], name: str) -> str | None:
    text = value.get(name) or None
    if text is not None and len(text) > TEXT_LIMITS[name]:
        raise ValueError(f"{name} is longer than {TEXT_LIMITS[name]} characters")
    return text


def _reference(text: str | None) -> str | None:
    if text is not None and (problem := reference_problem(text)):
        raise ValueError(f"reference: {problem}")
    return text


def _year_group(text: str) -> int:
    """0 for Reception ("R"), else Years 1 to 14 ("5" or "Year 5"), as the upload form allows."""
    year = text.lower().removeprefix("year").strip()
    if year in {"r", "reception"}:
        return 0
    if year.isascii() and year.isdecimal() and len(year) <= 2 and int(year) <= 14:
        return int(year)
    raise ValueError(f"year group '{text}' is not R or a year from 0 to 14")


def _row_metadata(row: dict[str, str]) -> PlanMetadata:
    value = {k: (v or "").strip() for k, v in row.items() if k}
    return PlanMetadata(
        reference=_reference(value.get("reference") or None),
        issue_date=parse_date(value["issue_date"]) if value.get("issue_date") else None,
        kind=_choice(value["kind"], PLAN_KINDS, "kind") if value.get("kind") else None,
        team=_text(value, "team"),
        caseworker=_text(value, "caseworker"),
        phase=_choice(value["phase"], PHASES, "phase") if value.get("phase") else None,
        year_group=_year_group(value["year_group"]) if value.get("year_group") else None,
        primary_need=(
            _choice(value["primary_need"], PRIMARY_NEEDS, "primary need")
            if value.get("primary_need")
            else None
        ),
    )


def read_metadata_csv(text: str, source: str = "the metadata CSV") -> dict[str, PlanMetadata]:
    """File name -> metadata. Every problem is reported at once, with its row number."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    if "file" not in header:
        raise QaAuditError(
            f"{source} needs a 'file' column naming each document; columns it may have: "
            + ", ".join(CSV_COLUMNS)
        )
    reader.fieldnames = header
    found, problems = {}, []
    for number, row in enumerate(reader, start=2):
        try:
            found[(row.get("file") or "").strip()] = _row_metadata(row)
        except ValueError as error:
            problems.append(f"{source}, row {number}: {error}")
    if problems:
        raise QaAuditError("\n".join(problems))
    found.pop("", None)
    return found
