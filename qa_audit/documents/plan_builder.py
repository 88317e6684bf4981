"""Walk a document's blocks in order and build the structured plan."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .advice import parse_advice
from .blocks import Block, Paragraph, Table, block_lines
from .headings import (
    LIST_MARKER,
    area_heading,
    contents_entry,
    frame_heading,
    heading_remainder,
    part_heading,
    section_heading,
    section_list,
    term_heading,
)
from .item_choice import choose_items
from .items import split_items
from .limits import Deadline
from .linking import link_in_part, link_outcomes
from .model import Need, Outcome, ParsedPlan, ProvisionItem, Section
from .plan_dates import ISSUE_LABEL, REVIEW_LABEL, labelled_date, year_group
from .plan_table import TableContent, read_plan_table
from .reading import judge_reading
from .table_columns import classify_column
from .template_kind import judge_template

ASPIRATION_CUE = re.compile(r"aspiration|hopes? and dreams|in the future|when i grow up", re.I)
MONITORING = re.compile(r"^\s*monitoring\b|^\s*arrangements for monitoring", re.I)
SUBHEADING_WORDS = 5
MIN_CONTENTS_ROWS = 3
NEED_SECTIONS = ("B", "C", "D")
PROVISION_SECTIONS = ("F", "G", "H1", "H2")
FAMILY_OF = {"B": "education", "F": "education", "C": "health", "G": "health"}
FAMILY_OF.update({"D": "social", "H1": "social", "H2": "social"})
PART_SECTIONS = {
    "education": {"need": "B", "provision": "F", "outcome": "E"},
    "health": {"need": "C", "provision": "G", "outcome": "E"},
    "social": {"need": "D", "provision": "H2", "outcome": "E"},
}
"""A bare "Needs" or "Provision" heading is section B or F inside the education part of a plan,
C or G inside its health part, D or H2 inside its social care part."""
COMBINED = re.compile(r"\bneeds?\b.*\b(?:provision|support)\b", re.IGNORECASE)
"""'Section 3: Special educational needs and provision': needs, outcomes and provision follow
under "Needs", "Intended outcomes" and "Provision" headings of its own."""
ATTRIBUTE = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z /&()-]{1,40}?)\s*:\s+(?P<value>\S.*)$")
"""'Provider: Speech and language therapist' under a provision item: a detail of that item."""
GUIDANCE_LINE = re.compile(
    r"^\s*(?:\[[^\]]*\]$"
    r"|(?:guidance|note to (?:the )?writer|for example|e\.g\.|example)\s*[:\-\u2013]"
    r"|click (?:or tap )?here to enter|enter text here|type here)",
    re.IGNORECASE,
)
"""Template guidance, worked examples and placeholders printed in a plan, never plan content."""
GUIDANCE_HEADING = re.compile(
    r"^\s*(?:guidance(?: notes?)?|notes? for (?:the )?(?:writer|author|caseworker)|"
    r"(?:a )?worked examples?|examples?(?: of [\w ]+)?)\s*:?\s*$",
    re.IGNORECASE,
)


@dataclass
class Candidate:
    section: str
    text: str
    area: str | None
    term: str | None
    listed: bool
    by_whom: str | None = None
    frequency: str | None = None
    family: str | None = None  # "health" or "social" for outcomes in those parts of the plan
    heading: str | None = None  # the E subheading that sets when outcomes are due

    def add_detail(self, role: str, value: str) -> None:
        old = getattr(self, role)
        setattr(self, role, f"{old}; {value}" if old else value)


def _other_subheading(block: Paragraph) -> bool:
    """A heading that names neither a section nor an area: styled, or short with no full stop."""
    text = block.text
    if block.listed or LIST_MARKER.match(text):
        return False
    short = len(text.split()) <= SUBHEADING_WORDS and not text.endswith((".", ";", ",", ":"))
    return block.heading is not None or short


class PlanBuilder:
    def __init__(self, deadline: Deadline) -> None:
        self.deadline = deadline
        self.plan = ParsedPlan()
        self.section: str | None = None
        self.area: str | None = None
        self.term: str | None = None
        self.frame: str | None = None  # an E subheading saying when the outcomes are due
        self.collecting = True
        self.in_aspirations = False
        self.in_guidance = False
        self.family: str | None = None
        self.group: list[str] = []  # sections a heading ran together ("Sections C and D")
        self.part: str | None = None  # the part of the plan a part heading opened
        self.combined = False  # the section's heading names needs and provision together
        self.candidates: list[Candidate] = []
        self.from_tables = TableContent()
        self.guidance_lines = 0
        self.contents_lines = 0

    def build(self, blocks: list[Block]) -> ParsedPlan:
        for block in blocks:
            self.feed(block)
        return self.finish(block_lines(blocks))

    def feed(self, block: Block) -> None:
        self.deadline.check()
        if isinstance(block, Paragraph):
            self.paragraph(block)
        elif self.section == "K" and self._advice_table(block):
            return
        else:
            self.table(block)

    def paragraph(self, block: Paragraph) -> None:
        text = block.text
        if not text:
            return
        if GUIDANCE_LINE.match(text):
            self.guidance_lines += 1
            return
        if contents_entry(text):
            self.contents_lines += 1
            return
        if self._part(text):
            return
        key = section_heading(text, styled=block.heading is not None)
        if key and key != self.section:
            self._start_section(key, text)
            return
        if key and key != "A":  # a subheading repeating the section's name
            self.in_guidance = False
            self._frame(text)
            return
        area = area_heading(text)
        if area:
            self.area, self.term, self.in_guidance = area, None, False
            return
        if GUIDANCE_HEADING.match(text) and len(text.split()) <= 6:
            self.in_guidance = True
        if self.in_guidance:
            self.guidance_lines += 1
            return
        term = term_heading(text)
        if term and self.section in ("E", None):
            self.term, self.frame = term, " ".join(text.split())
            return
        if not block.listed and self._frame(text):
            self.plan.sections["E"].paragraphs.append(text)
            return
        if MONITORING.match(text) and len(text.split()) <= 6:
            self.collecting = False
            return
        if self.section in PROVISION_SECTIONS and self._detail(text):
            return
        if self.section not in (None, "A", "K") and _other_subheading(block):
            self.area, self.term = None, None  # e.g. "Health": what follows is in no area
            self.plan.sections[self.section].paragraphs.append(text)
            return
        self._content(text, block.listed)

    def _part(self, text: str) -> bool:
        """A bare "Needs" / "Intended outcomes" / "Provision" heading inside a section: the
        section it names follows from the part of the plan around it, and the area of need
        it sits in goes on."""
        role = part_heading(text)
        if role is None or self.section in (None, "A", "I", "J", "K"):
            return False
        if not (self.combined or self.area):  # "Outcomes" after "Social care needs": section E
            return False
        key = PART_SECTIONS[self.family or "education"][role]
        if key != self.section:
            area, combined = self.area, self.combined
            self._start_section(key, text)
            self.area, self.part, self.combined = area, self.family, combined
        return True

    def _start_section(self, key: str, title: str) -> None:
        self.section, self.area, self.term, self.frame = key, None, None, None
        self.collecting, self.in_aspirations, self.in_guidance = True, False, False
        self.family, self.part = FAMILY_OF.get(key, self.family), None
        self.combined = COMBINED.search(title) is not None
        title = " ".join(title.split())
        self.group = section_list(title) or [key]
        for other in self.group:
            self.plan.sections.setdefault(other, Section(other, title))
        remainder = heading_remainder(title)
        if remainder:
            self._content(remainder, False)

    def _frame(self, text: str) -> bool:
        """Remember a line of section E that says when the outcomes under it are due."""
        if self.section != "E" or not frame_heading(text):
            return False
        self.frame = " ".join(text.split()).rstrip(":")
        return True

    def _group_key(self, text: str) -> tuple[str, str] | None:
        """In sections run together, the section a 'Health: ...' line belongs to, and the rest."""
        label, colon, rest = text.partition(":")
        if not colon or len(label.split()) > 8 or not rest.strip():
            return None
        lowered = label.lower()
        for key in self.group:
            if key in ("C", "G") and "health" in lowered and "mental" not in lowered:
                return key, rest.strip()
            if key == "H1" and re.search(r"section 2|csdpa|s\.?\s?2\b|\bh1\b", lowered):
                return key, rest.strip()
            if key in ("D", "H2") and "social" in lowered:
                return key, rest.strip()
        return None

    def _content(self, text: str, listed: bool) -> None:
        marker = LIST_MARKER.match(text)
        if marker:
            text, listed = text[marker.end() :].strip(), True
        if self.section is None:
            return
        if len(self.group) > 1:
            routed = self._group_key(text)
            if routed:
                self.section, text = routed
        self.plan.sections[self.section].paragraphs.append(text)
        if self.section == "A":
            self._aspiration_line(text, listed)
        elif self.section == "K":
            advice = parse_advice(text)
            if advice:
                self.plan.advice.append(advice)
        elif self.collecting:
            pieces = split_items(text, outcomes=True) if self.section == "E" else [text]
            family = self.part if self.part != "education" else None
            self.candidates += [
                Candidate(
                    self.section,
                    piece,
                    self.area,
                    self.term,
                    listed,
                    family=family,
                    heading=self.frame,
                )
                for piece in pieces
            ]

    def _detail(self, text: str) -> bool:
        """'Provider: ...', 'Frequency: ...' lines add to the provision item above them."""
        match = ATTRIBUTE.match(text)
        last = self.candidates[-1] if self.candidates else None
        if not match or last is None or last.section != self.section:
            return False
        column = classify_column(0, match.group("label"))
        if column is None or column.role not in ("by_whom", "frequency"):
            return False
        last.add_detail(column.role, match.group("value").strip())
        self.plan.sections[self.section].paragraphs.append(text)
        return True

    def _aspiration_line(self, text: str, listed: bool) -> None:
        short = len(text.split()) <= 8 and not text.endswith(".")
        if short and ASPIRATION_CUE.search(text):
            self.in_aspirations = True
        elif short and not listed:
            self.in_aspirations = False
        elif self.in_aspirations:
            self.plan.aspirations.append(text)

    def table(self, table: Table) -> None:
        content = read_plan_table(table, self.area)
        if content is None:
            contents = sum(
                contents_entry(": ".join(c.text for c in row if c.text)) for row in table.rows
            )
            if contents >= MIN_CONTENTS_ROWS:
                self.contents_lines += contents  # a contents page laid out as a table
                return
            self._flatten(table)
            return
        self.area = content.area
        tables = self.from_tables
        tables.needs += content.needs
        tables.outcomes += content.outcomes
        tables.provision += content.provision
        self.plan.aspirations += [a for a in content.aspirations if a not in self.plan.aspirations]
        for key, (title, paragraphs) in content.section_text.items():
            self.plan.sections.setdefault(key, Section(key, title)).paragraphs.extend(paragraphs)

    def _flatten(self, table: Table) -> None:
        """A table used for layout: read its cells in order as if they were body text."""
        for row in table.rows:
            for cell in row:
                for block in cell.blocks:
                    self.feed(block)

    def _advice_table(self, table: Table) -> bool:
        found = False
        for row in table.rows:
            line = " - ".join(cell.text.replace("\n", " ") for cell in row if cell.text)
            advice = parse_advice(line)
            if advice and advice.date is not None:
                self.plan.advice.append(advice)
                self.plan.sections["K"].paragraphs.append(line)
                found = True
        return found

    def finish(self, lines: list[str]) -> ParsedPlan:
        plan = self.plan
        plan.needs = self.from_tables.needs + [
            Need(c.text, c.section, c.area) for c in choose_items(self.candidates, NEED_SECTIONS)
        ]
        plan.provision = self.from_tables.provision + [
            ProvisionItem(c.text, c.section, c.area, c.by_whom, c.frequency)
            for c in choose_items(self.candidates, PROVISION_SECTIONS)
        ]
        chosen = choose_items(self.candidates, ("E",), outcomes=True)
        headed = [Outcome(c.text, area=c.area, term=c.term, heading=c.heading) for c in chosen]
        plan.outcomes = self.from_tables.outcomes + headed
        link_in_part(plan, [(o, c.family) for o, c in zip(headed, chosen, strict=True)])
        link_outcomes(plan)
        text = "\n".join(lines)
        plan.word_count = len(text.split())
        plan.template = judge_template(text, len(plan.sections))
        plan.issue_date = labelled_date(lines, ISSUE_LABEL)
        plan.review_date = labelled_date(lines, REVIEW_LABEL)
        plan.year_group = year_group(lines)
        plan.reading = judge_reading(plan, lines, self.guidance_lines, self.contents_lines)
        return plan
