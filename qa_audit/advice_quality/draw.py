"""The advice draw itself: pure functions over plain data, so a draw can be re-run and checked.

The population is split by source of advice (educational psychology, speech and language
therapy, CAMHS...), and the same number, or the same share rounded up, is drawn from each
source. Advice is sorted by id and sources by name before any random number is used, and every
random number comes from one ``random.Random(seed)``: the same seed and the same population
always give the same sample.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from qa_audit.sampling.draw import DrawSpec, sample_size


@dataclass(frozen=True)
class AdviceCandidate:
    advice_id: int
    source: str


def by_source(candidates: Sequence[AdviceCandidate]) -> dict[str, list[int]]:
    """Advice ids per source, sources by name and ids in order."""
    groups: dict[str, list[int]] = {}
    for candidate in sorted(candidates, key=lambda c: (c.source, c.advice_id)):
        groups.setdefault(candidate.source, []).append(candidate.advice_id)
    return groups


def draw_per_source(candidates: Sequence[AdviceCandidate], spec: DrawSpec) -> dict[str, list[int]]:
    """Source -> the advice ids drawn from it (sorted): ``spec.count`` from each source (all of
    a smaller one), or ``spec.percent`` of each rounded up. ``spec.strata`` is not used."""
    rng = random.Random(spec.seed)  # noqa: S311 (reproducible sampling, not security)
    drawn = {}
    for source, ids in by_source(candidates).items():
        drawn[source] = sorted(rng.sample(ids, sample_size(spec, len(ids))))
    return drawn
