"""Advice documents read into recommendations, per layout and format, through the isolated
reader."""

import pytest

from qa_audit.documents.advice_document import read_advice, recommendations
from qa_audit.documents.blocks import Cell, Paragraph, Table
from qa_audit.documents.limits import Deadline
from qa_audit.errors import BadDocument
from qa_audit.synthetic.advice_docs import generate_trace_case
from tests.bad_files import bad_files


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_every_layout_reads_into_its_recommendations(fmt):
    case = generate_trace_case(0, "dev", fmt)
    assert {a.layout for a in case.advice} == {"numbered", "table", "paragraphs"}
    for advice in case.advice:
        document = read_advice(advice.data, advice.filename)
        assert document.source == advice.source
        read = [r.text for r in document.recommendations]
        expected = [t.advice for t in advice.recommendations]
        assert len(read) == len(expected), (advice.layout, read)
        for text, truth in zip(read, expected, strict=True):
            action = truth.split(" for ")[0].split(" in ")[0]
            assert text.startswith(action[:25]), (advice.layout, text, truth)
        if advice.layout == "table":  # the other columns stay with their row
            assert all("frequency: " in t and "by whom: " in t for t in read)


def _cell(text):
    return Cell([Paragraph(text)])


def test_items_and_sentences_under_recommendation_headings_only():
    blocks = [
        Paragraph("Speech and language therapy advice", heading=1),
        Paragraph("Background", heading=1),
        Paragraph("She enjoys stories and talks readily with adults she knows well."),
        Paragraph("What would help", heading=1),
        Paragraph("The following will help:"),
        Paragraph("Adults should give one instruction at a time. Check she has understood."),
        Paragraph("Strategies", heading=2),
        Paragraph("1. Use a visual timetable every morning"),
        Paragraph("Pre-teach new words before each topic", listed=True),
        Paragraph("Report author", heading=1),
        Paragraph("Signed by the therapist on behalf of the service."),
    ]
    found = recommendations(blocks, Deadline(5))
    assert [(r.text, r.heading) for r in found] == [
        ("Adults should give one instruction at a time.", "What would help"),
        ("Check she has understood.", "What would help"),
        ("Use a visual timetable every morning", "Strategies"),
        ("Pre-teach new words before each topic", "Strategies"),
    ]


def test_table_rows_keep_how_often_and_by_whom():
    header = [_cell("Provision"), _cell("How often"), _cell("Delivered by")]
    row = [_cell("Fine motor programme with putty"), _cell("daily, 15 minutes"), _cell("TA")]
    other = Table([[_cell("Test"), _cell("Score")], [_cell("Vocabulary test result"), _cell("84")]])
    found = recommendations([Table([header, row]), other], Deadline(5))
    assert [r.text for r in found] == [
        "Fine motor programme with putty (frequency: daily, 15 minutes; by whom: TA)"
    ]
    assert found[0].heading == "Provision"


@pytest.mark.parametrize("name", ["empty", "legacy_doc", "plain_text", "corrupt_zip"])
def test_bad_files_are_refused_in_plain_english(name):
    data, filename, expected = bad_files()[name]
    with pytest.raises(BadDocument, match=expected):
        read_advice(data, filename)
