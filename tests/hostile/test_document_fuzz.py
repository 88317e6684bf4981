"""Whatever bytes are uploaded, reading them ends within the time limit, either with a plan that
can be stored or with a plain-English BadDocument; no other error escapes, and the catch-all for
unexpected errors is never needed.

``HYPOTHESIS_PROFILE=long`` runs forty times as many cases (see tests/conftest.py).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

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
from tests.hostile.reading import read_safely

NAMES = st.sampled_from(["EHCP Jane Doe.docx", "EHCP Jane Doe.pdf", "EHCP Jane Doe"])


@given(made_up_docx())
def test_made_up_word_documents(upload: Upload) -> None:
    read_safely(upload.data, "EHCP Jane Doe.docx")


@given(damaged_docx(), NAMES)
def test_word_documents_with_damaged_parts(upload: Upload, filename: str) -> None:
    read_safely(upload.data, filename)


@given(damaged_bytes(DOCX_PLANS + PDF_PLANS), NAMES)
def test_truncated_flipped_cut_and_repeated_files(upload: Upload, filename: str) -> None:
    read_safely(upload.data, filename)


@given(magic_headed_bytes, NAMES)
def test_random_bytes_behind_real_file_signatures(upload: Upload, filename: str) -> None:
    read_safely(upload.data, filename)


@given(made_up_pdf())
def test_made_up_pdf_layouts(upload: Upload) -> None:
    read_safely(upload.data, "EHCP Jane Doe.pdf")
