"""The random draw itself: pure functions over plain data, so a draw can be re-run and checked.

Reproducibility: candidates are sorted by plan id and strata by key before any random number is
used, and every random number comes from one ``random.Random(seed)``. The same seed and the same
population therefore always give the same sample.

Stratified draws allocate the sample to strata in proportion to their size, rounding by largest
remainder (ties go to the stratum that sorts first), then make sure every non-empty stratum gets
at least one plan when the sample is at least as large as the number of strata (a plan is moved
from the stratum most over its exact share).

Risk weighting: a plan's chance of selection is proportional to ``1 + RISK_BOOST * risk``, where
``risk`` is the share of its outcomes the pre-flags marked weak (0 to 1). With ``RISK_BOOST = 2``,
a plan whose outcomes were all flagged is three times as likely to be picked as one with none
flagged. Plans never analysed count as risk 0. The draw without replacement uses the
Efraimidis-Spirakis method: each plan gets the key ``u ** (1 / weight)`` (``u`` uniform on 0..1)
and the largest keys are taken.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from qa_audit.errors import QaAuditError

STRATA = ("team", "phase", "primary_need", "kind")
RISK_BOOST = 2.0

Stratum = tuple[str, ...]


@dataclass(frozen=True)
class Candidate:
    """What the draw needs to know about one plan in the population."""

    plan_id: int
    team: str | None = None
    phase: str | None = None
    primary_need: str | None = None
    kind: str = "new"
    risk: float | None = None  # share of outcomes flagged weak by the analysis that counts

    def stratum(self, dimensions: Sequence[str]) -> Stratum:
        return tuple(getattr(self, name) or "" for name in dimensions)


@dataclass(frozen=True)
class DrawSpec:
    seed: int
    count: int | None = None
    percent: float | None = None
    strata: tuple[str, ...] = ()
    risk_weighted: bool = False


def sample_size(spec: DrawSpec, population: int) -> int:
    """Plans to draw: the count asked for, or the percentage rounded up; never more than exist."""
    if (spec.count is None) == (spec.percent is None):
        raise QaAuditError("Give the sample size either as a number of plans or as a percentage.")
    if spec.count is not None:
        if spec.count < 1:
            raise QaAuditError("The sample needs at least one plan.")
        wanted = spec.count
    else:
        if not 0 < spec.percent <= 100:
            raise QaAuditError("The percentage must be more than 0 and at most 100.")
        wanted = math.ceil(population * spec.percent / 100 - 1e-9)
    return min(wanted, population)


def allocate(sizes: dict[Stratum, int], total: int) -> dict[Stratum, int]:
    """Split ``total`` across strata in proportion to ``sizes`` (see the module notes)."""
    population = sum(sizes.values())
    if not population or not total:
        return dict.fromkeys(sizes, 0)
    keys = sorted(key for key, size in sizes.items() if size)
    quotas = {key: total * sizes[key] / population for key in keys}
    shares = {key: math.floor(quotas[key]) for key in keys}
    leftover = total - sum(shares.values())
    by_remainder = sorted(keys, key=lambda key: (-(quotas[key] - shares[key]), key))
    for key in by_remainder[:leftover]:
        shares[key] += 1
    if total >= len(keys):
        for empty in sorted((k for k in keys if not shares[k]), key=lambda k: (-quotas[k], k)):
            donor = max(
                (k for k in keys if shares[k] > 1), key=lambda k: (shares[k] - quotas[k], k)
            )
            shares[donor] -= 1
            shares[empty] += 1
    return {key: shares.get(key, 0) for key in sizes}


def risk_weight(risk: float | None) -> float:
    return 1.0 + RISK_BOOST * min(max(risk or 0.0, 0.0), 1.0)


def draw(candidates: Sequence[Candidate], spec: DrawSpec) -> list[int]:
    """Plan ids of the sample, sorted, from ``candidates`` (any order) and ``spec``."""
    unknown = set(spec.strata) - set(STRATA)
    if unknown:
        raise QaAuditError(f"Plans cannot be grouped by {', '.join(sorted(unknown))}.")
    ordered = sorted(candidates, key=lambda c: c.plan_id)
    rng = random.Random(spec.seed)  # noqa: S311 (reproducible sampling, not security)
    total = sample_size(spec, len(ordered))
    groups: dict[Stratum, list[Candidate]] = {}
    for candidate in ordered:
        groups.setdefault(candidate.stratum(spec.strata), []).append(candidate)
    shares = allocate({key: len(members) for key, members in groups.items()}, total)
    chosen: list[int] = []
    for key in sorted(groups):
        chosen.extend(_pick(rng, groups[key], shares[key], spec.risk_weighted))
    return sorted(chosen)


def _pick(rng: random.Random, group: list[Candidate], count: int, weighted: bool) -> list[int]:
    if not weighted:
        return [c.plan_id for c in rng.sample(group, count)]
    keyed = [(rng.random() ** (1 / risk_weight(c.risk)), c.plan_id) for c in group]
    return [plan_id for _, plan_id in sorted(keyed, reverse=True)[:count]]
