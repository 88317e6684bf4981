"""Pre-flags read from an analysis result, and plan text read from a parsed document."""

from __future__ import annotations

from qa_audit.audits.plan_text import plan_sections
from qa_audit.audits.preflags import PreFlag, collect_preflags, preflags_by_criterion
from qa_audit.matrix import PLAN_KINDS
from qa_audit.models.plan import PLAN_KINDS as MODEL_PLAN_KINDS
from tests.audits.conftest import ANALYSIS
from tests.audits.helpers import default_matrix

PLAN_WIDE = {
    "preparing_for_adulthood": {
        "required": True,
        "flags": [{"code": "no_pfa_outcomes", "message": "No PfA outcomes.", "evidence": ""}],
    },
    "advice": [{"text": "Sam will be happy.", "flags": ["not-a-flag", {"message": "no code"}]}],
}


def test_flags_are_found_wherever_they_are_with_the_text_they_point_at():
    flags = collect_preflags({**ANALYSIS, **PLAN_WIDE})
    assert (
        PreFlag("vague", "The outcome does not name a concrete skill.", "improve his communication")
        in flags
    )
    assert PreFlag("no_pfa_outcomes", "No PfA outcomes.", "") in flags
    assert (
        PreFlag(
            "provision_not_quantified",
            "The provision does not say how much or how often.",
            "as required",
        )
        in flags
    )
    untimed = next(f for f in flags if f.code == "not_time_bound")
    assert untimed.text == "Ravi will improve his communication."
    assert len(flags) == 4


def test_flags_go_to_the_criteria_that_list_their_codes(matrix_dir):
    matrix = default_matrix(matrix_dir)
    by_criterion = preflags_by_criterion(matrix, ANALYSIS)
    assert [f.code for f in by_criterion["smart-outcomes"]] == ["vague", "not_time_bound"]
    # the criterion lists "vague" too, but this one was raised on an outcome (section E)
    assert [f.code for f in by_criterion["provision-specific"]] == ["provision_not_quantified"]
    assert by_criterion["voice-of-child-and-family"] == []
    assert all(flags == [] for flags in preflags_by_criterion(matrix, None).values())


def test_plan_sections_in_plan_order_skipping_blank_ones():
    sections = plan_sections(
        {"section_text": {"E": "Outcome one\n\nOutcome two", "A": "Views", "C": " "}}
    )
    assert [s.key for s in sections] == ["A", "E"]
    assert sections[1].paragraphs == ("Outcome one", "Outcome two")
    assert sections[1].anchor == "plan-section-E"
    assert sections[1].title == "Section E: Outcomes"
    assert plan_sections(None) == []


def test_matrix_measures_accept_exactly_the_plan_kinds():
    assert set(PLAN_KINDS) == set(MODEL_PLAN_KINDS)
    assert "reviewed" not in PLAN_KINDS


def test_every_golden_thread_gap_becomes_a_hint():
    thread = {
        "needs_without_provision": ["Ravi finds reading hard."],
        "outcomes_without_need": [],
        "outcomes_without_provision": ["Ravi will swim 25 metres.", "Ravi will read 40 words."],
    }
    flags = collect_preflags({"golden_thread": thread})
    assert [(f.code, f.message, f.text) for f in flags] == [
        (
            "golden_thread",
            "1 need(s) in B to D have no matching provision.",
            thread["needs_without_provision"][0],
        ),
        (
            "golden_thread",
            "2 outcome(s) in E have no provision in F to H serving them.",
            "Ravi will swim 25 metres.; Ravi will read 40 words.",
        ),
    ]
