"""The one entry point for uploaded plans: bytes in, ParsedPlan out, BadDocument otherwise."""

from __future__ import annotations

import logging

from qa_audit.errors import BadDocument

from .blocks import block_lines
from .docx_reader import read_docx
from .isolation import TOO_BIG, run_isolated
from .limits import Deadline, DocumentLimits, megabytes
from .model import ParsedPlan
from .pdf_reader import read_pdf
from .plan_builder import PlanBuilder
from .plan_reference import printed_reference
from .sniff import sniff

log = logging.getLogger(__name__)
UNREADABLE = (
    "The document could not be read. Save it again as a Word document (.docx) or a PDF "
    "and upload it again."
)


def read_plan(data: bytes, filename: str, limits: DocumentLimits | None = None) -> ParsedPlan:
    """Sniff, open within ``limits``, extract and parse an uploaded plan document, in a child
    process held to the memory and time limits (:mod:`.isolation`)."""
    limits = limits or DocumentLimits()
    outcome, _peak = read_plan_isolated(data, filename, limits)
    if isinstance(outcome, BadDocument):
        raise outcome
    return outcome


def read_plan_isolated(
    data: bytes, filename: str, limits: DocumentLimits
) -> tuple[ParsedPlan | BadDocument, float | None]:
    """The reading or the refusal, and the reading process's peak memory in MB (None when it
    was stopped by a limit)."""
    if len(data) > limits.max_bytes:
        refused = BadDocument(
            f"The file is {megabytes(len(data))}; the largest plan document accepted is "
            f"{megabytes(limits.max_bytes)}."
        )
        return refused, None
    return run_isolated(
        read_plan_here,
        data,
        filename,
        limits,
        memory_bytes=limits.max_memory_bytes,
        seconds=limits.parse_timeout_seconds,
    )


def read_plan_here(data: bytes, filename: str, limits: DocumentLimits) -> ParsedPlan:
    """Read in this process, checking the time limit as reading goes along."""
    deadline = Deadline(limits.parse_timeout_seconds)
    kind = "unknown"
    try:
        kind = sniff(data, filename, limits)
        reader = read_docx if kind == "docx" else read_pdf
        blocks = reader(data, limits, deadline)
        plan = PlanBuilder(deadline).build(blocks)
        plan.reference = printed_reference(block_lines(blocks))
        deadline.check()
    except BadDocument:
        raise
    except MemoryError as err:
        raise BadDocument(TOO_BIG) from err
    except RecursionError as err:
        raise BadDocument(UNREADABLE) from err
    except Exception as err:
        log.warning("Unexpected %s while reading a %s plan document", type(err).__name__, kind)
        raise BadDocument(UNREADABLE) from err
    return plan
