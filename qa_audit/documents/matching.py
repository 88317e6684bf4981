"""Pair outcomes with the needs they answer by what they say: the words they share.

Plans often list needs and outcomes in different orders, or put several of each in one table
cell, so the position of an outcome says little about its need. Two statements about the same
difficulty share content words ("follow ... instructions", "start a conversation with a
classmate"); words every outcome uses (time frames, "adult", "will") do not count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

WORD = re.compile(r"[a-z]{3,}")
STEM = 5  # "instructions" and "instruction", "conversations" and "conversation" meet here
COMMON = frozenset(
    WORD.findall(
        """
    about above across after again against also and any are because been before being between
    both but can could does doing during each end for from further had has have having her
    here hers him his how into its itself just more most much not now off once only other our
    out over own same she should some such than that the their them then there these they this
    those through too under until very was were what when where which while who whom why will
    with would you your year years july june december march april term spring summer autumn
    key stage time times week weeks weekly day days daily each occasions least adult adults
    without help child young person finds find difficult difficulty hard needs need able
    support
    """
    )
)


SUFFIXES = (("es", "s"), ("ing", "ed", "ly"))  # "feelings" -> "feeling" -> "feel"
NUMBERS = frozenset(WORD.findall("one two three four five six seven eight nine ten"))
MIN_SHARED = 2
MAX_PAIRS = 40_000
"""Past this many outcome-need pairs in one area (no real plan has them) pair by order only."""
"""Content words an outcome and a need must share for the words alone to pair them."""


def _stem(word: str) -> str:
    for endings in SUFFIXES:
        for suffix in endings:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
    return word[:STEM]


def content_words(text: str) -> frozenset[str]:
    return frozenset(
        _stem(w) for w in WORD.findall(text.lower()) if w not in COMMON and w not in NUMBERS
    )


def match_by_content(
    items: Sequence[str], targets: Sequence[str], taken: Sequence[int] = ()
) -> list[tuple[int, str] | None]:
    """For each item, the target it answers and how that was found.

    Items and targets sharing at least MIN_SHARED content words are paired first, best pairs
    first, one target each ("content"). The items left are paired in order with the targets left
    ("order"); targets in ``taken`` (already claimed, e.g. by a cited need number) are not
    offered again. None for an item left over when the targets run out.
    """
    too_many = len(items) * len(targets) > MAX_PAIRS  # no real plan; keep linking time linear
    pairs = [] if too_many else _shared_pairs(items, targets)
    chosen: list[tuple[int, str] | None] = [None] * len(items)
    used = set(taken)
    for _, _, i, j in pairs:
        if chosen[i] is None and j not in used:
            chosen[i] = (j, "content")
            used.add(j)
    free = iter([j for j in range(len(targets)) if j not in used])
    for i, found in enumerate(chosen):
        if found is None:
            j = next(free, None)
            chosen[i] = (j, "order") if j is not None else None
    return chosen


def _shared_pairs(items: Sequence[str], targets: Sequence[str]) -> list[tuple[int, int, int, int]]:
    """(-shared words, distance, item, target) for pairs sharing MIN_SHARED words, best first."""
    item_words = [content_words(text) for text in items]
    target_words = [content_words(text) for text in targets]
    return sorted(
        (-len(words & other), abs(i - j), i, j)
        for i, words in enumerate(item_words)
        for j, other in enumerate(target_words)
        if len(words & other) >= MIN_SHARED
    )
