"""The plan's text as the scoring and moderation pages show it: parsed sections in plan order,
by anchor."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from qa_audit.extensions import db
from qa_audit.models import Audit, Plan, PlanDocument
from qa_audit.plan_sections import SECTION_KEYS

SECTION_TITLES = {
    "A": "Views, interests and aspirations",
    "B": "Special educational needs",
    "C": "Health needs",
    "D": "Social care needs",
    "E": "Outcomes",
    "F": "Special educational provision",
    "G": "Health provision",
    "H1": "Social care provision (section 2 CSDPA 1970)",
    "H2": "Other social care provision",
    "I": "Placement",
    "J": "Personal budget",
    "K": "Advice and information",
}


@dataclass(frozen=True)
class PlanSection:
    key: str
    title: str
    paragraphs: tuple[str, ...]

    @property
    def anchor(self) -> str:
        return f"plan-section-{self.key}"


def plan_sections(parsed: Mapping[str, Any] | None) -> list[PlanSection]:
    """Sections found in a parsed plan (``ParsedPlan.to_dict()`` shape), A to K."""
    texts = (parsed or {}).get("section_text") or {}
    sections = []
    for key in SECTION_KEYS:
        text = texts.get(key)
        if not isinstance(text, str) or not text.strip():
            continue
        paragraphs = tuple(line.strip() for line in text.splitlines() if line.strip())
        sections.append(PlanSection(key, f"Section {key}: {SECTION_TITLES[key]}", paragraphs))
    return sections


def audited_document(audit: Audit) -> PlanDocument | None:
    """The document version the audit is of: the one it was assigned with, else the plan's
    latest."""
    if audit.document_id:
        return db.session.get(PlanDocument, audit.document_id)
    return db.session.get_one(Plan, audit.plan_id).latest_document
