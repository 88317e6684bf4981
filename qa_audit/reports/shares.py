"""Shares with 95% Wilson intervals, and plain-English readings of them against a target."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Verdict = Literal["no figure", "met", "below", "unclear"]

NO_FIGURE = "\u2013"  # en dash, shown where there is no figure
SUPPRESS_BELOW = 5
"""Breakdown cells with fewer plans than this show counts only, never a percentage."""


@dataclass(frozen=True)
class Share:
    met: int
    n: int  # met + not met; plans where the measure does not apply are not counted

    @property
    def value(self) -> float | None:
        return self.met / self.n if self.n else None

    @property
    def interval(self) -> tuple[float, float] | None:
        """95% Wilson score interval, or None with no plans."""
        if not self.n:
            return None
        from statsmodels.stats.proportion import proportion_confint  # slow import: load when used

        low, high = proportion_confint(self.met, self.n, alpha=0.05, method="wilson")
        return max(0.0, float(low)), min(1.0, float(high))

    @property
    def suppressed(self) -> bool:
        return self.n < SUPPRESS_BELOW


def share_of(values: Iterable[bool | None]) -> Share:
    """Share of True among the True/False values; None (not applicable or missing) is left out."""
    known = [v for v in values if v is not None]
    return Share(met=sum(known), n=len(known))


def percent(value: float | None) -> str:
    return NO_FIGURE if value is None else f"{value:.0%}"


def verdict(share: Share, target: float) -> Verdict:
    """Whether the sample shows the target met, shows it missed, or cannot tell (the 95%
    interval holds the target)."""
    if share.interval is None:
        return "no figure"
    low, high = share.interval
    if low >= target:
        return "met"
    return "below" if high < target else "unclear"


def reading(share: Share, target: float) -> str:
    """What the figure says about the target, honest about what a small sample cannot tell."""
    found = verdict(share, target)
    if found == "no figure" or share.interval is None:
        return "No audited plans count towards this measure this term, so there is no figure."
    low, high = share.interval
    if found == "met":
        return (
            f"The {percent(target)} target is met: the true figure is very likely "
            f"at least {percent(low)}."
        )
    if found == "below":
        return (
            f"Below the {percent(target)} target: even the top of the likely range "
            f"({percent(high)}) is under it."
        )
    return (
        f"The sample is too small to tell whether the {percent(target)} target is met: "
        f"the true figure could be anywhere from {percent(low)} to {percent(high)}."
    )
