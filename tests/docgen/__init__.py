"""Synthetic, fictional EHC plans in every layout the parser must read, plus bad uploads.

generate_plan(seed, layout, fmt, words=None) -> GeneratedPlan (bytes, filename, truth)
LAYOUTS: the layout names
bad_files() -> {name: (bytes, filename, expected message fragment)}
"""

from __future__ import annotations

from .bad_files import bad_files
from .generate import LAYOUTS, generate_plan
from .spec import GeneratedPlan, PlanTruth, TruthOutcome

__all__ = ["LAYOUTS", "GeneratedPlan", "PlanTruth", "TruthOutcome", "bad_files", "generate_plan"]
