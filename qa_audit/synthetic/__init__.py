"""Synthetic, fictional EHC plans in every layout the parser must read, as .docx or PDF, each
with the truth of what was put in it. Used by the tests, the benchmarks and the demo data.

generate_plan(seed, layout, fmt, words=None) -> GeneratedPlan (data, filename, truth)
LAYOUTS: the layout names
"""

from .generate import LAYOUTS, generate_plan
from .spec import GeneratedPlan, PlanTruth, TruthOutcome

__all__ = ["LAYOUTS", "GeneratedPlan", "PlanTruth", "TruthOutcome", "generate_plan"]
