"""Layouts that put needs, outcomes and provision in tables."""

from __future__ import annotations

from .plan_facts import FilledStrand
from .plan_shared import Built, by_area, strand_table, truth_of
from .sections import TITLES, Writer
from .spec import Block, CellSpec, FillerSlot, Para, TableSpec, TruthOutcome

AREA_TABLE_HEADERS = (
    {
        "B": "B: Special educational needs",
        "F": "F: Special educational provision",
        "E": "E: Outcomes",
    },
    {"B": "B need", "F": "F provision", "E": "E outcome"},
    {"B": "Section B - Needs", "F": "Section F - Provision", "E": "Section E - Outcomes"},
    {"B": "What I find difficult (B)", "F": "Support I need (F)", "E": "What I will achieve (E)"},
)
OUTCOME_TABLE_HEADERS = (
    ["Outcome", "Provision", "By whom", "Frequency"],
    [
        "What we want to achieve (outcome)",
        "Support to achieve it",
        "Who will provide it",
        "How often",
    ],
    ["Outcomes", "Special educational provision", "Delivered by", "Frequency and duration"],
)


def area_tables(w: Writer) -> Built:
    facts = w.facts
    blocks: list[Block] = [*w.front_matter(False), *w.section_a()]
    blocks.append(Para("Needs, provision and outcomes", w.style))
    wording = facts.rng.choice(AREA_TABLE_HEADERS)
    order = facts.rng.choice((("B", "F", "E"), ("B", "E", "F")))
    headers = [wording[key] for key in order]
    for number, area in enumerate(facts.areas):
        strands = facts.in_area(area)
        cells = [{"B": s.need, "F": s.provision, "E": s.outcome} for s in strands]
        rows = [[row[key] for key in order] for row in cells]
        title_row = facts.rng.random() < 0.5
        if not title_row:
            blocks.append(Para(area, "h2"))
        table = strand_table(headers, rows, area if title_row else None)
        if number == 0 and facts.rng.random() < 0.5:
            table.in_control = True
        if number == 1:
            table = TableSpec([[CellSpec(blocks=[table])]])  # nested inside a layout table
        blocks.append(table)
    blocks.append(
        strand_table(
            [f"{k}: {TITLES[k][0]}" for k in ("C", "G", "E")],
            [[facts.health.need, facts.health.provision, facts.health.outcome]]
            if facts.health
            else [["No identified health needs.", "None required.", ""]],
            None,
        )
    )
    social = facts.social
    blocks.append(
        strand_table(
            [f"{k}: {TITLES[k][0]}" for k in ("D", "H1", "H2", "E")],
            [[social.need, social.provision, facts.social_other or "", social.outcome]]
            if social
            else [["No identified social care needs.", "None.", "None.", ""]],
            None,
        )
    )
    return blocks + w.closing_sections(), [truth_of(s) for s in facts.all_strands]


def aspiration_table(w: Writer) -> Built:
    facts = w.facts
    blocks: list[Block] = [*w.front_matter(False), w.heading("A"), FillerSlot("A")]
    blocks.append(Para("My plan: aspirations, needs, outcomes and provision", w.style))
    headers = facts.rng.choice(
        (
            ["Aspiration", "Need (Section B)", "Outcome (Section E)", "Provision (Section F)"],
            ["Aspirations", "Needs", "Outcomes", "Provision"],
        )
    )
    grid: list[list[CellSpec | None]] = [[CellSpec(h, shaded=True) for h in headers]]
    strands = facts.strands
    share = -(-len(strands) // len(facts.aspirations))
    del facts.aspirations[-(-len(strands) // share) :]  # only those the table has room for
    for index, strand in enumerate(strands):
        aspiration: CellSpec | None = None
        if index % share == 0:
            span = min(share, len(strands) - index)
            aspiration = CellSpec(facts.aspirations[index // share], rowspan=span)
        grid.append(
            [
                aspiration,
                CellSpec(strand.need),
                CellSpec(strand.outcome),
                CellSpec(strand.provision),
            ]
        )
    blocks.append(TableSpec(grid))
    blocks += w.health_and_care_needs() + w.health_and_care_provision() + w.closing_sections()
    return blocks, [truth_of(s) for s in strands]


def outcome_provision(w: Writer) -> Built:
    facts = w.facts
    blocks: list[Block] = [*w.front_matter(False), *w.section_a(), w.heading("B"), FillerSlot("B")]
    blocks += by_area(w, lambda s: s.need, "bullet")
    blocks += w.health_and_care_needs()
    blocks.append(w.heading("E"))
    headers = facts.rng.choice(OUTCOME_TABLE_HEADERS)
    for area in facts.areas:
        blocks.append(Para(area, "h2"))
        rows = [[s.outcome, s.provision, s.by_whom, s.frequency] for s in facts.in_area(area)]
        blocks.append(strand_table(headers, rows, None))
    blocks += w.health_and_care_provision() + w.closing_sections()
    return blocks, [truth_of(s) for s in facts.strands]


def _short_term(strand: FilledStrand) -> str:
    start, rest = strand.outcome.split(" will ", 1)
    subject = start.split(", ", 1)[-1]
    return f"By the end of this term, {subject} will begin to {rest}"


def term_table(w: Writer) -> Built:
    facts = w.facts
    blocks: list[Block] = [*w.front_matter(False), *w.section_a(), w.heading("B"), FillerSlot("B")]
    blocks += by_area(w, lambda s: s.need)
    blocks += w.health_and_care_needs()
    blocks.append(w.heading("E"))
    headers = [
        "Area of need",
        "Long-term outcome (end of key stage)",
        "Short-term outcome (next 12 months)",
    ]
    grid: list[list[CellSpec | None]] = [[CellSpec(h, shaded=True) for h in headers]]
    truth: list[TruthOutcome] = []
    for area in facts.areas:
        strands = facts.in_area(area)
        for index, strand in enumerate(strands):
            first = CellSpec(area, rowspan=len(strands)) if index == 0 else None
            grid.append([first, CellSpec(strand.outcome), CellSpec(_short_term(strand))])
            truth += [truth_of(strand, term="long"), truth_of(strand, _short_term(strand), "short")]
    blocks.append(TableSpec(grid))
    blocks += [w.heading("F"), *by_area(w, lambda s: s.provision)]
    blocks += w.health_and_care_provision() + w.closing_sections()
    return blocks, truth
