"""The plan layouts found in practice, each returning its blocks and the outcomes it wrote.

Table-based layouts live in ``table_layouts``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .gallery import (
    conversion_combined,
    dfe_change,
    form_columns,
    label_cells,
    numbered_sections,
    outcome_lists,
)
from .plan_facts import FilledStrand, PlanFacts
from .plan_shared import Built, by_area, strand_table, truth_of
from .sections import Writer
from .spec import Block, CellSpec, FillerSlot, Para, TableSpec, TruthOutcome
from .table_layouts import area_tables, aspiration_table, outcome_provision, term_table


def _revise(para: Para) -> Para:
    """Turn the end of a paragraph into a tracked revision (old words deleted, new inserted)."""
    cut = para.text.index(" will ") + 6
    return Para(para.text[:cut], para.style, tracked=("try to ", para.text[cut:]))


def _number_needs(facts: PlanFacts) -> None:
    """Number the needs B1, B2... and tag each outcome with its need, in shuffled order."""
    numbered = []
    number = 0
    for strand in facts.strands:
        if not strand.need:  # an outcome with no need has nothing to link to
            numbered.append(strand)
            continue
        number += 1
        numbered.append(
            replace(
                strand,
                need=f"B{number}: {strand.need}",
                outcome=f"{strand.outcome} (links to need B{number})",
            )
        )
    facts.strands = numbered


def _outcome_order(facts: PlanFacts, numbered: bool) -> Callable[[list[FilledStrand]], list]:
    def order(strands: list[FilledStrand]) -> list[FilledStrand]:
        return facts.rng.sample(strands, len(strands)) if numbered else strands

    return order


def headed(w: Writer) -> Built:
    facts = w.facts
    numbered = facts.rng.random() < 0.4
    if numbered:
        _number_needs(facts)
    blocks: list[Block] = [*w.front_matter(False), *w.section_a(), w.heading("B"), FillerSlot("B")]
    blocks += by_area(w, lambda s: s.need)
    blocks += w.health_and_care_needs()
    blocks += [w.heading("E"), Para(f"The outcomes below were agreed with {facts.initials}.")]
    outcome_blocks = by_area(w, lambda s: s.outcome, order=_outcome_order(facts, numbered))
    revisable = [i for i, b in enumerate(outcome_blocks) if b.style == "bullet"]
    target = facts.rng.choice(revisable)
    outcome_blocks[target] = _revise(outcome_blocks[target])
    outcome_blocks.insert(
        target, Para(f"{facts.initials} will attend a lunchtime club.", "bullet", deleted=True)
    )
    blocks += outcome_blocks
    if facts.health:
        blocks += [Para("Health", "h2"), Para(facts.health.outcome, "bullet")]
    blocks += [w.heading("F"), *by_area(w, lambda s: s.provision)]
    blocks += w.health_and_care_provision() + w.closing_sections()
    strands = facts.strands + ([facts.health] if facts.health else [])
    return blocks, [truth_of(s) for s in strands]


def conversion(w: Writer) -> Built:
    facts = w.facts
    strands = facts.strands
    blocks: list[Block] = [*w.front_matter(True)]
    blocks.append(
        Para("Part 1: Views, interests and aspirations of the child and parents", w.style)
    )
    blocks += [FillerSlot("A"), Para("Aspirations", "h2")]
    blocks += [Para(text, "bullet") for text in facts.aspirations]
    blocks += [Para("Part 2: Special educational needs", w.style), FillerSlot("B")]
    blocks += [Para(s.need, "number") for s in strands if s.need]
    blocks += w.health_and_care_needs()
    blocks += [Para("Part 3: Special educational provision", w.style), Para("Objectives", "h2")]
    blocks += [Para(s.outcome, "number") for s in strands]
    blocks.append(Para("Educational provision to meet needs and objectives", "h2"))
    blocks += [Para(s.provision, "number") for s in strands]
    blocks.append(Para("Monitoring arrangements", "h2"))
    blocks.append(
        Para("Progress towards the objectives will be monitored by the education authority.")
    )
    blocks += w.health_and_care_provision() + w.closing_sections()
    return blocks, [TruthOutcome(s.outcome, s.need, s.provision, None) for s in strands]


def _box(heading: Para, content: list[Block]) -> TableSpec:
    head = CellSpec(heading.text, shaded=True)
    return TableSpec([[head], [CellSpec(blocks=content)]])


def boxed(w: Writer) -> Built:
    """Every section in a bordered box; provision as nested tables inside the F box."""
    facts = w.facts
    blocks: list[Block] = [*w.front_matter(False)]
    section_a = w.section_a()
    blocks.append(_box(section_a[0], section_a[1:]))
    blocks.append(_box(w.heading("B"), by_area(w, lambda s: s.need)))
    needs = w.health_and_care_needs()
    split = next(i for i, b in enumerate(needs) if i and isinstance(b, Para) and b.style == w.style)
    blocks += [_box(needs[0], needs[1:split]), _box(needs[split], needs[split + 1 :])]
    outcome_blocks = by_area(w, lambda s: s.outcome)
    first = next(i for i, b in enumerate(outcome_blocks) if b.style == "bullet")
    outcome_blocks[first] = _revise(outcome_blocks[first])
    blocks.append(_box(w.heading("E"), outcome_blocks))
    provision: list[Block] = []
    for area in facts.areas:
        provision.append(Para(area, "h2"))
        rows = [[s.provision, s.by_whom, s.frequency] for s in facts.in_area(area)]
        provision.append(strand_table(["Provision", "Delivered by", "How often"], rows, None))
    blocks.append(_box(w.heading("F"), provision))
    blocks += w.health_and_care_provision() + w.closing_sections()
    return blocks, [truth_of(s) for s in facts.strands]


LAYOUT_BUILDERS: dict[str, Callable[[Writer], Built]] = {
    "headed": headed,
    "area_tables": area_tables,
    "aspiration_table": aspiration_table,
    "outcome_provision": outcome_provision,
    "term_table": term_table,
    "conversion": conversion,
    "boxed": boxed,
    "dfe_change": dfe_change,
    "numbered_sections": numbered_sections,
    "outcome_lists": outcome_lists,
    "label_cells": label_cells,
    "conversion_combined": conversion_combined,
    "form_columns": form_columns,
}
CONVERSION_LAYOUTS = frozenset({"conversion", "conversion_combined"})
"""Layouts of plans converted from a Statement of SEN (written on the conversion template)."""
