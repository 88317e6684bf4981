"""Latency samples from many threads, and the figures reported from them."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sample:
    """One request: what it was for, when it started (wall clock, so it can be compared with
    other actors' activity) and how long it took."""

    op: str
    started: float
    seconds: float
    ok: bool
    problem: str = ""


class RequestFailed(Exception):
    """A response that a person would see as something going wrong."""


class UserStopped(Exception):
    """A request failed and was recorded: the simulated user stops, as a person would."""


@dataclass
class Recorder:
    """Collects samples from every simulated user, and windows of background activity (such
    as pre-flag analysis) to compare them against; safe to share between threads."""

    samples: list[Sample] = field(default_factory=list)
    windows: list[tuple[str, float, float]] = field(default_factory=list)
    resent: int = 0  # requests sent again after the server closed an idle connection
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def count_resent(self) -> None:
        with self._lock:
            self.resent += 1

    def add(self, sample: Sample) -> None:
        with self._lock:
            self.samples.append(sample)

    def mark(self, activity: str, started: float, ended: float) -> None:
        with self._lock:
            self.windows.append((activity, started, ended))

    @contextmanager
    def timed(self, op: str) -> Iterator[None]:
        """Time the block as one ``op``; a failure inside it (a :class:`RequestFailed` or a
        transport error) is recorded as that op's error and ends the user with
        :class:`UserStopped`."""
        started, clock = time.time(), time.perf_counter()
        try:
            yield
        except Exception as error:
            problem = str(error) if isinstance(error, RequestFailed) else type(error).__name__
            self.add(Sample(op, started, time.perf_counter() - clock, False, problem))
            raise UserStopped(problem) from error
        self.add(Sample(op, started, time.perf_counter() - clock, True))


def percentile(values: Iterable[float], fraction: float) -> float:
    """Nearest-rank percentile: a value that was actually measured, never an interpolation."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


@dataclass(frozen=True)
class OpFigures:
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    max_ms: float

    @classmethod
    def of(cls, samples: list[Sample]) -> OpFigures:
        seconds = [s.seconds for s in samples]
        return cls(
            requests=len(samples),
            errors=sum(not s.ok for s in samples),
            p50_ms=percentile(seconds, 0.50) * 1000,
            p95_ms=percentile(seconds, 0.95) * 1000,
            max_ms=max(seconds, default=math.nan) * 1000,
        )


def figures_by_op(samples: Iterable[Sample]) -> dict[str, OpFigures]:
    grouped: dict[str, list[Sample]] = {}
    for sample in samples:
        grouped.setdefault(sample.op, []).append(sample)
    return {op: OpFigures.of(group) for op, group in grouped.items()}
