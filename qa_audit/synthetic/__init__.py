"""Synthetic, fictional EHC plans in every layout the parser must read, as .docx or PDF, each
with the truth of what was put in it. Used by the tests, the benchmarks and the demo data.

generate_plan(seed, layout, fmt, words=None, quality="good") -> GeneratedPlan (data, filename,
truth); a "weak" plan has faults planted, listed in truth.faults
LAYOUTS: the layout names
"""

from .generate import LAYOUTS, generate_plan
from .spec import GeneratedPlan, PlantedFault, PlanTruth, TruthOutcome

__all__ = [
    "LAYOUTS",
    "GeneratedPlan",
    "PlanTruth",
    "PlantedFault",
    "TruthOutcome",
    "generate_plan",
]
