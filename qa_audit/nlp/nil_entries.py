"""Entries saying that nothing is needed: "None.", "N/A", "No health provision is required."

Plans fill in every section, so a cell or paragraph in sections C, D, G or H often records that
there is nothing to record. Such an entry is neither a need nor provision: checked as provision it
would be flagged as unquantified, and counted in the golden thread it would let an outcome answer
"No identified health needs." or be served by "None.".
"""

from __future__ import annotations

import re

_WHEN = r"(?:at (?:this|the present) time|at present|currently|now)"
_DONE = rf"(?:required|needed|necessary|identified|assessed|recorded|in place|{_WHEN})"
_KINDS = r"(?:needs?|provision|support|requirements?|services?|involvement|input)"
_SOFTENERS = r"(?:further|other|additional|identified|known|current|specific|separate|assessed)"
_ABOUT = r"(?:under section 2|from [a-z' ]{3,30}|related to (?:his|her|their) [a-z ]{3,30})"

_NIL = re.compile(
    "|".join(
        (
            # None. / N/A / Not applicable / None required at this time / Nothing further
            rf"(?:none|nil|n/?a|not applicable|not required|not needed|nothing(?: further)?)"
            rf"(?: {_DONE})*",
            # No health provision is required. / There are no identified social care needs.
            rf"(?:there (?:is|are) )?no (?:{_SOFTENERS} )*(?:[a-z'/-]+ ){{0,3}}{_KINDS}"
            rf"(?: {_ABOUT})?(?: (?:is|are|has been|have been))?(?: {_DONE})*(?: {_ABOUT})?",
            # T. has no identified health needs. / A.B. does not require any social care provision.
            rf"[a-z.' -]{{1,30}} (?:has no|have no|does not (?:have|require|need) any) "
            rf"(?:{_SOFTENERS} )*(?:[a-z'/-]+ ){{0,3}}{_KINDS}(?: {_DONE})*(?: {_ABOUT})?",
        )
    )
)
_SEPARATOR = re.compile(r"\s*[-\u2013\u2014:;]\s+|\s*[(),]\s*")


def is_nil_entry(text: str) -> bool:
    """Whether ``text`` only says that there is no need or provision of its kind.

    The whole entry must say so, part by part ("N/A - no identified health needs" is nil; "None
    at lunchtime; 1:1 TA in lessons" is not), so provision or needs written after such words are
    never dropped.
    """
    parts = [p for p in _SEPARATOR.split(" ".join(text.lower().split()).rstrip(". ")) if p]
    return bool(parts) and all(_NIL.fullmatch(part.rstrip(".")) for part in parts)
