"""Every refused upload gets its own plain-English message, and nothing but BadDocument escapes."""

from __future__ import annotations

import contextlib
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa_audit.documents import DocumentLimits, read_plan, sniff
from qa_audit.errors import BadDocument
from qa_audit.synthetic import generate_plan
from tests.bad_files import bad_files

BAD = bad_files()


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_is_refused_with_its_message(name: str) -> None:
    data, filename, fragment = BAD[name]
    with pytest.raises(BadDocument) as refused:
        read_plan(data, filename)
    assert fragment in str(refused.value)


@pytest.mark.parametrize("name", ["empty", "jpeg_named_docx", "docm_by_name", "legacy_doc"])
def test_messages_never_repeat_the_file_name(name: str) -> None:
    data, _, _ = BAD[name]
    with pytest.raises(BadDocument) as refused:
        read_plan(data, "EHCP Jane Doe Y5.docm" if name == "docm_by_name" else "EHCP Jane Doe.docx")
    assert "Jane" not in str(refused.value)
    assert str(refused.value).startswith("The file ")


def test_pdf_uploaded_under_a_docx_name_is_read_as_pdf() -> None:
    plan = generate_plan(5, "headed", "pdf")
    assert sniff(plan.data, "plan.docx") == "pdf"
    assert read_plan(plan.data, "plan.docx").has_section("E")


def test_docx_uploaded_under_a_pdf_name_is_read_as_docx() -> None:
    plan = generate_plan(5, "headed", "docx")
    assert sniff(plan.data, "plan.pdf") == "docx"


def test_file_over_the_size_limit_is_refused_before_opening() -> None:
    plan = generate_plan(6, "headed", "docx")
    with pytest.raises(BadDocument, match="largest plan document accepted"):
        read_plan(plan.data, plan.filename, DocumentLimits(max_bytes=1000))


def test_too_many_zip_entries_is_refused() -> None:
    plan = generate_plan(6, "headed", "docx")
    with pytest.raises(BadDocument, match="parts; the limit is 5"):
        read_plan(plan.data, plan.filename, DocumentLimits(max_zip_entries=5))


def test_pdf_page_limit_comes_from_the_limits() -> None:
    plan = generate_plan(7, "headed", "pdf")
    with pytest.raises(BadDocument, match="the most accepted is 1"):
        read_plan(plan.data, plan.filename, DocumentLimits(max_pdf_pages=1))


def test_time_limit_stops_a_slow_read() -> None:
    plan = generate_plan(7, "headed", "pdf")
    with pytest.raises(BadDocument, match="took too long"):
        read_plan(plan.data, plan.filename, DocumentLimits(parse_timeout_seconds=0))


def test_part_that_unpacks_beyond_its_declared_size_is_refused() -> None:
    plan = generate_plan(8, "headed", "docx")
    source = zipfile.ZipFile(io.BytesIO(plan.data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
    data = bytearray(out.getvalue())
    name = b"word/document.xml"
    position = data.find(name, data.find(b"PK\x01\x02"))
    while data[position - 46 : position - 42] != b"PK\x01\x02":
        position = data.find(name, position + 1)
    header = position - 46
    data[header + 24 : header + 28] = (100).to_bytes(4, "little")
    with pytest.raises(BadDocument, match="damaged"):
        read_plan(bytes(data), "plan.docx")


@settings(
    max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.binary(max_size=2048))
def test_random_bytes_only_ever_raise_bad_document(data: bytes) -> None:
    with contextlib.suppress(BadDocument):
        read_plan(data, "plan.docx")


DOCX = generate_plan(9, "area_tables", "docx").data


@settings(
    max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.integers(min_value=0, max_value=len(DOCX) - 1), st.binary(min_size=1, max_size=16))
def test_damaged_word_files_only_ever_raise_bad_document(offset: int, junk: bytes) -> None:
    data = DOCX[:offset] + junk + DOCX[offset + len(junk) :]
    with contextlib.suppress(BadDocument):
        read_plan(data, "plan.docx")
