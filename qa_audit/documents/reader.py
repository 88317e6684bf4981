"""The one entry point for uploaded plans: bytes in, ParsedPlan out, BadDocument otherwise."""

from __future__ import annotations

import logging

from qa_audit.errors import BadDocument

from .docx_reader import read_docx
from .limits import Deadline, DocumentLimits, megabytes
from .model import ParsedPlan
from .pdf_reader import read_pdf
from .plan_builder import PlanBuilder
from .sniff import sniff

log = logging.getLogger(__name__)
UNREADABLE = (
    "The document could not be read. Save it again as a Word document (.docx) or a PDF "
    "and upload it again."
)


def read_plan(data: bytes, filename: str, limits: DocumentLimits | None = None) -> ParsedPlan:
    """Sniff, open within ``limits``, extract and parse an uploaded plan document."""
    limits = limits or DocumentLimits()
    if len(data) > limits.max_bytes:
        raise BadDocument(
            f"The file is {megabytes(len(data))}; the largest plan document accepted is "
            f"{megabytes(limits.max_bytes)}."
        )
    deadline = Deadline(limits.parse_timeout_seconds)
    kind = "unknown"
    try:
        kind = sniff(data, filename)
        reader = read_docx if kind == "docx" else read_pdf
        blocks = reader(data, limits, deadline)
        plan = PlanBuilder(deadline).build(blocks)
        deadline.check()
    except BadDocument:
        raise
    except (RecursionError, MemoryError) as err:
        raise BadDocument(UNREADABLE) from err
    except Exception as err:
        log.warning("Unexpected %s while reading a %s plan document", type(err).__name__, kind)
        raise BadDocument(UNREADABLE) from err
    return plan
