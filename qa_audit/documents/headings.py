"""Recognise section headings (A-K, statement-era Parts), areas of need and outcome terms."""

from __future__ import annotations

import re

from .model import AREAS_OF_NEED

MAX_HEADING_WORDS = 16
MAX_SECTION_WORDS = 24  # 'Section H1: Social care provision under section 2 of the ...' runs long
SEPARATOR = r"\s*(?:[:.)\-\u2013\u2014|]\s*|\s+)"
SECTION_PREFIX = re.compile(
    rf"^\s*section\s+(?P<key>h\s?1|h\s?2|[a-k])\b{SEPARATOR}?(?P<title>.*)$", re.IGNORECASE
)
LETTER_PREFIX = re.compile(
    r"^\s*(?P<key>h\s?1|h\s?2|[a-k])\s*(?:[:.)\-\u2013\u2014|]\s*|\s+)(?P<title>.+)$",
    re.IGNORECASE,
)
INITIALS = re.compile(
    r"^\s*[A-Z]\.\s?[A-Z]\."
)  # "B.T. needs ...": a child's initials, not a heading
PART_PREFIX = re.compile(r"^\s*part\s+(?P<number>\d{1,2})\b[\s:.)\-\u2013\u2014]*", re.IGNORECASE)
TRAILING_KEY = re.compile(r"\(\s*(?:section\s+)?(?P<key>h\s?1|h\s?2|[a-k])\s*\)$", re.IGNORECASE)
"""'Part 1: Introduction and views (Section A)': the letter after the title."""
NUMBERED_PREFIX = re.compile(
    r"^\s*section\s+\d{1,2}\b[\s:.)\-\u2013\u2014]*(?P<title>.*)$", re.IGNORECASE
)
"""'Section 3: Special educational needs and provision': a number, not a letter; the title says."""
BARE_KEY = re.compile(r"^\s*(?P<key>[Hh]\s?[12]|[A-K])\s*[:.)]?\s*$")
"""A section letter alone on its line ("E.", "H1:"), its title on the lines that follow."""
SECTION_LIST = re.compile(
    r"^\s*sections\s+(?P<keys>(?:(?:h\s?1|h\s?2|[a-k])\b[\s,/&]*(?:and\s+)?)+)"
    r"[\s:.)\-\u2013\u2014]*(?P<title>.*)$",
    re.IGNORECASE,
)
"""Sections run together under one heading: 'Sections C and D: Health and social care needs'."""
LIST_KEY = re.compile(r"\b(?:h\s?1|h\s?2|[a-k])\b", re.IGNORECASE)
CONTENTS_ENTRY = re.compile(r"(?:\.{3,}|\u2026|\s)\s*\d{1,3}$")
"""A line of a contents list: a section title ending with its page number ('... 3')."""
# Most specific first: "special educational provision" before "special educational needs".
SECTION_TITLES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern, re.IGNORECASE))
    for key, pattern in (
        (
            "H1",
            r"^(?:the\s+)?social care provision\b.*(?:section\s*2|s\.?\s?2\b|chronically|csdpa)",
        ),
        ("H2", r"^(?:any\s+)?other social care provision|^social care provision"),
        ("F", r"^(?:the\s+)?special educational provision|^educational provision"),
        ("G", r"^(?:the\s+)?health(?:\s+care)? provision|^non-educational provision"),
        ("B", r"^(?:the\s+)?(?:child's |young person's )?special educational needs?\b"),
        ("C", r"^(?:the\s+)?health(?:\s+care)? needs|^non-educational needs"),
        ("D", r"^(?:the\s+)?social care needs"),
        (
            "E",
            r"^(?:the\s+)?(?:(?:intended|agreed|desired|expected|my)\s+)?(?:outcomes?|objectives)\b",
        ),
        ("A", r"^(?:the\s+)?(?:views|interests|aspirations|all about me|about me)\b"),
        ("I", r"^(?:the\s+)?(?:placement|educational placement|name and type of)"),
        ("J", r"^(?:a\s+)?(?:personal budget|direct payments)"),
        ("K", r"^(?:the\s+)?(?:advice and information|advice\b|appendi(?:x|ces)\b)"),
    )
)
# After an explicit letter ("F - Provision") a looser title is enough to confirm a heading.
LETTERED_TITLES: dict[str, re.Pattern[str]] = {
    key: re.compile(pattern, re.IGNORECASE)
    for key, pattern in (
        ("A", r"about me|like and admire|my story|views|aspirations|one.page profile"),
        ("B", r"\bneeds?\b|\bsen\b"),
        ("C", r"health"),
        ("D", r"social care"),
        ("E", r"outcomes?|objectives"),
        ("F", r"provision|support"),
        ("G", r"health"),
        ("H1", r"social care"),
        ("H2", r"social care"),
        ("I", r"placement|school|setting|college|institution"),
        ("J", r"personal budget|direct payment"),
        ("K", r"advice|information|appendi|reports"),
    )
}
AREA_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (area, re.compile(pattern, re.IGNORECASE))
    for area, pattern in zip(
        AREAS_OF_NEED,
        (
            r"communication(?:,)? (?:and|&) interaction",
            r"cognition (?:and|&) learning",
            r"social,? emotional,? (?:and|&) mental health|\bsemh\b",
            r"sensory (?:and/or|and|or|&) physical|physical (?:and/or|and|or|&) sensory",
            r"self[- ]care (?:and|&) independence|independence (?:and|&) self[- ]care",
        ),
        strict=True,
    )
)
PART_HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern, re.IGNORECASE))
    for role, pattern in (
        ("need", r"(?:(?:my|identified|assessed|the)\s+)?needs?(?:\s+identified)?"),
        (
            "provision",
            r"(?:the\s+)?(?:provision|support)"
            r"(?:\s+(?:required|needed|to meet (?:these|my|the) needs))?",
        ),
        ("outcome", r"(?:(?:intended|agreed|desired|expected|my)\s+)?outcomes?"),
    )
)
AREA_LABEL = re.compile(r"^\s*(?:area of need|primary need|area)\s*[:\-\u2013]\s*", re.IGNORECASE)
LIST_MARKER = re.compile(
    r"^\s*(?:[\u2022\u00b7\u25aa\u25e6\u25cf*\-\u2013]|\(?\d{1,2}[.)]|\(?[a-h][.)])\s+"
)
"""A typed bullet or number at the start of a line ("- ", "1. ", "a) ")."""
TERM = re.compile(r"^\s*(long|medium|short)[\s-]*term\b", re.IGNORECASE)
TIME_WORDS = re.compile(
    r"\b(?:by|within|before|until|end of|over the (?:next|course)|next \d+|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
STATEMENT_VERB = re.compile(r"\b(?:will|can|could|shall|should|would|is|are|am)\b", re.IGNORECASE)
FRAME_WORDS = 12


def _normal_key(raw: str) -> str:
    return raw.upper().replace(" ", "")


def _title_key(title: str) -> str | None:
    title = PART_PREFIX.sub("", title).strip()
    for key, pattern in SECTION_TITLES:
        if pattern.search(title):
            return key
    return None


def section_heading(text: str, styled: bool = False) -> str | None:
    """The section key a heading line names, or None if the line is not a section heading.

    ``styled`` says the document marks the line as a heading, which lets a bare title such as
    "Special educational needs" count without a letter or Part number.
    """
    line = " ".join(text.split())
    words = len(line.split())
    if not line or words > MAX_SECTION_WORDS or CONTENTS_ENTRY.search(line):
        return None
    listed = section_list(line)
    if listed:
        return listed[0]
    bare = BARE_KEY.match(line)
    if bare:
        return _normal_key(bare.group("key"))
    match = SECTION_PREFIX.match(line)
    if match:
        return _resolve(_normal_key(match.group("key")), match.group("title"))
    if words > MAX_HEADING_WORDS:
        return None
    match = LETTER_PREFIX.match(line)
    if match and not INITIALS.match(line) and not line.endswith("."):
        key = _normal_key(match.group("key"))
        title = match.group("title")
        if _title_key(title) or LETTERED_TITLES.get(key, LETTERED_TITLES["H2"]).search(title):
            return _resolve(key, title)
    trailing = TRAILING_KEY.search(line)
    if trailing:
        key = _resolve(_normal_key(trailing.group("key")), line)
        if LETTERED_TITLES[key].search(line[: trailing.start()]):
            return key
    numbered = NUMBERED_PREFIX.match(line)
    if numbered:
        return _title_key(numbered.group("title"))
    part = PART_PREFIX.match(line)
    if part or styled or _looks_like_title(line):
        key = _title_key(line)
        if key is None and part:
            return {"2": "B", "3": "F", "4": "I"}.get(part.group("number"))
        return key
    if _looks_like_title(line, MAX_HEADING_WORDS) and _title_key(line) == "H1":
        return "H1"  # the statutory title runs to 14 words
    return None


def contents_entry(text: str) -> bool:
    """A line of a contents list: a section heading followed by its page number."""
    line = " ".join(text.split())
    match = CONTENTS_ENTRY.search(line)
    if not match or len(line.split()) > MAX_SECTION_WORDS:
        return False
    head = line[: match.start()].rstrip(" .:\u2026")
    if re.search(r"\b(?:part|section|stage|year|appendix)$", head, re.IGNORECASE):
        return False
    return section_heading(head) is not None


def section_list(text: str) -> list[str]:
    """The sections a heading runs together ('Sections G, H1 and H2: ...'), in order; [] when
    the line names fewer than two."""
    match = SECTION_LIST.match(" ".join(text.split()))
    if not match:
        return []
    keys = [_normal_key(key) for key in LIST_KEY.findall(match.group("keys"))]
    return list(dict.fromkeys("H2" if key == "H" else key for key in keys)) if len(keys) > 1 else []


def heading_remainder(text: str) -> str:
    """Content run on after a heading's title ('Section J - Personal budget: none requested.')
    or '' when the line is only a heading."""
    line = " ".join(text.split())
    head, colon, rest = line.partition(": ")
    if not colon or not section_heading(head):
        head, dash, rest = line.partition(" \u2013 ")
        if not dash or not section_heading(head):
            return ""
    return rest if len(rest.split()) >= 3 and rest.endswith((".", "!", ")")) else ""


def part_heading(text: str) -> str | None:
    """'need', 'provision' or 'outcome' for a bare part heading inside a section or an area
    ("Needs", "Provision", "Intended outcomes"): which section it is depends on the section
    around it (education, health or social care)."""
    line = " ".join(text.split()).rstrip(":")
    for role, pattern in PART_HEADINGS:
        if pattern.fullmatch(line):
            return role
    return None


def _resolve(key: str, title: str) -> str:
    """A bare "H" becomes H1 or H2 by its title (H2 when the title does not say)."""
    if key != "H":
        return key
    return "H1" if _title_key(title) == "H1" else "H2"


def _looks_like_title(line: str, words: int = 10) -> bool:
    """Short, no sentence punctuation: how a heading reads when the style does not say so."""
    return len(line.split()) <= words and not line.endswith((".", ",", ";")) and "  " not in line


def area_heading(text: str) -> str | None:
    """The area of need a short subheading names, or None."""
    line = AREA_LABEL.sub("", " ".join(text.split()))
    line = re.sub(r"^[BCDEFGH]\d*\s*[:.\-\u2013]?\s+", "", line)
    if not line or len(line.split()) > 9 or line.endswith("."):
        return None
    for area, pattern in AREA_PATTERNS:
        if pattern.match(line):
            return area
    return None


def area_in(text: str) -> str | None:
    """The area of need mentioned anywhere in a label (e.g. a table title row)."""
    for area, pattern in AREA_PATTERNS:
        if pattern.search(text):
            return area
    return None


def frame_heading(text: str) -> bool:
    """A line in section E that sets when the outcomes under it are due ("By the end of Key
    Stage 2:", "Outcomes to be achieved by July 2027"): short, not a sentence, naming a time.
    Whether it really is a time frame is for the analyser to judge; this only finds the line."""
    line = " ".join(text.split())
    return (
        len(line.split()) <= FRAME_WORDS
        and not line.endswith((".", ";", ","))
        and LIST_MARKER.match(line) is None
        and STATEMENT_VERB.search(line) is None
        and TIME_WORDS.search(line) is not None
    )


def term_heading(text: str) -> str | None:
    line = " ".join(text.split())
    if len(line.split()) > 12:
        return None
    match = TERM.match(line)
    return match.group(1).lower() if match else None
