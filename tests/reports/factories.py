"""Rows for report tests: matrix versions, terms, samples, submitted audits with scores,
moderations, analyses and follow-up actions, written directly to the database."""

from __future__ import annotations

import hashlib
import itertools
import json
from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy import select

from qa_audit.config import project_root
from qa_audit.extensions import db
from qa_audit.matrix import (
    Matrix,
    evaluate,
    load_matrix,
    matrix_from_json,
    matrix_hash,
    matrix_to_json,
)
from qa_audit.models import (
    Analysis,
    Audit,
    AuditScore,
    FollowUpAction,
    MatrixVersion,
    Moderation,
    Plan,
    PlanDocument,
    Sample,
    SampleMember,
    Term,
    User,
)
from qa_audit.terms import term_by_id

TERM_STARTS = "autumn=09-01,spring=01-01,summer=04-01"
_numbers = itertools.count(1)


def default_matrix() -> Matrix:
    return load_matrix(project_root() / "matrix" / "default.toml")


def stricter_matrix() -> Matrix:
    """The default matrix with a 90% quality-threshold target (a second, changed version)."""
    matrix = default_matrix()
    measures = tuple(
        replace(m, target=0.9, green_from=0.9) if m.id == "quality_threshold" else m
        for m in matrix.measures
    )
    return replace(matrix, measures=measures, title="EHC plan QA matrix (2026)")


def all_grades(matrix: Matrix, grade: str, **overrides: str) -> dict[str, str]:
    grades = {c.id: grade for c in matrix.criteria}
    grades.update({key.replace("_", "-"): value for key, value in overrides.items()})
    return grades


class ReportWorld:
    def __init__(self, auditor: User, second: User | None = None) -> None:
        self.auditor = auditor
        self.second = second or auditor

    def version(self, matrix: Matrix | None = None) -> MatrixVersion:
        matrix = matrix or default_matrix()
        existing = db.session.scalar(
            select(MatrixVersion).where(MatrixVersion.content_hash == matrix_hash(matrix))
        )
        if existing:
            return existing
        row = MatrixVersion(
            matrix_id=matrix.id,
            content_hash=matrix_hash(matrix),
            title=matrix.title,
            source_name="default.toml",
            content=matrix_to_json(matrix),
        )
        db.session.add(row)
        db.session.commit()
        return row

    def term(self, term_id: str) -> Term:
        existing = db.session.get(Term, term_id)
        if existing:
            return existing
        span = term_by_id(term_id, TERM_STARTS)
        term = Term(id=span.id, label=span.label, starts_on=span.starts_on, ends_on=span.ends_on)
        db.session.add(term)
        db.session.commit()
        return term

    def sample(self, term_id: str, kind: str = "random", **fields) -> Sample:
        self.term(term_id)
        fields.setdefault("method", {"size": 10, "strata": ["team"]})
        sample = Sample(term_id=term_id, kind=kind, seed=7, **fields)
        db.session.add(sample)
        db.session.commit()
        return sample

    def plan(self, kind: str = "new", team: str = "North", **fields) -> Plan:
        number = next(_numbers)
        plan = Plan(
            reference=f"EHCP-R-{number:05d}",
            kind=kind,
            team=team,
            issue_date=date(2025, 9, 15),
            **fields,
        )
        db.session.add(plan)
        db.session.commit()
        return plan

    def audit(
        self,
        plan: Plan,
        sample: Sample | None,
        version: MatrixVersion,
        grades: dict[str, str],
        overall: str,
        *,
        auditor: User | None = None,
        evidence: dict[str, str] | None = None,
        confirmed: dict[str, list[str]] | None = None,
        submitted: datetime | None = None,
        status: str = "submitted",
    ) -> Audit:
        """A submitted audit whose judgement and measures are evaluated as the scoring page does."""
        if sample is not None and not any(m.plan_id == plan.id for m in sample.members):
            db.session.add(SampleMember(sample_id=sample.id, plan_id=plan.id))
        evaluation = evaluate(matrix_from_json(version.content), grades, overall, plan.kind)
        audit = Audit(
            plan_id=plan.id,
            sample_id=sample.id if sample else None,
            auditor_id=(auditor or self.auditor).id,
            matrix_version_id=version.id,
            status=status,
            overall_grade=overall,
            meets_threshold=evaluation.meets_threshold,
            measures=evaluation.measures,
            submitted_at=submitted or datetime(2025, 11, 1, 10, tzinfo=UTC),
        )
        for criterion_id, grade in grades.items():
            audit.scores.append(
                AuditScore(
                    criterion_id=criterion_id,
                    grade=grade,
                    evidence=(evidence or {}).get(criterion_id),
                    confirmed_flags=(confirmed or {}).get(criterion_id),
                )
            )
        db.session.add(audit)
        db.session.commit()
        return audit

    def moderation(self, first: Audit, second: Audit, final: dict[str, str] | None) -> Moderation:
        row = Moderation(first_audit_id=first.id, second_audit_id=second.id, final_grades=final)
        db.session.add(row)
        db.session.commit()
        return row

    def analysis(self, plan: Plan, result: dict) -> PlanDocument:
        """A document version for ``plan`` with a finished analysis holding ``result``."""
        version = len(plan.documents) + 1
        digest = hashlib.sha256(f"{plan.id}-{version}".encode()).hexdigest()
        document = PlanDocument(
            plan_id=plan.id,
            version=version,
            sha256=digest,
            size=1000,
            original_name="plan.docx",
            file_type="docx",
            parsed={},
        )
        db.session.add(document)
        db.session.flush()
        db.session.add(
            Analysis(
                document_id=document.id,
                analyser_version="1.0.0",
                status="done",
                result=json.loads(json.dumps(result)),
                finished_at=datetime(2025, 10, 1, tzinfo=UTC),
            )
        )
        db.session.commit()
        return document

    def action(self, audit: Audit, kind: str, created: date, due: date | None, closed=None):
        row = FollowUpAction(
            audit_id=audit.id,
            kind=kind,
            due_on=due,
            created_at=datetime.combine(created, datetime.min.time(), UTC),
            closed_at=datetime.combine(closed, datetime.min.time(), UTC) if closed else None,
            status="closed" if closed else "open",
        )
        db.session.add(row)
        db.session.commit()
        return row


def analysis_result(
    template: str = "current",
    weak: int = 0,
    strong: int = 2,
    outdated: int = 0,
    advice: list[tuple[str, bool]] = (),
    codes: tuple[str, ...] = (),
) -> dict:
    """An analysis result shaped like ``PlanAnalysis.to_dict()`` with chosen counts."""
    outcomes = [{"text": "By July 2026 ...", "weak": False, "flags": []} for _ in range(strong)]
    outcomes += [
        {"text": "Will improve.", "weak": True, "flags": [{"code": "vague", "message": ""}]}
        for _ in range(weak)
    ]
    outcomes += [
        {"text": "By July 2020 ...", "weak": True, "flags": [{"code": "outdated", "message": ""}]}
        for _ in range(outdated)
    ]
    return {
        "outcomes": outcomes,
        "provision": [{"text": "Support.", "flags": [{"code": c} for c in codes]}],
        "advice": [
            {"source": name, "discipline": name, "reflected": ok, "flags": []}
            for name, ok in advice
        ],
        "golden_thread": {"needs_without_provision": [], "outcomes_without_need": []},
        "preparing_for_adulthood": {"flags": []},
        "template": {"kind": template, "evidence": []},
    }
