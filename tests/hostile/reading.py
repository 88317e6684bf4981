"""The property every hostile upload must keep, shared by the Hypothesis tests and the fuzzer."""

from __future__ import annotations

import json
import time

from qa_audit.documents import DocumentLimits
from qa_audit.documents.reader import UNREADABLE, read_plan_here
from qa_audit.errors import BadDocument

LIMITS = DocumentLimits(parse_timeout_seconds=2)
SLACK_SECONDS = 2.0  # the longest step between two deadline checks, and room for a busy machine


def read_safely(data: bytes, filename: str) -> None:
    """Reading ends within the time limit with a plan that can be stored, or with a plain
    BadDocument that does not repeat the file name and did not come from the catch-all.

    The reader runs in this process, as it does inside the child that ``read_plan`` starts, so
    that the cause of a refusal can be seen and the time limit is kept by the reader's own
    checks rather than by the child being killed."""
    started = time.monotonic()
    try:
        plan = read_plan_here(data, filename, LIMITS)
    except BadDocument as refused:
        message = str(refused)
        assert message and "Jane" not in message and "Traceback" not in message
        cause = refused.__cause__
        unexpected = message == UNREADABLE and not isinstance(cause, RecursionError | MemoryError)
        assert not unexpected, f"reading fell through to the catch-all: {cause!r}"
    else:
        json.dumps(plan.to_dict())  # what an import stores
    elapsed = time.monotonic() - started
    assert elapsed < LIMITS.parse_timeout_seconds + SLACK_SECONDS, f"took {elapsed:.1f} s"
