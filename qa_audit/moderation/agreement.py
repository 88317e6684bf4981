"""How far two independent auditors agree: percent agreement and Cohen's weighted kappa.

Kappa uses linear weights over the ordered grade scale (grades one step apart count as a smaller
disagreement than grades three steps apart) and is computed by
``statsmodels.stats.inter_rater.cohens_kappa``. Because the weights are symmetric, it does not
matter which audit of a pair is taken as the first.

Edge cases, handled before the library is called:

* no pairs: percent agreement and kappa are None ("no double-marked pairs yet");
* a pair where either grade is missing or "not applicable" is left out of that criterion;
* no variation (every grade from both auditors is the same one): agreement by chance is total,
  so kappa is 0/0 and undefined; it is None with that reason, while percent agreement is 100%;
* a single pair: kappa is either undefined (they agree, so no variation) or exactly 0 (they
  disagree: observed and chance disagreement are equal); it is given with a note that one pair
  says little;
* all pairs agree with some variation: kappa is 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qa_audit.matrix.codes import NOT_APPLICABLE

GradePair = tuple[str | None, str | None]

NO_PAIRS = "No double-marked pairs with both grades yet."
NO_VARIATION = (
    "Kappa cannot be worked out: every grade given was the same, so agreement by chance is total."
)
ONE_PAIR = "Only one pair: too few to judge consistency."
FEW_PAIRS_BELOW = 10
FEW_PAIRS = f"Fewer than {FEW_PAIRS_BELOW} pairs: treat kappa with caution."


@dataclass(frozen=True)
class Agreement:
    pairs: int
    agreed: int
    percent: float | None  # 0..100
    kappa: float | None
    note: str | None = None


def usable_pairs(pairs: Sequence[GradePair], scale: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs where both grades are on the scale, as scale positions (0 = best)."""
    position = {grade: index for index, grade in enumerate(scale)}
    return [
        (position[first], position[second])
        for first, second in pairs
        if first in position and second in position and NOT_APPLICABLE not in (first, second)
    ]


def agreement(pairs: Sequence[GradePair], scale: Sequence[str]) -> Agreement:
    """Agreement between first and second grades over ``pairs``, on the ordered ``scale``."""
    usable = usable_pairs(pairs, scale)
    if not usable:
        return Agreement(0, 0, None, None, NO_PAIRS)
    agreed = sum(first == second for first, second in usable)
    percent = 100 * agreed / len(usable)
    if len({grade for pair in usable for grade in pair}) == 1:
        return Agreement(len(usable), agreed, percent, None, NO_VARIATION)
    # statsmodels (with numpy, scipy and pandas) takes over a second to import: it is loaded on the
    # first kappa, not when the app starts.
    import numpy as np
    from statsmodels.stats.inter_rater import cohens_kappa

    table = np.zeros((len(scale), len(scale)))
    for first, second in usable:
        table[first, second] += 1
    kappa = float(cohens_kappa(table, wt="linear", return_results=False))
    note = ONE_PAIR if len(usable) == 1 else FEW_PAIRS if len(usable) < FEW_PAIRS_BELOW else None
    return Agreement(len(usable), agreed, percent, kappa, note)
