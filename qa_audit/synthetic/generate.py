"""Generate one plan: choose facts, lay them out, pad to length, render, record the truth."""

from __future__ import annotations

from datetime import date
from typing import Literal

from .content import FILLER
from .faults import QUALITIES, faults_after_layout, plant_faults, plant_slip
from .layouts import CONVERSION_LAYOUTS, LAYOUT_BUILDERS
from .plan_facts import PlanFacts, choose_facts
from .render_docx import render_docx
from .render_pdf import render_pdf
from .sections import Writer
from .spec import Block, FillerSlot, GeneratedPlan, Para, PlanTruth, TableSpec

LAYOUTS: tuple[str, ...] = tuple(LAYOUT_BUILDERS)
ALL_SECTIONS = {"A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"}


def generate_plan(
    seed: int,
    layout: str,
    fmt: Literal["docx", "pdf"] = "docx",
    words: int | None = None,
    *,
    issued: date | None = None,
    year_group: int | None = None,
    quality: Literal["good", "slip", "weak"] = "good",
) -> GeneratedPlan:
    """A fictional plan in ``layout`` and ``fmt``; ``words`` pads it to about that length;
    ``issued`` and ``year_group`` pin the plan's issue date and year group. A ``"weak"`` plan
    is the same child with faults planted (recorded in ``truth.faults``); a ``"slip"`` plan is
    the good plan with one slip planted."""
    if layout not in LAYOUT_BUILDERS:
        raise ValueError(f"unknown layout {layout!r}; choose from {', '.join(LAYOUTS)}")
    if quality not in QUALITIES:
        raise ValueError(f"unknown quality {quality!r}; choose from {', '.join(QUALITIES)}")
    facts = choose_facts(seed, issued, year_group)
    faults = []
    if quality == "weak":
        faults = plant_faults(facts, layout, seed)
    elif quality == "slip":
        faults = plant_slip(facts, seed)
    provision = [(s.need, s.provision) for s in facts.all_strands]  # before layouts number needs
    blocks, outcomes = LAYOUT_BUILDERS[layout](Writer(facts))
    if faults:
        faults += faults_after_layout(faults, facts, outcomes)
    blocks = _pad(blocks, facts, words)
    if fmt == "docx":
        data = render_docx(blocks)
    elif fmt == "pdf":
        ruling = facts.rng.choice(("ALL", "INTERNAL"))
        data = render_pdf(blocks, f"EHC plan {facts.initials}", ruling)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    truth = PlanTruth(
        sections=set(ALL_SECTIONS),
        outcomes=outcomes,
        template="conversion"
        if layout in CONVERSION_LAYOUTS or facts.from_statement
        else "current",
        year_group=facts.year_group,
        issue_date=facts.issue_date,
        review_date=facts.review_date,
        aspirations=list(facts.aspirations),
        advice_sources=[source for source, _, _ in facts.advice],
        faults=faults,
        provision=provision,
    )
    name = f"plan-{seed:04d}-{layout}" + ("" if quality == "good" else f"-{quality}")
    return GeneratedPlan(data, f"{name}.{fmt}", truth, layout, fmt)


def _words(blocks: list[Block]) -> int:
    total = 0
    for block in blocks:
        if isinstance(block, Para):
            total += len(block.text.split())
        elif isinstance(block, TableSpec):
            for row in block.rows:
                for cell in row:
                    if cell is not None:
                        total += len(cell.text.split()) + _words(cell.blocks or [])
    return total


def _slots(blocks: list[Block]) -> list[tuple[list[Block], FillerSlot]]:
    """Every filler slot with the list holding it, inside table cells too."""
    found: list[tuple[list[Block], FillerSlot]] = []
    for block in blocks:
        if isinstance(block, FillerSlot):
            found.append((blocks, block))
        elif isinstance(block, TableSpec):
            for row in block.rows:
                for cell in row:
                    if cell is not None and cell.blocks:
                        found += _slots(cell.blocks)
    return found


def _pad(blocks: list[Block], facts: PlanFacts, words: int | None) -> list[Block]:
    """Replace filler slots with realistic paragraphs until the plan has about ``words`` words."""
    slots = _slots(blocks)
    extra: dict[int, list[Block]] = {id(slot): [] for _, slot in slots}
    missing = (words or 0) - _words(blocks)
    rng = facts.rng
    turn = 0
    while missing > 0 and slots:
        sentences = [s.format(c=facts.initials) for s in rng.sample(FILLER, rng.randint(4, 6))]
        text = " ".join(sentences)
        extra[id(slots[turn % len(slots)][1])].append(Para(text))
        missing -= len(text.split())
        turn += 1
    for holder, slot in slots:
        position = holder.index(slot)
        holder[position : position + 1] = extra[id(slot)]
    return blocks
