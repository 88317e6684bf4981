"""PDF specifics: wrapped lines, page breaks, running footers, long documents."""

from __future__ import annotations

from qa_audit.documents import read_plan
from qa_audit.documents.blocks import Paragraph
from qa_audit.documents.limits import Deadline, DocumentLimits
from qa_audit.documents.pdf_reader import read_pdf
from tests.docgen import generate_plan


def test_running_footer_is_dropped_and_paragraphs_survive_page_breaks() -> None:
    plan = generate_plan(51, "headed", "pdf", words=4000)
    blocks = read_pdf(plan.data, DocumentLimits(), Deadline(30))
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert not any("Page " in text and "EHC plan" in text for text in texts)
    parsed = read_plan(plan.data, plan.filename)
    assert [o.text for o in parsed.outcomes] == [o.text for o in plan.truth.outcomes]


def test_long_plans_are_read_in_both_formats() -> None:
    for fmt in ("docx", "pdf"):
        plan = generate_plan(52, "term_table", fmt, words=10_000)
        parsed = read_plan(plan.data, plan.filename)
        assert parsed.word_count >= 10_000
        assert len(parsed.outcomes) == len(plan.truth.outcomes)
        assert set(parsed.sections) == plan.truth.sections
