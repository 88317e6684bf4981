"""The one way the benchmarks time a call, so every figure and its baseline are taken alike."""

from __future__ import annotations

import time
from collections.abc import Callable


def seconds(action: Callable[..., object], *args: object) -> float:
    """Wall-clock seconds that one call of ``action(*args)`` takes."""
    started = time.perf_counter()
    action(*args)
    return time.perf_counter() - started
