"""Whatever bytes are uploaded, reading them ends within the time limit, either with a plan that
can be stored or with a plain-English BadDocument; no other error escapes, and the catch-all for
unexpected errors is never needed.

``HYPOTHESIS_PROFILE=long`` runs forty times as many cases (see tests/conftest.py).
"""

from __future__ import annotations

import json
import time

from hypothesis import given
from hypothesis import strategies as st

from qa_audit.documents import DocumentLimits, read_plan
from qa_audit.documents.reader import UNREADABLE
from qa_audit.errors import BadDocument
from tests.hostile.document_strategies import (
    DOCX_PLANS,
    PDF_PLANS,
    Upload,
    damaged_bytes,
    damaged_docx,
    made_up_docx,
    made_up_pdf,
    magic_headed_bytes,
)

LIMITS = DocumentLimits(parse_timeout_seconds=2)
SLACK_SECONDS = 1.0  # the longest step between two checks of the deadline, with room to spare
NAMES = st.sampled_from(["EHCP Jane Doe.docx", "EHCP Jane Doe.pdf", "EHCP Jane Doe"])


def read_safely(upload: Upload, filename: str) -> None:
    started = time.monotonic()
    try:
        plan = read_plan(upload.data, filename, LIMITS)
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


@given(made_up_docx())
def test_made_up_word_documents(upload: Upload) -> None:
    read_safely(upload, "EHCP Jane Doe.docx")


@given(damaged_docx(), NAMES)
def test_word_documents_with_damaged_parts(upload: Upload, filename: str) -> None:
    read_safely(upload, filename)


@given(damaged_bytes(DOCX_PLANS + PDF_PLANS), NAMES)
def test_truncated_flipped_cut_and_repeated_files(upload: Upload, filename: str) -> None:
    read_safely(upload, filename)


@given(magic_headed_bytes, NAMES)
def test_random_bytes_behind_real_file_signatures(upload: Upload, filename: str) -> None:
    read_safely(upload, filename)


@given(made_up_pdf())
def test_made_up_pdf_layouts(upload: Upload) -> None:
    read_safely(upload, "EHCP Jane Doe.pdf")
