"""Plan documents: safe opening of uploaded .docx and PDF plans and parsing into a ParsedPlan."""

from .limits import DocumentLimits
from .model import (
    AREAS_OF_NEED,
    SECTION_KEYS,
    Advice,
    Need,
    Outcome,
    ParsedPlan,
    ProvisionItem,
    Section,
    TemplateVerdict,
)
from .reader import read_plan
from .sniff import sniff

__all__ = [
    "AREAS_OF_NEED",
    "SECTION_KEYS",
    "Advice",
    "DocumentLimits",
    "Need",
    "Outcome",
    "ParsedPlan",
    "ProvisionItem",
    "Section",
    "TemplateVerdict",
    "read_plan",
    "sniff",
]
