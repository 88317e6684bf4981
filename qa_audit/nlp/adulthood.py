"""Preparing for Adulthood (PfA) outcomes, expected from Year 9 (Code of Practice 8.9)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from qa_audit.nlp import flags as f
from qa_audit.nlp.thread import Profile

PFA_FROM_YEAR = 9


@dataclass
class AdulthoodCheck:
    required: bool
    present: bool
    areas_covered: dict[str, int] = field(default_factory=dict)  # PfA area -> outcomes
    areas_missing: list[str] = field(default_factory=list)
    flags: list[f.Flag] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "required": self.required,
            "present": self.present,
            "areas_covered": self.areas_covered,
            "areas_missing": self.areas_missing,
            "flags": [flag.to_dict() for flag in self.flags],
        }


def check_adulthood(
    year_group: int | None, outcomes: Sequence[Profile], areas: Sequence[str]
) -> AdulthoodCheck:
    """Which PfA areas the outcomes move towards; flag their absence from Year 9."""
    required = year_group is not None and year_group >= PFA_FROM_YEAR
    covered = {area: sum(area in o.adulthood for o in outcomes) for area in areas}
    covered = {area: n for area, n in covered.items() if n}
    check = AdulthoodCheck(
        required=required,
        present=bool(covered),
        areas_covered=covered,
        areas_missing=[area for area in areas if area not in covered],
    )
    if required and not covered:
        check.flags.append(f.make_flag(f.PFA_MISSING, f"Year {year_group}, no PfA outcome"))
    return check
