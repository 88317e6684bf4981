"""The plan layouts found in practice, each returning its blocks and the outcomes it wrote."""

from __future__ import annotations

from collections.abc import Callable

from .plan_facts import FilledStrand, PlanFacts
from .sections import TITLES, Writer
from .spec import Block, CellSpec, FillerSlot, Para, TableSpec, TruthOutcome

Built = tuple[list[Block], list[TruthOutcome]]


def _truth(strand: FilledStrand, text: str | None = None, term: str | None = None) -> TruthOutcome:
    return TruthOutcome(text or strand.outcome, strand.need, strand.provision, strand.area, term)


def _by_area(w: Writer, items: Callable[[FilledStrand], str], style: str = "bullet") -> list[Block]:
    blocks: list[Block] = []
    for area in w.facts.areas:
        blocks.append(Para(area, "h2", in_control=w.facts.rng.random() < 0.3))
        blocks += [Para(items(s), style) for s in w.facts.in_area(area)]
    return blocks


def _revise(para: Para, w: Writer) -> Para:
    """Turn the end of a paragraph into a tracked revision (old words deleted, new inserted)."""
    cut = para.text.index(" will ") + 6
    return Para(para.text[:cut], para.style, tracked=("try to ", para.text[cut:]))


def headed(w: Writer) -> Built:
    facts = w.facts
    blocks: list[Block] = [*w.front_matter(False), *w.section_a(), w.heading("B"), FillerSlot("B")]
    blocks += _by_area(w, lambda s: s.need)
    blocks += w.health_and_care_needs()
    blocks += [w.heading("E"), Para(f"The outcomes below were agreed with {facts.initials}.")]
    outcome_blocks = _by_area(w, lambda s: s.outcome)
    revisable = [i for i, b in enumerate(outcome_blocks) if b.style == "bullet"]
    target = facts.rng.choice(revisable)
    outcome_blocks[target] = _revise(outcome_blocks[target], w)
    outcome_blocks.insert(
        target, Para(f"{facts.initials} will attend a lunchtime club.", "bullet", deleted=True)
    )
    blocks += outcome_blocks
    blocks += [w.heading("F"), *_by_area(w, lambda s: s.provision)]
    blocks += w.health_and_care_provision() + w.closing_sections()
    return blocks, [_truth(s) for s in facts.strands]


def _strand_table(headers: list[str], rows: list[list[str]], area: str | None) -> TableSpec:
    width = len(headers)
    grid: list[list[CellSpec | None]] = []
    if area:
        grid.append([CellSpec(area, colspan=width, shaded=True), *([None] * (width - 1))])
    grid.append([CellSpec(h, shaded=True) for h in headers])
    grid += [[CellSpec(text) for text in row] for row in rows]
    return TableSpec(grid)


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
        table = _strand_table(headers, rows, area if title_row else None)
        if number == 0 and facts.rng.random() < 0.5:
            table.in_control = True
        if number == 1:
            table = TableSpec([[CellSpec(blocks=[table])]])  # nested inside a layout table
        blocks.append(table)
    blocks.append(
        _strand_table(
            [f"{k}: {TITLES[k][0]}" for k in ("C", "G", "E")],
            [[facts.health.need, facts.health.provision, facts.health.outcome]]
            if facts.health
            else [["No identified health needs.", "None required.", ""]],
            None,
        )
    )
    social = facts.social
    blocks.append(
        _strand_table(
            [f"{k}: {TITLES[k][0]}" for k in ("D", "H1", "H2", "E")],
            [[social.need, social.provision, facts.social_other or "", social.outcome]]
            if social
            else [["No identified social care needs.", "None.", "None.", ""]],
            None,
        )
    )
    return blocks + w.closing_sections(), [_truth(s) for s in facts.all_strands]


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
    return blocks, [_truth(s) for s in strands]


def outcome_provision(w: Writer) -> Built:
    facts = w.facts
    blocks: list[Block] = [*w.front_matter(False), *w.section_a(), w.heading("B"), FillerSlot("B")]
    blocks += _by_area(w, lambda s: s.need, "bullet")
    blocks += w.health_and_care_needs()
    blocks.append(w.heading("E"))
    headers = facts.rng.choice(OUTCOME_TABLE_HEADERS)
    for area in facts.areas:
        blocks.append(Para(area, "h2"))
        rows = [[s.outcome, s.provision, s.by_whom, s.frequency] for s in facts.in_area(area)]
        blocks.append(_strand_table(headers, rows, None))
    blocks += w.health_and_care_provision() + w.closing_sections()
    return blocks, [_truth(s) for s in facts.strands]


def _short_term(strand: FilledStrand) -> str:
    start, rest = strand.outcome.split(" will ", 1)
    subject = start.split(", ", 1)[-1]
    return f"By the end of this term, {subject} will begin to {rest}"


def term_table(w: Writer) -> Built:
    facts = w.facts
    blocks: list[Block] = [*w.front_matter(False), *w.section_a(), w.heading("B"), FillerSlot("B")]
    blocks += _by_area(w, lambda s: s.need)
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
            truth += [_truth(strand, term="long"), _truth(strand, _short_term(strand), "short")]
    blocks.append(TableSpec(grid))
    blocks += [w.heading("F"), *_by_area(w, lambda s: s.provision)]
    blocks += w.health_and_care_provision() + w.closing_sections()
    return blocks, truth


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
    blocks += [Para(s.need, "number") for s in strands]
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
    return TableSpec(
        [[head], [CellSpec(blocks=[b for b in content if isinstance(b, Para | TableSpec)])]]
    )


def boxed(w: Writer) -> Built:
    """Every section in a bordered box; provision as nested tables inside the F box."""
    facts = w.facts
    blocks: list[Block] = [*w.front_matter(False)]
    section_a = w.section_a()
    blocks.append(_box(section_a[0], section_a[1:]))
    blocks.append(_box(w.heading("B"), _by_area(w, lambda s: s.need)))
    needs = w.health_and_care_needs()
    split = next(i for i, b in enumerate(needs) if i and isinstance(b, Para) and b.style == w.style)
    blocks += [_box(needs[0], needs[1:split]), _box(needs[split], needs[split + 1 :])]
    outcome_blocks = _by_area(w, lambda s: s.outcome)
    first = next(i for i, b in enumerate(outcome_blocks) if b.style == "bullet")
    outcome_blocks[first] = _revise(outcome_blocks[first], w)
    blocks.append(_box(w.heading("E"), outcome_blocks))
    provision: list[Block] = []
    for area in facts.areas:
        provision.append(Para(area, "h2"))
        rows = [[s.provision, s.by_whom, s.frequency] for s in facts.in_area(area)]
        provision.append(_strand_table(["Provision", "Delivered by", "How often"], rows, None))
    blocks.append(_box(w.heading("F"), provision))
    blocks += w.health_and_care_provision() + w.closing_sections()
    return blocks, [_truth(s) for s in facts.strands]


LAYOUT_BUILDERS: dict[str, Callable[[Writer], Built]] = {
    "headed": headed,
    "area_tables": area_tables,
    "aspiration_table": aspiration_table,
    "outcome_provision": outcome_provision,
    "term_table": term_table,
    "conversion": conversion,
    "boxed": boxed,
}
__all__ = ["LAYOUT_BUILDERS", "PlanFacts"]
