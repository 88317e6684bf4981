"""Building blocks shared by every layout: front matter, headings, sections A, C, D, G-K."""

from __future__ import annotations

from .plan_facts import PlanFacts
from .spec import Block, CellSpec, FillerSlot, Para, TableSpec

TITLES = {
    "A": ("Views, interests and aspirations", "The views, interests and aspirations of the child"),
    "B": ("Special educational needs", "Special educational needs (SEN)"),
    "C": ("Health needs related to SEN", "Health needs"),
    "D": ("Social care needs", "Social care needs related to SEN or disability"),
    "E": ("Outcomes", "Outcomes sought for the child or young person"),
    "F": ("Special educational provision", "Special educational provision required"),
    "G": ("Health provision", "Health provision reasonably required"),
    "H1": (
        "Social care provision under section 2 of the CSDPA 1970",
        "Social care provision under section 2 of the Chronically Sick and Disabled Persons Act",
    ),
    "H2": ("Other social care provision", "Any other social care provision"),
    "I": ("Placement", "Name and type of school or setting"),
    "J": ("Personal budget", "Personal budget and direct payments"),
    "K": ("Advice and information", "Advice and information gathered"),
}
HEADING_FORMATS = (
    "Section {key}: {title}",
    "{key}. {title}",
    "Section {key} \u2013 {title}",
    "SECTION {key} - {upper}",
    "{key}: {title}",
)


def year_label(year_group: int | None, rng) -> str:
    if year_group is None:
        return "Nursery (early years)"
    if year_group == 0:
        return "Reception"
    return rng.choice(("Year {n}", "NC Year: {n}", "Year {n}")).format(n=year_group)


class Writer:
    """Heading wording and styling chosen once per plan, so one plan is consistent."""

    def __init__(self, facts: PlanFacts) -> None:
        rng = facts.rng
        self.facts = facts
        self.format = rng.choice(HEADING_FORMATS)
        self.variant = rng.randrange(2)
        self.style = rng.choice(("h1", "bold"))

    def letterless(self) -> None:
        """Headings by title alone, as templates that keep the letters for table columns do."""
        self.format = "{title}"

    def heading(self, key: str) -> Para:
        title = TITLES[key][self.variant]
        text = self.format.format(key=key, title=title, upper=title.upper())
        return Para(text, self.style)

    def front_matter(self, conversion: bool) -> list[Block]:
        facts = self.facts
        title = "Education, Health and Care Plan"
        blocks: list[Block] = [Para(title, "title")]
        if conversion or facts.from_statement:
            blocks.append(
                Para(
                    f"This plan has been issued in place of a Statement of Special Educational "
                    f"Needs and was transferred from the Statement held by {facts.initials}. It "
                    "was agreed by the education authority.",
                )
            )
        rows = [
            ("Name", facts.initials),
            ("Year group", year_label(facts.year_group, facts.rng)),
            ("Date of issue", facts.issue_date.strftime("%d %B %Y")),
            ("Date of next review", facts.review_date.strftime("%d/%m/%Y")),
        ]
        blocks.append(TableSpec([[CellSpec(k, shaded=True), CellSpec(v)] for k, v in rows]))
        return blocks

    def section_a(self) -> list[Block]:
        facts = self.facts
        blocks: list[Block] = [self.heading("A"), Para("About me", "h2")]
        blocks.append(Para(f"{facts.initials} likes music, swimming and spending time outdoors."))
        blocks.append(FillerSlot("A"))
        blocks.append(Para("My aspirations for the future", "h2"))
        blocks += [Para(text, "bullet") for text in facts.aspirations]
        blocks.append(Para("What is important to me", "h2"))
        blocks.append(Para("Being with my family and knowing what will happen next."))
        return blocks

    def simple_section(self, key: str, items: list[str], empty: str) -> list[Block]:
        blocks: list[Block] = [self.heading(key)]
        if key in ("C", "D"):
            blocks.append(FillerSlot(key))
        blocks += [Para(text, "bullet") for text in items] if items else [Para(empty)]
        return blocks

    def health_and_care_needs(self) -> list[Block]:
        f = self.facts
        return self.simple_section(
            "C", [f.health.need] if f.health else [], "There are no identified health needs."
        ) + self.simple_section(
            "D", [f.social.need] if f.social else [], "There are no identified social care needs."
        )

    def health_and_care_provision(self) -> list[Block]:
        f = self.facts
        return (
            self.simple_section(
                "G", [f.health.provision] if f.health else [], "No health provision is required."
            )
            + self.simple_section(
                "H1",
                [f.social.provision] if f.social else [],
                "No social care provision under section 2 is required.",
            )
            + self.simple_section(
                "H2",
                [f.social_other] if f.social_other else [],
                "No other social care provision is required.",
            )
        )

    def closing_sections(self) -> list[Block]:
        facts = self.facts
        blocks: list[Block] = [self.heading("I"), Para(facts.school)]
        blocks += [self.heading("J"), Para("A personal budget has not been requested.")]
        blocks.append(self.heading("K"))
        blocks.append(Para("The following advice and information was gathered:"))
        if facts.rng.random() < 0.5:
            rows: list[list[CellSpec | None]] = [
                [CellSpec("Advice from", shaded=True), CellSpec("Date", shaded=True)]
            ]
            rows += [
                [CellSpec(role), CellSpec(when.strftime("%d/%m/%Y"))]
                for _, role, when in facts.advice
            ]
            blocks.append(TableSpec(rows))
        else:
            blocks += [
                Para(f"{role} \u2013 report dated {when.strftime('%d %B %Y')}", "bullet")
                for _, role, when in facts.advice
            ]
        return blocks
