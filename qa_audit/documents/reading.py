"""How sure a reading is, and whether the document is a plan at all.

A document that is not a plan (professional advice written for an EHC needs assessment, a blank
template, a contents page) reuses the plan's section labels; read as a plan it would report
sections, outcomes and missing advice that are not there. Such a document is reported as not
looking like a plan, and nothing in it is kept as plan content.
"""

from __future__ import annotations

import re

from qa_audit.plan_sections import SECTION_KEYS

from .model import ParsedPlan, Reading, TemplateVerdict

TITLE_LINES = 8
ADVICE_TITLE = re.compile(
    r"\b(?:advice|report|information|contribution)\b[\w ,/()-]{0,40}?\b(?:for|to inform|"
    r"towards|contributing to|as part of)\s+(?:an?\s+|the\s+)?(?:statutory\s+)?(?:education,?\s+"
    r"health\s+and\s+care|ehc|ehcp?)\s*(?:needs\s+)?assessment"
    r"|\b(?:psychological|educational psychology|medical|health|social care|speech and language)"
    r" advice\b",
    re.IGNORECASE,
)
PLAN_TITLE = re.compile(r"education,?\s+health\s+and\s+care\s+plan|\behc\s?plan\b", re.IGNORECASE)
MIN_PLAN_SECTIONS = 3
SURE_SECTIONS = 10
LIKELY_SECTIONS = 6
NOT_A_PLAN = (
    "This does not look like an EHC plan: fewer than three of the plan's sections (A to K) and "
    "no outcomes were found in it."
)
ADVICE_FORM = (
    "This looks like professional advice written for an EHC needs assessment, not a plan: its "
    "section labels are not read as the plan's sections or outcomes."
)
NOT_FILLED_IN = (
    "This looks like a plan template that has not been filled in: it has the plan's section "
    "headings but no needs, outcomes or provision written under them."
)


def judge_reading(
    plan: ParsedPlan, lines: list[str], guidance_lines: int, contents_lines: int
) -> Reading:
    """The reading of ``plan``. Advice written for an assessment and an unfilled template are
    emptied of what their labels made look like plan content."""
    title = "\n".join(line for line in lines[:TITLE_LINES] if line)
    found = len(plan.sections)
    if ADVICE_TITLE.search(title) and not PLAN_TITLE.search(title):
        status, message = "not_a_plan", ADVICE_FORM
    elif found < MIN_PLAN_SECTIONS and not plan.outcomes:
        status, message = "not_a_plan", NOT_A_PLAN
    elif not (plan.needs or plan.outcomes or plan.provision):
        status, message = "not_filled_in", NOT_FILLED_IN
    else:
        status, message = "plan", None
    if message in (ADVICE_FORM, NOT_FILLED_IN):  # labels that look like a plan's: drop them
        _empty(plan)
    notes = []
    if guidance_lines:
        notes.append(f"{guidance_lines} lines of template guidance or worked examples ignored")
    if contents_lines:
        notes.append(f"{contents_lines} lines of a contents list ignored")
    return Reading(
        status=status,
        message=message,
        sections={key: "found" if key in plan.sections else "not found" for key in SECTION_KEYS},
        outcomes="found" if plan.outcomes else "not found",
        confidence=_confidence(plan) if status == "plan" else "low",
        notes=notes,
    )


def _confidence(plan: ParsedPlan) -> str:
    found = len(plan.sections)
    if plan.outcomes and found >= SURE_SECTIONS and all(o.need for o in plan.outcomes):
        return "high"
    if plan.outcomes and found >= LIKELY_SECTIONS:
        return "medium"
    return "low"


def _empty(plan: ParsedPlan) -> None:
    plan.sections.clear()
    plan.needs, plan.outcomes, plan.provision, plan.advice, plan.aspirations = [], [], [], [], []
    plan.year_group = plan.issue_date = plan.review_date = None
    plan.template = TemplateVerdict("unknown", [])
