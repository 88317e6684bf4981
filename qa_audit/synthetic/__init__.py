"""Synthetic, fictional EHC plans in every layout the parser must read, as .docx or PDF, each
with the truth of what was put in it. Used by the tests, the benchmarks and the demo data.

generate_plan(seed, layout, fmt, words=None, quality="good") -> GeneratedPlan (data, filename,
truth); a "weak" plan has faults planted, a "slip" plan one, listed in truth.faults
LAYOUTS: the layout names; CONVERSION_LAYOUTS: those of plans converted from a Statement
generate_trace_case(seed, split="dev", fmt="docx") -> TraceCase: a plan with advice documents
written for it (three professions, three layouts) and the truth of what it did with each
recommendation (reflected in other words, watered down, missing)
"""

from .advice_docs import TraceCase, generate_trace_case
from .generate import LAYOUTS, generate_plan
from .layouts import CONVERSION_LAYOUTS
from .spec import GeneratedPlan, PlantedFault, PlanTruth, TruthOutcome

__all__ = [
    "CONVERSION_LAYOUTS",
    "LAYOUTS",
    "GeneratedPlan",
    "PlanTruth",
    "PlantedFault",
    "TraceCase",
    "TruthOutcome",
    "generate_plan",
    "generate_trace_case",
]
