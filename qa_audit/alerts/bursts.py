"""Bursts of activity: enough events by one subject close enough in time.

A burst starts when ``count`` different keys (plans, say, or attempts) occur within ``window``
of one another (both ends included), and goes on while each next event follows the one before
within ``window``. A burst is one alert, however long it lasts."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime

from qa_audit.alerts.rules import Burst


@dataclass(frozen=True)
class Event:
    at: datetime
    subject: int | None  # the person, or the account signed in to
    key: Hashable  # what is counted once however often it recurs (a plan's reference)


@dataclass(frozen=True)
class Found:
    subject: int | None
    first_at: datetime
    last_at: datetime
    count: int  # different keys in the whole burst


def find_bursts(events: Iterable[Event], burst: Burst) -> list[Found]:
    by_subject: dict[int | None, list[Event]] = defaultdict(list)
    for event in sorted(events, key=lambda e: e.at):
        by_subject[event.subject].append(event)
    found = []
    for subject, items in by_subject.items():
        found += _bursts_of(subject, items, burst)
    return sorted(found, key=lambda f: f.first_at)


def _bursts_of(subject: int | None, items: list[Event], burst: Burst) -> list[Found]:
    found = []
    start, end = 0, 0
    window: Counter = Counter()
    while end < len(items):
        window[items[end].key] += 1
        while items[end].at - items[start].at > burst.window:
            window[items[start].key] -= 1
            if not window[items[start].key]:
                del window[items[start].key]
            start += 1
        if len(window) < burst.count:
            end += 1
            continue
        last = end
        while last + 1 < len(items) and items[last + 1].at - items[last].at <= burst.window:
            last += 1
        keys = {event.key for event in items[start : last + 1]}
        found.append(Found(subject, items[start].at, items[last].at, len(keys)))
        start = end = last + 1
        window.clear()
    return found
