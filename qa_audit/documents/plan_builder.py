"""Walk a document's blocks in order and build the structured plan."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .advice import parse_advice
from .blocks import Block, Paragraph, Table, block_lines
from .headings import LIST_MARKER, area_heading, section_heading, term_heading
from .item_choice import choose_items
from .limits import Deadline
from .linking import link_outcomes
from .model import Need, Outcome, ParsedPlan, ProvisionItem, Section
from .plan_dates import ISSUE_LABEL, REVIEW_LABEL, labelled_date, year_group
from .plan_table import TableContent, read_plan_table
from .template_kind import judge_template

ASPIRATION_CUE = re.compile(r"aspiration|hopes? and dreams|in the future|when i grow up", re.I)
MONITORING = re.compile(r"^\s*monitoring\b|^\s*arrangements for monitoring", re.I)
SUBHEADING_WORDS = 5
NEED_SECTIONS = ("B", "C", "D")
PROVISION_SECTIONS = ("F", "G", "H1", "H2")


@dataclass
class Candidate:
    section: str
    text: str
    area: str | None
    term: str | None
    listed: bool


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
        self.collecting = True
        self.in_aspirations = False
        self.candidates: list[Candidate] = []
        self.from_tables = TableContent()

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
        key = section_heading(text, styled=block.heading is not None)
        if key and key != self.section:
            self._start_section(key, text)
            return
        if key and key != "A":  # a subheading repeating the section's name
            return
        area = area_heading(text)
        if area:
            self.area, self.term = area, None
            return
        term = term_heading(text)
        if term and self.section in ("E", None):
            self.term = term
            return
        if MONITORING.match(text) and len(text.split()) <= 6:
            self.collecting = False
            return
        if self.section not in (None, "A", "K") and _other_subheading(block):
            self.area, self.term = None, None  # e.g. "Health": what follows is in no area
            self.plan.sections[self.section].paragraphs.append(text)
            return
        self._content(text, block.listed)

    def _start_section(self, key: str, title: str) -> None:
        self.section, self.area, self.term = key, None, None
        self.collecting, self.in_aspirations = True, False
        self.plan.sections.setdefault(key, Section(key, " ".join(title.split())))

    def _content(self, text: str, listed: bool) -> None:
        marker = LIST_MARKER.match(text)
        if marker:
            text, listed = text[marker.end() :].strip(), True
        if self.section is None:
            return
        self.plan.sections[self.section].paragraphs.append(text)
        if self.section == "A":
            self._aspiration_line(text, listed)
        elif self.section == "K":
            advice = parse_advice(text)
            if advice:
                self.plan.advice.append(advice)
        elif self.collecting:
            self.candidates.append(Candidate(self.section, text, self.area, self.term, listed))

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
            ProvisionItem(c.text, c.section, c.area)
            for c in choose_items(self.candidates, PROVISION_SECTIONS)
        ]
        headed = [
            Outcome(c.text, area=c.area, term=c.term)
            for c in choose_items(self.candidates, ("E",), outcomes=True)
        ]
        plan.outcomes = self.from_tables.outcomes + headed
        link_outcomes(plan)
        text = "\n".join(lines)
        plan.word_count = len(text.split())
        plan.template = judge_template(text, len(plan.sections))
        plan.issue_date = labelled_date(lines, ISSUE_LABEL)
        plan.review_date = labelled_date(lines, REVIEW_LABEL)
        plan.year_group = year_group(lines)
        return plan
