"""The kinds of EHC plan the service knows: one list, read by the plan model and the QA matrix."""

from __future__ import annotations

from typing import Final

PLAN_KINDS: Final[dict[str, str]] = {
    "new": "Newly issued",
    "amended": "Amended after annual review",
    "phase_transfer": "Phase transfer",
    "conversion": "Conversion from a statement",
}
"""Plan kind id -> label shown to users. Matrix measures name these ids in ``applies_to``."""
