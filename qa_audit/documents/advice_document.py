"""Professional advice documents read into their recommendations.

An advice document (educational psychology, speech and language therapy, occupational therapy,
health...) is opened exactly as a plan is: sniffed from its bytes and read in a child process
held to the memory and time limits (:mod:`.isolation`). Its source is recognised from its title
lines by the section K patterns (:mod:`.advice`). Its recommendations are the numbered or
bulleted items and the sentences under headings such as "Recommendations", "Provision",
"Outcomes", "What would help" or "Strategies", and the rows of a table whose column is headed so;
the other columns of such a row (how often, by whom) are kept with it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from qa_audit.errors import BadDocument

from .advice import SOURCES
from .blocks import Block, Paragraph, Table
from .docx_reader import read_docx
from .headings import LIST_MARKER
from .isolation import TOO_BIG, run_isolated
from .limits import Deadline, DocumentLimits, megabytes
from .pdf_reader import read_pdf
from .reader import UNREADABLE, read_plan_here
from .sniff import sniff
from .table_columns import classify_column

log = logging.getLogger(__name__)

TITLE_LINES = 8
HEADING_WORDS = 8
MIN_WORDS = 4
RECOMMENDATION_HEADING = re.compile(
    r"recommend|provision|outcome|what (?:would|will|might) help|strateg"
    r"|support (?:needed|required)|how to help|interventions?\b|targets?\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
DETAIL_LABELS = {"frequency": "frequency", "by_whom": "by whom"}


@dataclass
class Recommendation:
    text: str  # as written, with a table row's other columns: "... (frequency: ...)"
    heading: str  # the heading or column it was found under


@dataclass
class AdviceDocument:
    source: str  # one of the section K sources, or "Unknown"
    recommendations: list[Recommendation] = field(default_factory=list)


def read_advice(data: bytes, filename: str, limits: DocumentLimits | None = None) -> AdviceDocument:
    """Sniff and read an advice document in an isolated child; raises only ``BadDocument``."""
    return _isolated(read_advice_here, data, filename, limits or DocumentLimits())


def read_upload(
    data: bytes, filename: str, limits: DocumentLimits | None = None
) -> tuple[AdviceDocument, bool]:
    """An uploaded advice document read, and whether it reads as an EHC plan instead, in one
    isolated child (one process per upload, not two); raises only ``BadDocument``."""
    return _isolated(_read_upload_here, data, filename, limits or DocumentLimits())


def _read_upload_here(
    data: bytes, filename: str, limits: DocumentLimits
) -> tuple[AdviceDocument, bool]:
    advice = read_advice_here(data, filename, limits)
    return advice, read_plan_here(data, filename, limits).reading.status == "plan"


def _isolated(
    function: Callable[[bytes, str, DocumentLimits], Any],
    data: bytes,
    filename: str,
    limits: DocumentLimits,
) -> Any:
    """``function`` run in a child held to ``limits``; its refusal raised here."""
    if len(data) > limits.max_bytes:
        raise BadDocument(
            f"The file is {megabytes(len(data))}; the largest document accepted is "
            f"{megabytes(limits.max_bytes)}."
        )
    outcome, _peak = run_isolated(
        function,
        data,
        filename,
        limits,
        memory_bytes=limits.max_memory_bytes,
        seconds=limits.parse_timeout_seconds,
    )
    if isinstance(outcome, BadDocument):
        raise outcome
    return outcome


def read_advice_here(data: bytes, filename: str, limits: DocumentLimits) -> AdviceDocument:
    """Read in this process (the child's work), checking the time limit as reading goes."""
    deadline = Deadline(limits.parse_timeout_seconds)
    kind = "unknown"
    try:
        kind = sniff(data, filename, limits)
        reader = read_docx if kind == "docx" else read_pdf
        blocks = reader(data, limits, deadline)
        document = AdviceDocument(_source(blocks), recommendations(blocks, deadline))
        deadline.check()
    except BadDocument:
        raise
    except MemoryError as err:
        raise BadDocument(TOO_BIG) from err
    except RecursionError as err:
        raise BadDocument(UNREADABLE) from err
    except Exception as err:
        log.warning("Unexpected %s while reading a %s advice document", type(err).__name__, kind)
        raise BadDocument(UNREADABLE) from err
    return document


def _source(blocks: list[Block]) -> str:
    lines = [b.text for b in blocks if isinstance(b, Paragraph) and b.text][:TITLE_LINES]
    title = " ".join(lines)
    return next((source for source, pattern in SOURCES if pattern.search(title)), "Unknown")


def recommendations(blocks: list[Block], deadline: Deadline) -> list[Recommendation]:
    """Every recommendation in reading order: items and sentences under a recommendation
    heading (until the next other heading), and rows of recommendation tables anywhere."""
    found: list[Recommendation] = []
    heading: str | None = None  # the recommendation heading we are under, if any
    for block in blocks:
        deadline.check()
        if isinstance(block, Table):
            found += _table_rows(block, heading)
            continue
        text = " ".join(block.text.split())
        if not text:
            continue
        if _is_heading(block, text):
            heading = text if RECOMMENDATION_HEADING.search(text) else None
            continue
        if heading is None or text.endswith(":"):
            continue
        marker = LIST_MARKER.match(text)
        if block.listed or marker:
            item = text[marker.end() :].strip() if marker else text
            found.append(Recommendation(item, heading))
        else:
            found += [Recommendation(s, heading) for s in _sentences(text)]
    return found


def _is_heading(block: Paragraph, text: str) -> bool:
    if block.listed or LIST_MARKER.match(text):
        return False
    if block.heading is not None:
        return True
    short = len(text.split()) <= HEADING_WORDS
    return short and text[0].isupper() and not text.endswith((".", ";", ",", ":", "!", "?"))


def _sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if len(s.split()) >= MIN_WORDS]


def _table_rows(table: Table, heading: str | None) -> list[Recommendation]:
    """Rows of a table with a recommendation column, or of any table under such a heading
    (its first column then holds the recommendation)."""
    if not table.rows:
        return []
    header = [cell.text.replace("\n", " ") for cell in table.rows[0]]
    main = next((i for i, h in enumerate(header) if RECOMMENDATION_HEADING.search(h)), None)
    if main is None and heading is None:
        return []
    details = {
        i: DETAIL_LABELS[c.role]
        for i, h in enumerate(header)
        if (c := classify_column(i, h)) is not None and c.role in DETAIL_LABELS and i != main
    }
    body = table.rows[1:] if main is not None or details else table.rows
    under = header[main] if main is not None else heading or ""
    found = []
    for row in body:
        texts = [" ".join(cell.text.split()) for cell in row]
        text = texts[main or 0] if len(texts) > (main or 0) else ""
        if len(text.split()) < MIN_WORDS:
            continue
        extra = [
            f"{label}: {texts[i]}" for i, label in details.items() if i < len(texts) and texts[i]
        ]
        found.append(Recommendation(f"{text} ({'; '.join(extra)})" if extra else text, under))
    return found
