"""Files built to cost a reader far more than their size are refused, or read, within the limits:
the time limit holds inside a page or a document part, and XML parts are bounded before parsing."""

from __future__ import annotations

import time

import pytest

from qa_audit.documents import DocumentLimits, read_plan
from qa_audit.errors import BadDocument
from tests.hostile.document_strategies import word_document
from tests.hostile.hostile_files import (
    dense_grid_pdf,
    empty_paragraphs_docx,
    long_plan_body,
    nested_controls_docx,
)
from tests.hostile.reading import SLACK_SECONDS


def timed_read(data: bytes, filename: str, limits: DocumentLimits):
    started = time.monotonic()
    try:
        return read_plan(data, filename, limits), time.monotonic() - started
    except BadDocument as refused:
        return refused, time.monotonic() - started


def test_a_page_ruled_into_thousands_of_squares_stops_at_the_time_limit() -> None:
    limits = DocumentLimits(parse_timeout_seconds=2)
    result, seconds = timed_read(dense_grid_pdf(150), "plan.pdf", limits)
    assert isinstance(result, BadDocument) and "took too long" in str(result)
    assert seconds < limits.parse_timeout_seconds + SLACK_SECONDS


def test_a_plan_with_thousands_of_items_is_linked_in_time() -> None:
    """8,000 needs, outcomes and provision items: linking used to take longer than 30 s."""
    plan, seconds = timed_read(
        word_document(long_plan_body(8000)), "plan.docx", DocumentLimits(parse_timeout_seconds=10)
    )
    assert not isinstance(plan, BadDocument), f"{plan} after {seconds:.1f} s"
    assert len(plan.outcomes) == 8000
    assert all(outcome.need.startswith("B2 ") for outcome in plan.outcomes)
    assert all(outcome.provision for outcome in plan.outcomes)


def test_time_limit_is_checked_while_walking_a_word_body() -> None:
    limits = DocumentLimits(parse_timeout_seconds=0.3)
    result, seconds = timed_read(empty_paragraphs_docx(400_000), "plan.docx", limits)
    assert isinstance(result, BadDocument) and "took too long" in str(result)
    assert seconds < limits.parse_timeout_seconds + SLACK_SECONDS


def test_xml_with_more_tags_than_the_limit_is_refused_before_parsing() -> None:
    limits = DocumentLimits(max_xml_tags=100_000)
    result, seconds = timed_read(empty_paragraphs_docx(100_001), "plan.docx", limits)
    assert isinstance(result, BadDocument) and "more than 100,000 pieces" in str(result)
    assert seconds < 1


def test_xml_part_larger_than_the_limit_is_refused_before_unpacking() -> None:
    result, _ = timed_read(
        empty_paragraphs_docx(200_000), "plan.docx", DocumentLimits(max_xml_bytes=1024 * 1024)
    )
    assert isinstance(result, BadDocument) and "text would unpack to 1.1 MB" in str(result)


def test_controls_nested_past_the_xml_depth_limit_are_refused() -> None:
    result, _ = timed_read(nested_controls_docx(5000), "plan.docx", DocumentLimits())
    assert isinstance(result, BadDocument) and "damaged" in str(result)


@pytest.mark.parametrize("value", ["²", "٣", "-1", "9" * 5000])
def test_attribute_values_word_never_writes_are_ignored(value: str) -> None:
    body = (
        f"<w:p><w:pPr><w:outlineLvl w:val='{value}'/></w:pPr><w:r><w:t>Section A</w:t></w:r></w:p>"
        f"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val='{value}'/></w:tcPr>"
        "<w:p><w:r><w:t>Cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    plan = read_plan(word_document(body), "plan.docx")
    assert plan.has_section("A")
