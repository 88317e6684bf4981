"""Documents that reuse a plan's section labels but are not plans, for the reader to turn away:
professional advice written for an EHC needs assessment, a blank template, a template holding
only its guidance and worked examples, and a contents page."""

from __future__ import annotations

from typing import Literal

from .plan_facts import choose_facts
from .render_docx import render_docx
from .render_pdf import render_pdf
from .sections import TITLES
from .spec import Block, CellSpec, Para, TableSpec

NOT_PLANS = ("advice_form", "blank_template", "guidance_template", "contents_page")
LETTERS = ("A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K")


def _heading(key: str) -> Para:
    return Para(f"Section {key}: {TITLES[key][0]}", "h1")


def advice_form(seed: int) -> list[Block]:
    """An educational psychologist's advice, set out under the plan's B, E and F labels."""
    facts = choose_facts(seed)
    strands = facts.strands
    return [
        Para("Psychological advice for an Education, Health and Care needs assessment", "title"),
        TableSpec(
            [
                [CellSpec("Child", shaded=True), CellSpec(facts.initials)],
                [CellSpec("Date of assessment", shaded=True), CellSpec("12 March 2025")],
            ]
        ),
        Para("Section B: Special educational needs", "h1"),
        *[Para(s.need, "bullet") for s in strands],
        Para("Section E: Outcomes the plan could seek", "h1"),
        *[Para(s.outcome, "bullet") for s in strands],
        Para("Section F: Provision recommended", "h1"),
        *[Para(s.provision, "bullet") for s in strands],
        Para("Educational Psychologist, report dated 12 March 2025"),
    ]


def blank_template(_seed: int) -> list[Block]:
    blocks: list[Block] = [Para("Education, Health and Care Plan", "title")]
    for key in LETTERS:
        blocks += [_heading(key), Para("Click or tap here to enter text.")]
    return blocks


def guidance_template(_seed: int) -> list[Block]:
    """The template as published: each section holds only guidance for the writer."""
    blocks: list[Block] = [Para("Education, Health and Care Plan", "title")]
    for key in LETTERS:
        blocks += [_heading(key), Para(f"Guidance: record the {TITLES[key][0].lower()} here.")]
        if key == "E":
            blocks += [
                Para("Worked example", "bold"),
                Para("By the end of Year 4, Sam will read a short passage aloud.", "bullet"),
            ]
        blocks.append(Para("[Insert text]"))
    return blocks


def contents_page(_seed: int) -> list[Block]:
    rows: list[list[CellSpec | None]] = [
        [CellSpec(f"Section {key}"), CellSpec(TITLES[key][0]), CellSpec(str(page))]
        for page, key in enumerate(LETTERS, start=2)
    ]
    return [
        Para("Education, Health and Care Plan", "title"),
        Para("Contents", "h1"),
        TableSpec(rows),
    ]


BUILDERS = {
    "advice_form": advice_form,
    "blank_template": blank_template,
    "guidance_template": guidance_template,
    "contents_page": contents_page,
}


def generate_not_plan(seed: int, kind: str, fmt: Literal["docx", "pdf"] = "docx") -> bytes:
    """A document of ``kind`` (one of NOT_PLANS) that is not a filled-in plan."""
    if kind not in BUILDERS:
        raise ValueError(f"unknown kind {kind!r}; choose from {', '.join(NOT_PLANS)}")
    blocks = BUILDERS[kind](seed)
    return render_docx(blocks) if fmt == "docx" else render_pdf(blocks, "Document")
