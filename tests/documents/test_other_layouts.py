"""A plan written by hand in a layout the generator does not produce."""

from __future__ import annotations

import io

from docx import Document

from qa_audit.documents import read_plan


def _labelled_box_plan() -> bytes:
    """Sections as label | content rows; outcomes in a table with no provision column."""
    document = Document()
    document.add_heading("EHC Plan", 0)
    facts = document.add_table(rows=3, cols=2)
    rows = [
        ("Child", "R.P."),
        ("National Curriculum year", "10"),
        ("Final plan issued", "2 Oct 2025"),
    ]
    for r, (label, value) in enumerate(rows):
        facts.cell(r, 0).text, facts.cell(r, 1).text = label, value
    boxes = document.add_table(rows=4, cols=2)
    boxes.cell(0, 0).text = "A \u2013 What people like and admire about me"
    boxes.cell(0, 1).text = "R.P. is funny and loves bikes."
    for row, label, items in (
        (
            1,
            "B \u2013 Special Educational Needs",
            ("R.P. reads well below peers.", "R.P. misreads idioms."),
        ),
        (
            3,
            "F \u2013 Provision",
            ("Daily reading intervention, 20 minutes.", "Weekly SaLT group of 4."),
        ),
    ):
        boxes.cell(row, 0).text = label
        cell = boxes.cell(row, 1)
        cell.text = "Cognition and learning"
        cell.add_paragraph(items[0], style="List Bullet")
        cell.add_paragraph("Communication and interaction")
        cell.add_paragraph(items[1], style="List Bullet")
    boxes.cell(2, 0).text = "E \u2013 Outcomes"
    document.add_paragraph("Preparing for adulthood: employment")
    outcomes = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [
            ("Outcome", "Success criteria", "By when"),
            ("R.P. will read a safety sheet independently.", "9 of 10 key words", "July 2026"),
            ("R.P. will explain two idioms used at work.", "When asked", "March 2026"),
        ]
    ):
        for c, text in enumerate(row):
            outcomes.cell(r, c).text = text
    document.add_heading("K. Advice and information", 1)
    document.add_paragraph("Educational psychology advice (Educational Psychologist), 12/06/2025")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_labelled_boxes_and_unlinked_outcome_table() -> None:
    parsed = read_plan(_labelled_box_plan(), "plan.docx")
    assert set(parsed.sections) == {"A", "B", "E", "F", "K"}
    assert parsed.year_group == 10
    assert parsed.issue_date is not None and parsed.issue_date.isoformat() == "2025-10-02"
    assert parsed.template.kind == "current"
    links = [(o.need, o.provision, o.area) for o in parsed.outcomes]
    assert links == [
        (
            "R.P. reads well below peers.",
            "Daily reading intervention, 20 minutes.",
            "Cognition and learning",
        ),
        ("R.P. misreads idioms.", "Weekly SaLT group of 4.", "Communication and interaction"),
    ]
    assert [a.source for a in parsed.advice] == ["Educational Psychologist"]


PLAN_HTML = """<html><head><style>
body {font-size: 10pt} table {border-collapse: collapse; width: 100%}
td, th {border: 1px solid #000; padding: 4px; vertical-align: top}
</style></head><body>
<h1>Education, Health and Care Plan</h1>
<p>Date of issue: 4 March 2025</p><p>Year group: Year 3</p>
<h1>Section A: Views, interests and aspirations</h1><p>K.L. loves dinosaurs and drawing.</p>
<h2>My aspirations</h2><ul><li>I want to be a palaeontologist.</li></ul>
<h1>Sections B, E and F</h1>
<table><tr><th>Section B: Special educational needs</th><th>Section E: Outcomes</th>
<th>Section F: Special educational provision</th></tr>
<tr><td colspan="3"><b>Communication and interaction</b></td></tr>
<tr><td rowspan="2">K.L. has a speech sound disorder.</td>
<td>By July 2026, K.L. will say k and g correctly in 8 of 10 single words.</td>
<td>Weekly 30-minute speech therapy session.</td></tr>
<tr><td>By July 2026, K.L. will be understood by a new adult telling a short news item.</td>
<td>Daily 10-minute practice of target sounds with a trained assistant.</td></tr>
<tr><td colspan="3"><b>Cognition and learning</b></td></tr>
<tr><td>K.L. finds it hard to remember number facts.</td>
<td>By July 2026, K.L. will recall number bonds to 10 in under 3 seconds.</td>
<td>Precision teaching of number facts, 10 minutes daily.</td></tr>
</table>
<h1>Section K: Advice and information</h1>
<ul><li>Speech and Language Therapist, report dated 10/01/2025</li></ul>
</body></html>"""


def test_pdf_from_another_engine_with_spanning_cells() -> None:
    import weasyprint

    parsed = read_plan(weasyprint.HTML(string=PLAN_HTML).write_pdf(), "plan.pdf")
    assert set(parsed.sections) == {"A", "B", "E", "F", "K"}
    assert (parsed.year_group, parsed.issue_date.isoformat()) == (3, "2025-03-04")
    assert parsed.aspirations == ["I want to be a palaeontologist."]
    needs = [(o.need, o.area) for o in parsed.outcomes]
    assert needs == [
        ("K.L. has a speech sound disorder.", "Communication and interaction"),
        ("K.L. has a speech sound disorder.", "Communication and interaction"),
        ("K.L. finds it hard to remember number facts.", "Cognition and learning"),
    ]
    assert parsed.outcomes[1].provision == (
        "Daily 10-minute practice of target sounds with a trained assistant."
    )
