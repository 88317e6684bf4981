"""Plain data the report figures are computed from: no database objects past this point.

The loader (:mod:`qa_audit.reports.loading`) turns rows into these; every figure is a pure
function of them, so the figures can be checked in tests without a database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from qa_audit.matrix import Matrix
from qa_audit.moderation.settle import Source

Basis = Source  # how the grades that count were settled


@dataclass(frozen=True)
class PlanInfo:
    """A plan as the report sees it: a pseudonymous reference and its reporting categories."""

    id: int
    reference: str
    kind: str
    team: str | None = None
    phase: str | None = None
    primary_need: str | None = None


@dataclass(frozen=True)
class VersionInfo:
    """One stored matrix version, parsed."""

    id: int
    title: str
    source_name: str
    content_hash: str
    matrix: Matrix

    @property
    def label(self) -> str:
        return f"{self.title}, version {self.id} ({self.source_name}, {self.content_hash[:8]})"


@dataclass(frozen=True)
class AuditRecord:
    """One submitted audit with its criterion scores."""

    id: int
    plan_id: int
    auditor_id: int
    matrix_version_id: int | None
    auditor: str = ""  # the auditor's discipline, e.g. "Health auditor": never a name
    sample_id: int | None = None
    sample_kind: str | None = None  # "random", "targeted", or None for an ad hoc audit
    document_id: int | None = None
    overall_grade: str | None = None
    meets_threshold: bool | None = None
    grades: Mapping[str, str | None] = field(default_factory=dict)
    evidence: Mapping[str, str] = field(default_factory=dict)
    confirmed_flags: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    submitted_at: datetime | None = None


@dataclass(frozen=True)
class ModerationRecord:
    first_audit_id: int
    second_audit_id: int
    final_grades: Mapping[str, str] | None = None


@dataclass(frozen=True)
class SampleInfo:
    id: int
    kind: str
    method: Mapping[str, object]
    description: str | None


@dataclass(frozen=True)
class ActionRecord:
    """A follow-up action, reduced to what the themes section counts."""

    kind: str
    created_on: date
    due_on: date | None
    closed_on: date | None


@dataclass(frozen=True)
class PlanResult:
    """The one result per audited plan that every figure uses."""

    plan: PlanInfo
    version_id: int
    basis: Basis
    audit_ids: tuple[int, ...]
    auditors: tuple[str, ...]  # disciplines, e.g. "Health auditor", in marking order
    grades: Mapping[str, str | None]
    overall_grade: str | None
    meets_threshold: bool | None
    measures: Mapping[str, bool | None]
    evidence: Mapping[str, str]
    confirmed_flags: Mapping[str, tuple[str, ...]]
    document_id: int | None = None
    overall_above_rule: str | None = None  # the overall grade given, when the rule caps it

    @property
    def moderated(self) -> bool:
        return self.basis == "moderated"


@dataclass(frozen=True)
class TermAudits:
    """Everything loaded for one term: its samples, submitted audits and their context."""

    audits: tuple[AuditRecord, ...]
    plans: Mapping[int, PlanInfo]
    moderations: tuple[ModerationRecord, ...]
    versions: Mapping[int, VersionInfo]
    samples: tuple[SampleInfo, ...] = ()
    ad_hoc_count: int = 0  # submitted in the term's dates with no sample: never in the figures
    awaiting_second_marking: int = 0  # double-marked plans left out until both markings are in
