"""Fixtures for audit tests: a private matrix folder and a plan with a parsed document and an
analysis, assigned to an auditor."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from qa_audit.config import project_root
from qa_audit.extensions import db
from qa_audit.models import Analysis, Audit, Plan, PlanDocument, User

PLAN_TEXT = {
    "A": "Ravi enjoys trains and drawing.\nHe wants to work with animals when he is older.",
    "B": "Ravi finds it hard to follow spoken instructions with more than two steps.",
    "E": "By July 2027, Ravi will follow a three-step spoken instruction in class "
    "in 4 out of 5 observed lessons.\nRavi will improve his communication.",
    "F": "Access to speech and language therapy as required.",
    "K": "Educational Psychologist advice, 3 March 2025.",
}
ANALYSIS = {
    "outcomes": [
        {
            "text": "Ravi will improve his communication.",
            "weak": True,
            "flags": [
                {
                    "code": "vague",
                    "message": "The outcome does not name a concrete skill.",
                    "evidence": "improve his communication",
                },
                {
                    "code": "not_time_bound",
                    "message": "The outcome has no date.",
                    "evidence": "",
                },
            ],
        }
    ],
    "provision": [
        {
            "text": "Access to speech and language therapy as required.",
            "flags": [
                {
                    "code": "provision_not_quantified",
                    "message": "The provision does not say how much or how often.",
                    "evidence": "as required",
                }
            ],
        }
    ],
    "summary": {"flag_counts": {"vague": 1}},
}


@dataclass
class ScoringWorld:
    auditor: User
    plan: Plan
    document: PlanDocument
    audit: Audit


@pytest.fixture(autouse=True)
def matrix_dir(app_config, tmp_path) -> Path:
    """A matrix folder of the test's own holding a copy of the default matrix."""
    folder = tmp_path / "matrices"
    folder.mkdir()
    shutil.copy(project_root() / "matrix" / "default.toml", folder / "default.toml")
    app_config["MATRIX_DIR"] = str(folder)
    return folder


@pytest.fixture
def world(app, make) -> ScoringWorld:
    auditor = make.user("auditor", name="Dana Auditor")
    plan = make.plan(reference="EHCP-T-RAVI", kind="new")
    document = PlanDocument(
        plan_id=plan.id,
        version=1,
        sha256="a" * 64,
        size=1000,
        original_name="plan.docx",
        file_type="docx",
        parsed={"section_text": PLAN_TEXT, "outcomes": []},
    )
    db.session.add(document)
    db.session.flush()
    db.session.add(
        Analysis(
            document_id=document.id,
            analyser_version="1",
            status="done",
            result=ANALYSIS,
            finished_at=datetime(2025, 11, 1, tzinfo=UTC),
        )
    )
    db.session.commit()
    audit = make.audit(plan, auditor, document_id=document.id, due_on=date(2025, 12, 1))
    return ScoringWorld(auditor, plan, document, audit)
