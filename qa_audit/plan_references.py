"""What a plan reference may be: the one check the upload form, the plan details form and the
metadata CSV (batch upload and ``qa-audit import``) all use.

A reference ends up in page titles, file names of downloads and the access log, so it is one
"word" of printable characters: no spaces, line breaks, tabs or other control characters.
"""

from __future__ import annotations

MAX_LENGTH = 40  # as the column

# The same words whether the reference belongs to a plan the person may not see or, when
# renaming, to any other plan: the answer must not tell them a plan they cannot see exists.
REFERENCE_NOT_USABLE = "This plan reference cannot be used. Check it and try again."


def reference_problem(reference: str) -> str | None:
    """Plain-English reason ``reference`` (already stripped) cannot be a plan reference, or None."""
    if not reference:
        return "Enter the plan reference"
    if len(reference) > MAX_LENGTH:
        return f"A plan reference is at most {MAX_LENGTH} characters"
    if any(ch.isspace() for ch in reference):
        return "A plan reference has no spaces, tabs or line breaks, for example EHCP-2025-0042"
    if not reference.isprintable():
        return (
            "A plan reference has only letters, digits and punctuation (it holds a hidden "
            "control character), for example EHCP-2025-0042"
        )
    return None
