"""A format-neutral description of a generated plan, rendered later to .docx or PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Para:
    text: str
    style: str = "body"  # body, title, h1, h2, bullet, number, bold
    in_control: bool = False  # wrap in a Word content control (w:sdt)
    tracked: tuple[str, str] | None = None  # (deleted text, inserted text) appended as revisions
    deleted: bool = False  # the whole paragraph is a tracked deletion (must not be read)


@dataclass
class CellSpec:
    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    blocks: list[Block] | None = None  # rich content (nested tables) instead of text
    shaded: bool = False


@dataclass
class TableSpec:
    """Rows on the column grid; None marks a slot covered by a span from the left or above."""

    rows: list[list[CellSpec | None]]
    widths: tuple[float, ...] = ()
    in_control: bool = False
    ruled: bool = True  # False: a form laid out in columns with no lines drawn


@dataclass
class RunningHead:
    """A line printed at the top of every page (a Word page header; a PDF running head)."""

    text: str


@dataclass
class FillerSlot:
    """Where realistic filler paragraphs go when a long plan is asked for."""

    section: str


Block = Para | TableSpec | FillerSlot | RunningHead


@dataclass
class TruthOutcome:
    text: str
    need: str
    provision: str
    area: str | None
    term: str | None = None


@dataclass(frozen=True)
class PlantedFault:
    """One weakness written into a weak plan on purpose, named by the QA matrix's flag code."""

    code: str
    text: str  # the outcome, provision or advice (role in section K) at fault; "" for the plan


@dataclass
class PlanTruth:
    sections: set[str]
    outcomes: list[TruthOutcome]
    template: str
    year_group: int | None
    issue_date: date
    review_date: date
    aspirations: list[str] = field(default_factory=list)
    advice_sources: list[str] = field(default_factory=list)
    faults: list[PlantedFault] = field(default_factory=list)  # none in a good plan
    provision: list[tuple[str, str]] = field(default_factory=list)  # (need, provision) as written


@dataclass
class GeneratedPlan:
    data: bytes
    filename: str
    truth: PlanTruth
    layout: str
    fmt: str
