"""Plan documents: safe opening of uploaded .docx and PDF plans and parsing into a ParsedPlan.

Public API::

    sniff(data, filename) -> "docx" | "pdf"
        The real type from the bytes; BadDocument (plain-English message) for empty, wrong-type,
        macro-enabled, password-protected, legacy .doc or damaged files.
    read_plan(data, filename, limits=None) -> ParsedPlan
        Sniff, open within DocumentLimits, extract and parse. Raises only BadDocument.
    DocumentLimits(max_bytes, max_zip_entries, max_uncompressed_bytes, max_compression_ratio,
                   max_pdf_pages, parse_timeout_seconds)

How a plan is read: ``docx_reader`` and ``pdf_reader`` turn a file into layout-neutral blocks
(paragraphs and tables, ``blocks``); ``plan_builder`` walks them in order, recognising section
headings (``headings``), plan tables by their column labels (``table_columns``, ``plan_table``),
advice (``advice``), dates (``plan_dates``) and the template (``template_kind``), then
``linking`` pairs outcomes with needs and provision where the layout did not.
Error messages never contain the file name (plan file names often carry the child's name).
"""

from .limits import DocumentLimits
from .model import (
    AREAS_OF_NEED,
    Advice,
    Need,
    Outcome,
    ParsedPlan,
    ProvisionItem,
    Reading,
    Section,
    TemplateVerdict,
)
from .reader import read_plan
from .sniff import sniff

__all__ = [
    "AREAS_OF_NEED",
    "Advice",
    "DocumentLimits",
    "Need",
    "Outcome",
    "ParsedPlan",
    "ProvisionItem",
    "Reading",
    "Section",
    "TemplateVerdict",
    "read_plan",
    "sniff",
]
