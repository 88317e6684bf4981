"""Plans written by hand in forms the generator's layouts mix: typed lists, "I can" outcomes,
provision as attribute lists, guidance left in a template, needs in another order."""

from __future__ import annotations

from qa_audit.documents import read_plan
from qa_audit.documents.matching import match_by_content
from qa_audit.synthetic.render_docx import render_docx
from qa_audit.synthetic.render_pdf import render_pdf
from qa_audit.synthetic.spec import Block, Para

NEEDS = [
    Para("Section B \u2013 Special educational needs", "h1"),
    Para("S.K. finds it hard to follow spoken instructions with several steps.", "bullet"),
    Para("S.K. reads well below the level expected and decodes words slowly.", "bullet"),
    Para("S.K. becomes anxious when the timetable changes without warning.", "bullet"),
    Para("S.K. struggles to start conversations with classmates.", "bullet"),
]
OUTCOMES = [
    "By July 2026, S.K. will start a conversation with a classmate twice a week.",
    "I can read a book at my reading level aloud with 95% accuracy by July 2026.",
    "By July 2026, I will follow three-step instructions in 4 out of 5 lessons.",
    "By March 2026, S.K. will manage a timetable change using a visual schedule 8 times in 10.",
]


def _read(blocks: list[Block], fmt: str = "docx"):
    data = render_docx(blocks) if fmt == "docx" else render_pdf(blocks, "Plan")
    return read_plan(data, f"plan.{fmt}")


def test_a_typed_numbered_list_under_section_e_gives_every_outcome_with_its_need() -> None:
    for fmt in ("docx", "pdf"):
        blocks = [*NEEDS, Para("Section E \u2013 Outcomes", "h1")]
        blocks += [Para(f"{n}. {text}") for n, text in enumerate(OUTCOMES, start=1)]
        parsed = _read(blocks, fmt)
        assert [o.text for o in parsed.outcomes] == OUTCOMES
        needs = [o.need for o in parsed.outcomes]
        assert needs == [NEEDS[i].text for i in (4, 2, 1, 3)], fmt
        # The second outcome is with the second need: its words and its place agree.
        assert [o.need_linked_by for o in parsed.outcomes] == [
            "content",
            "order",
            "content",
            "content",
        ]


def test_outcomes_run_together_in_one_paragraph_come_out_one_each() -> None:
    parsed = _read([*NEEDS, Para("Outcomes", "h1"), Para(" ".join(OUTCOMES))])
    assert [o.text for o in parsed.outcomes] == OUTCOMES


def test_provision_attribute_lines_belong_to_the_item_above() -> None:
    blocks = [
        *NEEDS,
        Para("Section E: Outcomes", "h1"),
        Para(OUTCOMES[0], "bullet"),
        Para("Section F: Special educational provision", "h1"),
        Para("Weekly 30-minute language group using visual cards.", "bullet"),
        Para("Provider: Speech and language therapy assistant"),
        Para("Frequency: Weekly"),
        Para("Duration: 30 minutes"),
        Para("Daily phonics session delivered one to one.", "bullet"),
        Para("Delivered by: Teaching assistant"),
    ]
    provision = _read(blocks).provision
    assert [(p.text[:20], p.by_whom, p.frequency) for p in provision] == [
        ("Weekly 30-minute lan", "Speech and language therapy assistant", "Weekly; 30 minutes"),
        ("Daily phonics sessio", "Teaching assistant", None),
    ]


def test_guidance_and_worked_examples_in_a_template_are_not_outcomes() -> None:
    blocks = [
        *NEEDS,
        Para("Section E: Outcomes", "h1"),
        Para("Guidance: outcomes should be specific and say by when."),
        Para("Worked example", "bold"),
        Para("By the end of Year 4, Sam will read a short passage aloud.", "bullet"),
        Para("Communication and interaction", "h2"),
        Para(OUTCOMES[0], "bullet"),
        Para("[Enter the outcomes agreed with the family]"),
        Para("Click or tap here to enter text."),
    ]
    assert [o.text for o in _read(blocks).outcomes] == [OUTCOMES[0]]


def test_matching_pairs_by_shared_words_then_order() -> None:
    needs = ["Finds it hard to follow spoken instructions.", "Reads slowly, below age level."]
    outcomes = [
        "Will read aloud at the agreed level.",
        "Will swim 10 metres.",
        "Will follow instructions.",
    ]
    assert match_by_content(outcomes, needs) == [(1, "content"), None, (0, "content")]
    assert match_by_content(["Will swim 10 metres."], needs) == [(0, "order")]


def test_matching_thousands_of_items_pairs_by_order_in_linear_time() -> None:
    import time

    items = [f"Will read {n} words aloud." for n in range(5000)]
    started = time.perf_counter()
    found = match_by_content(items, [f"Reads {n} words slowly." for n in range(5000)])
    assert time.perf_counter() - started < 1
    assert found[:2] == [(0, "order"), (1, "order")]


def test_a_bare_outcomes_heading_after_social_care_needs_starts_section_e() -> None:
    """'Outcomes' after 'Social care needs' is section E of the whole plan, not the outcomes of
    its social care part: its outcomes answer the needs in B that they speak of."""
    blocks = [
        Para("Special educational needs", "h1"),
        Para("Communication and interaction", "h2"),
        *NEEDS[1:],
        Para("Social care needs", "h1"),
        Para("S.K.'s family needs short breaks to care for S.K. at home.", "bullet"),
        Para("Outcomes", "h1"),
        *[Para(text) for text in OUTCOMES],
    ]
    parsed = _read(blocks)
    assert [o.need for o in parsed.outcomes] == [NEEDS[i].text for i in (4, 2, 1, 3)]
