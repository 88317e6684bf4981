"""Show the words a pre-flag points at inside the statement it was raised on.

A flag's ``evidence`` quotes the words that raised it ("improve his communication"), several
quotes joined by "; " or " | ", sometimes after a label ("vague wording: as required"), or names
what is missing ("no time frame"). :func:`mark_evidence` escapes the statement and wraps each
quoted phrase found in it in ``<mark>``; phrases not in the statement are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

_PARTS = re.compile(r"\s*(?:;|\|)\s*")
_LABEL = re.compile(r"^[a-z][a-z ]*:\s*")  # "vague wording: ", "missing: "


def evidence_phrases(evidence: Iterable[str]) -> list[str]:
    """The quoted phrases in each evidence string, labels removed, longest first (phrases of
    the same length in the order given)."""
    phrases = dict.fromkeys(
        _LABEL.sub("", part).strip()
        for text in evidence
        if text
        for part in _PARTS.split(str(text))
    )
    return sorted((p for p in phrases if p), key=len, reverse=True)


def mark_evidence(text: str, evidence: Iterable[str]) -> Markup:
    """``text`` as safe HTML with every occurrence of an evidence phrase marked."""
    text = str(text or "")
    ranges: list[tuple[int, int]] = []
    for phrase in evidence_phrases(evidence):
        for found in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE):
            ranges.append(found.span())
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, last = [], 0
    for start, end in merged:
        out += [escape(text[last:start]), Markup('<mark class="app-evidence">')]
        out += [escape(text[start:end]), Markup("</mark>")]
        last = end
    out.append(escape(text[last:]))
    return Markup("").join(out)
