"""More layouts that councils publish, learnt from national and local templates (the content is
the generator's own): the DfE change-programme tables, numbered sections, plain outcome lists,
headings in table cells and a conversion plan with sections run together."""

from __future__ import annotations

from dataclasses import replace

from .content import EDUCATION, HEALTH
from .plan_facts import FilledStrand, PlanFacts
from .plan_shared import Built, by_area, truth_of
from .sections import TITLES, Writer
from .spec import Block, CellSpec, FillerSlot, Para, RunningHead, TableSpec, TruthOutcome

DFE_HEADERS = (
    {
        "B": "Special educational needs (Section B)",
        "F": "Special educational provision (Section F)",
        "E": "Outcomes (Section E)",
        "C": "Health needs related to SEN (Section C)",
        "G": "Health provision (Section G)",
        "D": "Social care needs (Section D)",
        "H1": "Social care provision under section 2 CSDPA (Section H1)",
        "H2": "Other social care provision (Section H2)",
    },
    {
        "B": "B: What I need help with",
        "F": "F: Support to meet my needs",
        "E": "E: What I will achieve",
        "C": "C: My health needs",
        "G": "G: Health provision",
        "D": "D: My social care needs",
        "H1": "H1: Social care provision (CSDPA section 2)",
        "H2": "H2: Other social care provision",
    },
)
MARKERS = ("\u2022 ", "- ", "number")


def _running_head(facts: PlanFacts) -> RunningHead:
    return RunningHead(f"OFFICIAL-SENSITIVE - EHC plan for {facts.initials}")


def _listed(texts: list[str], marker: str) -> str:
    """Several items in one cell, each on its own line with a typed marker."""
    if marker == "number":
        return "\n".join(f"{n}. {text}" for n, text in enumerate(texts, start=1))
    return "\n".join(marker + text for text in texts)


def _header(keys: tuple[str, ...], wording: dict[str, str]) -> list[CellSpec | None]:
    return [CellSpec(wording[key], shaded=True) for key in keys]


def dfe_change(w: Writer) -> Built:
    """One table per area of need with columns B | F | E (health C | G | E, social care
    D | H1 | H2 | E); section letters only in the column headings; one row per need, or one row
    whose cells list every need, provision and outcome of the area (outcomes shuffled)."""
    facts, rng = w.facts, w.facts.rng
    w.letterless()
    wording = rng.choice(DFE_HEADERS)
    blocks: list[Block] = [*w.front_matter(False), *w.section_a()]
    blocks.append(Para("My needs, outcomes and support", w.style))
    for area in facts.areas:
        strands = facts.in_area(area)
        grid: list[list[CellSpec | None]] = [
            [CellSpec(area, colspan=3, shaded=True), None, None],
            _header(("B", "F", "E"), wording),
        ]
        if len(strands) > 1 and rng.random() < 0.6:
            marker = rng.choice(MARKERS)
            outcomes = rng.sample(strands, len(strands))
            outcome_marker = rng.choice((*MARKERS, ""))
            grid.append(
                [
                    CellSpec(_listed([s.need for s in strands], marker)),
                    CellSpec(_listed([s.provision for s in strands], marker)),
                    CellSpec(_listed([s.outcome for s in outcomes], outcome_marker)),
                ]
            )
        else:
            grid += [
                [CellSpec(s.need), CellSpec(s.provision), CellSpec(s.outcome)] for s in strands
            ]
        blocks.append(TableSpec(grid))
    health, social = facts.health, facts.social
    blocks.append(Para("Health", "h2"))
    row = [health.need, health.provision, health.outcome] if health else None
    blocks.append(
        TableSpec(
            [
                _header(("C", "G", "E"), wording),
                [CellSpec(t) for t in row or ("No identified health needs.", "None.", "")],
            ]
        )
    )
    blocks.append(Para("Social care", "h2"))
    cells = (
        [social.need, social.provision, facts.social_other or "", social.outcome]
        if social
        else ["No identified social care needs.", "None.", "None.", ""]
    )
    blocks.append(
        TableSpec([_header(("D", "H1", "H2", "E"), wording), [CellSpec(t) for t in cells]])
    )
    return blocks + w.closing_sections(), [truth_of(s) for s in facts.all_strands]


def _details(strand: FilledStrand) -> list[Para]:
    """Provision written as an attribute list under its item."""
    how_often, _, how_long = strand.frequency.partition(", ")
    lines = [Para(f"Provider: {strand.by_whom}"), Para(f"Frequency: {how_often}")]
    if how_long:
        lines.append(Para(f"Duration: {how_long}"))
    return lines


NUMBERED_TITLES = (
    ("A", "About me and what is important to me"),
    ("B", "Special educational needs and provision"),
    ("C", "Health needs and provision"),
    ("D", "Social care needs and provision"),
    ("I", "Placement"),
    ("J", "Personal budget"),
    ("K", "Advice and information"),
)
WORKED_EXAMPLE = (
    Para("Worked example", "bold"),
    Para("By the end of Year 4, Sam will read a short passage aloud with 90% accuracy.", "bullet"),
    Para("Weekly reading session with a trained adult, 30 minutes.", "bullet"),
)


def numbered_sections(w: Writer) -> Built:
    """'Section 3: Special educational needs and provision' (numbers, no letters), each area
    with Needs / Intended outcomes / Provision, provision as Provider / Frequency / Duration
    lines; a contents list, template guidance and a worked example left in."""
    facts, rng = w.facts, w.facts.rng
    numbers = {key: n for n, (key, _) in enumerate(NUMBERED_TITLES, start=1)}
    titles = dict(NUMBERED_TITLES)

    def heading(key: str) -> Para:
        return Para(f"Section {numbers[key]}: {titles[key]}", w.style)

    blocks: list[Block] = [_running_head(facts), *w.front_matter(False)]
    if rng.random() < 0.5:
        blocks.append(Para("Contents", "h2"))
        blocks += [
            Para(f"Section {n}: {title} {'.' * 12} {n + 1}")
            for n, (_, title) in enumerate(NUMBERED_TITLES, start=1)
        ]
    section_a = w.section_a()
    blocks += [heading("A"), *section_a[1:], heading("B")]
    blocks.append(
        Para("Guidance: describe each need, the outcomes sought and the provision for it.")
    )
    blocks += WORKED_EXAMPLE
    for area in facts.areas:
        strands = facts.in_area(area)
        blocks += [Para(area, "h2"), Para("Needs", "bold")]
        blocks += [Para(s.need, "bullet") for s in strands]
        blocks.append(Para(rng.choice(("Intended outcomes", "Outcomes")), "bold"))
        blocks += [Para(s.outcome, "bullet") for s in strands]
        blocks.append(Para("Provision", "bold"))
        for strand in strands:
            blocks += [Para(strand.provision, "bullet"), *_details(strand)]
    for key, strand, need_title, empty in (
        ("C", facts.health, "Health needs", "There are no identified health needs."),
        ("D", facts.social, "Social care needs", "There are no identified social care needs."),
    ):
        blocks += [heading(key), Para(need_title, "bold")]
        blocks.append(Para(strand.need, "bullet") if strand else Para(empty))
        if strand:
            blocks += [Para("Intended outcomes", "bold"), Para(strand.outcome, "bullet")]
        blocks += _care_provision(key, strand, facts)
    blocks += [heading("I"), Para(facts.school), heading("J")]
    blocks.append(Para("A personal budget has not been requested."))
    blocks += [heading("K"), *w.closing_sections()[5:]]
    return blocks, [truth_of(s) for s in facts.all_strands]


def _care_provision(key: str, strand: FilledStrand | None, facts: PlanFacts) -> list[Block]:
    if key == "C":
        items = [strand.provision] if strand else ["No health provision is required."]
        return [Para("Health provision", "bold"), *[Para(t, "bullet") for t in items]]
    h1 = strand.provision if strand else "No social care provision under section 2 is required."
    h2 = facts.social_other or "No other social care provision is required."
    return [
        Para(TITLES["H1"][0], "bold"),
        Para(h1, "bullet"),
        Para(TITLES["H2"][0], "bold"),
        Para(h2, "bullet"),
    ]


LIST_STYLES = ("typed_numbers", "plain", "number", "typed_bullets")
SHORT_HEADINGS = ("Section {key}:", "{key}.", "{title}", "{key}. {title}")


def _first_person(facts: PlanFacts, form: str) -> None:
    """Outcomes in the child's voice: 'By July 2026, I will ...' or '... I can ...'. Only the
    stock good wording is turned round; a weak plan's planted wording stays as planted."""
    subject = f"{facts.initials} will"
    stock = {facts.fill(s.outcome) for s in (*HEALTH, *(s for v in EDUCATION.values() for s in v))}

    def voiced(strand: FilledStrand) -> FilledStrand:
        if strand.outcome not in stock:
            return strand
        return replace(strand, outcome=strand.outcome.replace(subject, form))

    facts.strands = [voiced(s) for s in facts.strands]
    if facts.health:
        facts.health = voiced(facts.health)


def outcome_lists(w: Writer) -> Built:
    """Abbreviated headings ('Section E:', 'E.', bare 'Outcomes'); outcomes as typed numbers,
    plain paragraphs or list items, sometimes 'I will' / 'I can', in an order of their own."""
    facts, rng = w.facts, w.facts.rng
    form = rng.choice((None, "I will", "I can"))
    if form:
        _first_person(facts, form)
    w.format = rng.choice(SHORT_HEADINGS)
    blocks: list[Block] = [*w.front_matter(False), *w.section_a(), w.heading("B"), FillerSlot("B")]
    blocks += by_area(w, lambda s: s.need)
    blocks += w.health_and_care_needs()
    blocks.append(w.heading("E"))
    style = rng.choice(LIST_STYLES)
    strands = facts.strands + ([facts.health] if facts.health else [])
    ordered = rng.sample(strands, len(strands))
    for number, strand in enumerate(ordered, start=1):
        if style == "typed_numbers":
            blocks.append(Para(f"{number}. {strand.outcome}"))
        elif style == "typed_bullets":
            blocks.append(Para(f"\u2022 {strand.outcome}"))
        else:
            blocks.append(Para(strand.outcome, "body" if style == "plain" else "number"))
    blocks += [w.heading("F"), *by_area(w, lambda s: s.provision)]
    blocks += w.health_and_care_provision() + w.closing_sections()
    return blocks, [truth_of(s) for s in strands]


def label_cells(w: Writer) -> Built:
    """Each section a row of one long table: its heading in the left cell, its content (area
    subheadings and list items) in the right; a running head on every page."""
    return _labelled_rows(w, ruled=True)


def form_columns(w: Writer) -> Built:
    """The same form with no lines drawn: in a PDF, labels and content are two columns of text
    that only their position on the page ties together."""
    return _labelled_rows(w, ruled=False)


def _labelled_rows(w: Writer, ruled: bool) -> Built:
    facts = w.facts
    blocks: list[Block] = [_running_head(facts), *w.front_matter(False)]
    blocks += [Para("About this plan", "h2"), FillerSlot("intro")]  # cells stay short
    section_a = w.section_a()
    parts: list[tuple[Para, list[Block]]] = [(section_a[0], section_a[1:])]
    parts.append((w.heading("B"), by_area(w, lambda s: s.need)))
    parts += _split_sections(w.health_and_care_needs(), w.style)
    parts.append((w.heading("E"), by_area(w, lambda s: s.outcome)))
    parts.append((w.heading("F"), by_area(w, lambda s: s.provision)))
    parts += _split_sections(w.health_and_care_provision() + w.closing_sections(), w.style)
    grid: list[list[CellSpec | None]] = [
        [
            CellSpec(head.text, shaded=True),
            CellSpec(blocks=[b for b in body if isinstance(b, Para)]),
        ]
        for head, body in parts
    ]
    blocks.append(TableSpec(grid, widths=(1, 3), ruled=ruled))
    strands = facts.strands
    return blocks, [truth_of(s) for s in strands]


def _split_sections(blocks: list[Block], style: str) -> list[tuple[Para, list[Block]]]:
    """Blocks cut at each section heading: (heading, what follows it)."""
    parts: list[tuple[Para, list[Block]]] = []
    for block in blocks:
        if isinstance(block, Para) and block.style == style:
            parts.append((block, []))
        elif parts and not isinstance(block, FillerSlot):
            if isinstance(block, TableSpec):  # advice table -> one line per row
                parts[-1][1].extend(
                    Para(" - ".join(c.text for c in row if c), "bullet") for row in block.rows[1:]
                )
            else:
                parts[-1][1].append(block)
    return parts


def conversion_combined(w: Writer) -> Built:
    """A plan converted from a Statement, its sections run together: Part and Section in one
    heading, 'Sections C and D' under one heading, placement and budget on their heading line."""
    facts = w.facts
    strands = facts.strands
    health, social = facts.health, facts.social
    style = w.style
    blocks: list[Block] = [*w.front_matter(True)]
    blocks.append(
        Para("Part 1: Introduction and views, interests and aspirations (Section A)", style)
    )
    blocks += [FillerSlot("A"), Para("Aspirations", "h2")]
    blocks += [Para(text, "bullet") for text in facts.aspirations]
    blocks += [Para("Part 2: Special educational needs (Section B)", style), FillerSlot("B")]
    blocks += [Para(s.need, "number") for s in strands if s.need]
    blocks.append(Para("Sections C and D: Health and social care needs", style))
    blocks.append(Para(f"Health: {health.need if health else 'no identified health needs.'}"))
    blocks.append(
        Para(f"Social care: {social.need if social else 'no identified social care needs.'}")
    )
    blocks += [Para("Part 3: Objectives (Section E)", style)]
    blocks += [Para(s.outcome, "number") for s in strands]
    blocks.append(Para("Part 3 (continued): Special educational provision (Section F)", style))
    blocks += [Para(s.provision, "number") for s in strands]
    blocks.append(Para("Monitoring arrangements", "h2"))
    blocks.append(
        Para("Progress towards the objectives will be monitored by the education authority.")
    )
    blocks.append(Para("Sections G, H1 and H2: Health and social care provision", style))
    blocks.append(Para(f"Health: {health.provision if health else 'none required.'}"))
    h1 = social.provision if social else "none required."
    blocks.append(Para(f"Social care (section 2 CSDPA): {h1}"))
    blocks.append(Para(f"Other social care: {facts.social_other or 'none required.'}"))
    blocks.append(Para(f"Section I (Part 4) \u2013 Placement: {facts.school}", style))
    blocks.append(
        Para("Section J \u2013 Personal budget: A personal budget has not been requested.", style)
    )
    blocks += w.closing_sections()[4:]
    return blocks, [TruthOutcome(s.outcome, s.need, s.provision, None) for s in strands]
