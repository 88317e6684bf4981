"""PDF specifics: wrapped lines, page breaks, running footers, long documents."""

from __future__ import annotations

from qa_audit.documents import read_plan
from qa_audit.documents.blocks import Paragraph
from qa_audit.documents.limits import Deadline, DocumentLimits
from qa_audit.documents.pdf_reader import read_pdf
from qa_audit.synthetic import generate_plan


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


def _box_tuple(box) -> tuple[float, float, float, float]:
    return (box.left, box.bottom, box.right, box.top)


def test_grid_from_lines_joins_merged_cells() -> None:
    from qa_audit.documents.pdf_rules import Edge, grid_cells

    # Three rows by two columns; the left cell of rows 2 and 3 is merged (no line between).
    edges = [
        Edge(True, 100, 0, 200),
        Edge(True, 80, 0, 200),
        Edge(True, 60, 100, 200),
        Edge(True, 40, 0, 200),
        Edge(False, 0, 40, 100),
        Edge(False, 100, 40, 100),
        Edge(False, 200, 40, 100),
    ]
    cells = sorted(map(_box_tuple, grid_cells(edges, Deadline(30))), key=lambda b: (-b[3], b[0]))
    assert cells == [
        (0, 80, 100, 100),
        (100, 80, 200, 100),
        (0, 40, 100, 80),
        (100, 60, 200, 80),
        (100, 40, 200, 60),
    ]


def test_grid_without_outer_frame_ends_where_its_lines_end() -> None:
    from qa_audit.documents.pdf_rules import Edge, grid_cells

    edges = [Edge(True, 50, 0, 300), Edge(False, 100, 0, 100), Edge(False, 200, 0, 100)]
    cells = {_box_tuple(box) for box in grid_cells(edges, Deadline(30))}
    assert (0, 50, 100, 100) in cells and (200, 0, 300, 50) in cells
    assert len(cells) == 6


def test_tables_ruled_with_lines_or_boxes_read_the_same() -> None:
    from qa_audit.documents.blocks import Table
    from qa_audit.synthetic.layouts import LAYOUT_BUILDERS
    from qa_audit.synthetic.plan_facts import choose_facts
    from qa_audit.synthetic.render_pdf import render_pdf
    from qa_audit.synthetic.sections import Writer

    results = []
    for ruling in ("ALL", "INTERNAL"):
        blocks, truth = LAYOUT_BUILDERS["outcome_provision"](Writer(choose_facts(5)))
        data = render_pdf([b for b in blocks if type(b).__name__ != "FillerSlot"], "x", ruling)
        tables = [b for b in read_pdf(data, DocumentLimits(), Deadline(30)) if isinstance(b, Table)]
        parsed = read_plan(data, "plan.pdf")
        assert len(tables) >= 2
        results.append([(o.text, o.need, o.provision) for o in parsed.outcomes])
        assert [o.text for o in parsed.outcomes] == [t.text for t in truth]
    assert results[0] == results[1]


def test_page_full_of_drawn_lines_is_read_quickly() -> None:
    import time

    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    lines = ("Section B: Special educational needs", "Section E: Outcomes")
    lines += ("By July 2026, A.B. will read 20 words.", "Section F: Special educational provision")
    pdf.multi_cell(0, 6, "\n".join(lines))
    for i in range(8000):  # a vector chart: thousands of short strokes
        pdf.line(10 + (i % 180), 40 + (i // 180) * 10, 15 + (i % 180), 40 + (i // 180) * 10)
    start = time.perf_counter()
    parsed = read_plan(bytes(pdf.output()), "plan.pdf")
    assert time.perf_counter() - start < 1.5
    assert parsed.has_section("F")


def test_subheading_at_the_top_of_a_page_does_not_join_the_sentence_before_it() -> None:
    from qa_audit.documents.pdf_layout import runs_on

    assert not runs_on("... in 4 out of 5 writing tasks. (links to need B2)", "Health")
    assert not runs_on("... at least twice a week (see B1)", "Communication needs")
    assert runs_on("Weekly session delivered by the", "speech and language therapist.")
    assert runs_on("Daily practice led by the", "Teaching Assistant")  # unfinished line


def test_control_characters_and_soft_hyphens_in_pdf_text_are_cleaned() -> None:
    from qa_audit.documents.pdf_layout import Box, join_lines, text_lines

    boxes = [
        Box(10, 100, 200, 110, "By July 2026, A.B. will read\x01 a book at the agreed", 10),
        Box(10, 88, 200, 98, "reading level aloud with 95% accu\x02", 10),
        Box(10, 76, 60, 86, "racy.\x0c\x1f\ufeff", 10),
    ]
    [(_, paragraph)] = join_lines(text_lines(boxes))
    assert paragraph.text == (
        "By July 2026, A.B. will read a book at the agreed reading level aloud with 95% accuracy."
    )


def test_control_characters_in_a_pdf_do_not_reach_the_plan() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    lines = ["Section B: Special educational needs", "- A.B. reads\x01 slowly.\x07"]
    lines += ["Section E: Outcomes", "- By July 2026, A.B. will\x03 read 20\x1b words aloud."]
    lines += ["Section F: Special educational provision", "- Daily phonics\x05, 20 minutes."]
    pdf.multi_cell(0, 6, "\n".join(lines))
    parsed = read_plan(bytes(pdf.output()), "plan.pdf")
    assert [o.text for o in parsed.outcomes] == ["By July 2026, A.B. will read 20 words aloud."]
    assert [n.text for n in parsed.needs] == ["A.B. reads slowly."]


def test_a_form_in_two_unruled_columns_is_read_row_by_row() -> None:
    """Labels on the left, content on the right, no lines drawn: each label with its content,
    though the two columns' lines interleave on the page."""
    from qa_audit.documents.blocks import Table
    from qa_audit.documents.pdf_layout import Box, join_lines, text_lines

    def run(left: float, top: float, text: str) -> Box:
        return Box(left, top - 9, left + 5 * len(text), top, text, 9)

    boxes = [
        run(20, 700, "Section B: Special"),
        run(150, 700, "- A.B. reads slowly."),
        run(20, 689, "educational needs"),
        run(150, 689, "- A.B. tires quickly."),
        run(20, 660, "Section E: Outcomes"),
        run(150, 660, "- By July 2026, A.B. will read 20 words."),
    ]
    [(_, table)] = join_lines(text_lines(boxes))
    assert isinstance(table, Table)
    rows = [[cell.paragraphs for cell in row] for row in table.rows]
    assert rows == [
        [
            ["Section B: Special", "educational needs"],  # a heading's lines stay apart
            ["- A.B. reads slowly.", "- A.B. tires quickly."],
        ],
        [["Section E: Outcomes"], ["- By July 2026, A.B. will read 20 words."]],
    ]
