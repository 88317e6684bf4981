"""The structured plan text every downstream part reads (pre-flags, plan page, scoring form).

Plain dataclasses with no web or database dependency; ``to_dict`` gives the JSON shape of the
``qa-audit analyse --json`` contract (flags are added by ``qa_audit.nlp``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Literal

from qa_audit.plan_sections import SECTION_KEYS

AREAS_OF_NEED = (
    "Communication and interaction",
    "Cognition and learning",
    "Social, emotional and mental health",
    "Sensory and/or physical",
    "Self-care and independence",
)

TemplateKind = Literal["current", "conversion", "unknown"]
NeedLink = Literal["row", "reference", "content", "order", "after_last"]
"""How an outcome was linked to its need: written in the same table row, citing the need's
number ("links to B2"), paired by the words it shares with the need, paired by order within its
area when it shares none, or, for outcomes beyond the last need of their area, given that last
need."""


@dataclass
class Section:
    key: str  # one of SECTION_KEYS
    title: str  # heading as written in the document
    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class Need:
    text: str
    section: str  # "B", "C" or "D"
    area: str | None = None  # one of AREAS_OF_NEED when known


@dataclass
class ProvisionItem:
    text: str
    section: str  # "F", "G", "H1" or "H2"
    area: str | None = None
    by_whom: str | None = None  # from a "By whom" column, when the layout has one
    frequency: str | None = None  # from "Frequency", "How often", "Duration"... columns

    @property
    def statement(self) -> str:
        """The provision with who delivers it and how much, when columns beside it say so:
        everything the plan commits to in one sentence, as its checks and readers need it."""
        details = [
            f"{label}: {value}"
            for label, value in (("by whom", self.by_whom), ("frequency", self.frequency))
            if value
        ]
        return f"{self.text} ({'; '.join(details)})" if details else self.text


@dataclass
class Outcome:
    text: str
    need: str | None = None  # text of the need it answers, when the layout links them
    need_linked_by: NeedLink | None = None  # how ``need`` was found (None in older results)
    provision: str | None = None  # text of the provision serving it, when linked
    area: str | None = None
    term: str | None = None  # "short", "medium", "long" when the layout says
    heading: str | None = None  # the column heading or E subheading it is listed under


@dataclass
class Advice:
    source: str  # who gave it: "Educational Psychologist", "Speech and Language Therapy", ...
    author: str | None = None  # role/name as written; never shown in reports
    date: date | None = None
    text: str = ""  # the line as written in section K


@dataclass
class TemplateVerdict:
    kind: TemplateKind = "unknown"
    evidence: list[str] = field(default_factory=list)  # short quotes that decided it


ReadingStatus = Literal["plan", "not_a_plan", "not_filled_in"]


@dataclass
class Reading:
    """How the document was read and how sure the reading is. A section or the outcome list
    that could not be found is "not found", never silently left out."""

    status: ReadingStatus = "plan"
    message: str | None = None  # plain English, when the document does not read as a plan
    sections: dict[str, str] = field(default_factory=dict)  # key -> "found" | "not found"
    outcomes: str = "not found"  # "found" | "not found"
    confidence: Literal["high", "medium", "low"] = "low"
    notes: list[str] = field(default_factory=list)  # what was read past (guidance, contents)


@dataclass
class ParsedPlan:
    sections: dict[str, Section] = field(default_factory=dict)  # only sections found
    needs: list[Need] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    provision: list[ProvisionItem] = field(default_factory=list)
    advice: list[Advice] = field(default_factory=list)
    aspirations: list[str] = field(default_factory=list)
    template: TemplateVerdict = field(default_factory=TemplateVerdict)
    issue_date: date | None = None
    review_date: date | None = None
    year_group: int | None = None  # Reception = 0, Year 1..13; None when not stated
    word_count: int = 0
    # The plan reference printed in the document, which an import without a given reference
    # uses. A plan detail, not part of the stored reading (``to_dict``): plan details live on
    # the plan, where people correct them, and reading a document again never changes them.
    reference: str | None = None
    reading: Reading = field(default_factory=Reading)

    def has_section(self, key: str) -> bool:
        return key in self.sections

    def to_dict(self) -> dict:
        """JSON-ready form (dates as ISO strings)."""
        data = asdict(self)
        del data["reference"]
        data["sections"] = {key: key in self.sections for key in SECTION_KEYS}
        data["section_text"] = {k: s.text for k, s in self.sections.items()}
        data["section_titles"] = {k: s.title for k, s in self.sections.items()}
        for item in data["advice"]:
            item["date"] = item["date"].isoformat() if item["date"] else None
        for key in ("issue_date", "review_date"):
            data[key] = data[key].isoformat() if data[key] else None
        return data

    @classmethod
    def from_dict(cls, data: dict) -> ParsedPlan:
        """Rebuild a plan from ``to_dict()`` output (as stored with each document version)."""
        titles = data.get("section_titles", {})
        sections = {
            key: Section(key, titles.get(key, key), text.split("\n") if text else [])
            for key, text in data.get("section_text", {}).items()
        }
        advice = [
            Advice(**{**item, "date": _date(item.get("date"))}) for item in data.get("advice", [])
        ]
        return cls(
            sections=sections,
            needs=[Need(**item) for item in data.get("needs", [])],
            outcomes=[Outcome(**item) for item in data.get("outcomes", [])],
            provision=[ProvisionItem(**item) for item in data.get("provision", [])],
            advice=advice,
            aspirations=list(data.get("aspirations", [])),
            template=TemplateVerdict(**data.get("template", {})),
            issue_date=_date(data.get("issue_date")),
            review_date=_date(data.get("review_date")),
            year_group=data.get("year_group"),
            word_count=data.get("word_count", 0),
            reading=Reading(**data["reading"]) if "reading" in data else Reading(),
        )


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
