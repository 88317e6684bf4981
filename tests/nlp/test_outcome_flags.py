from datetime import date

import pytest

from qa_audit.nlp.flags import Flag, is_weak
from qa_audit.nlp.outcomes import check_outcomes, outcome_check
from qa_audit.nlp.pipeline import parse

REFERENCE = date(2026, 1, 15)
GOOD = (
    "By July 2027, Sam will read 40 common words on sight in 4 out of 5 weekly checks, "
    "so that he can follow class instructions."
)


def codes(text: str, reference: date = REFERENCE) -> set[str]:
    [result] = check_outcomes([text], reference_date=reference)
    return {flag.code for flag in result.flags}


def test_smart_outcome_has_no_flags_and_is_not_weak():
    [result] = check_outcomes([GOOD], reference_date=REFERENCE)
    assert result.flags == []
    assert result.weak is False


@pytest.mark.parametrize(
    "text",
    [
        "Sam will improve his communication skills.",
        "Ella will develop independence.",
        "By July 2027, Ravi will make progress.",
        "Mo will reach his potential.",
        "Sam will improve his handwriting so that it is neater.",
        "To increase participation.",
        "Kai will understand his diabetes.",
        "Fern will access community activities.",
        "Ali hopes to work with animals.",
    ],
)
def test_vague_outcomes_are_flagged(text):
    assert "vague" in codes(text)


def test_vague_evidence_quotes_the_head_of_the_statement():
    [result] = check_outcomes(
        ["By July 2027, Sam will improve his reading."], reference_date=REFERENCE
    )
    evidence = {flag.code: flag.evidence for flag in result.flags}
    assert evidence["vague"] == "improve his reading"
    assert evidence["not_measurable"] == "improve his reading"


@pytest.mark.parametrize(
    "text",
    [
        "By July 2027, Ali will hold a two-way conversation with a peer each day.",
        "By July 2027, Ali will spend time with two named friends twice a week without adult help.",
        "By July 2027, Ali will read a book at his reading level to an adult.",
        "Within 12 months, Ali will greet his class teacher when he arrives.",
        "By July 2027, Ali will improve his reading so that he reads 30 words on sight.",
    ],
)
def test_observable_behaviours_off_any_list_are_not_vague(text):
    assert "vague" not in codes(text)


def test_a_vague_word_after_the_head_is_not_the_head():
    assert "vague" not in codes(
        "By July 2027, Ali will use 10 signs in class so that he can improve his communication."
    )


@pytest.mark.parametrize(
    "text",
    [
        "By July 2027, Jay will make progress in reading and writing.",
        "Ana will make expected progress in maths.",
        "Kofi will make good progress with his phonics and early reading.",
        "Mia will make good progress from her starting points across the curriculum.",
        "Ravi will show progress in his writing across the curriculum.",
        "Mia will improve her reading and writing skills.",
        "By July 2027, Ben will improve his reading.",
        "Leo will develop his understanding of number.",
        "Isla will develop a better understanding of spoken language.",
        "Noah will have a better understanding of how to keep himself safe.",
        "Zara will work towards reading at age-related expectations.",
        "Tom will work on his handwriting.",
        "By the end of this term, Ben will begin to develop his social communication skills.",
        "By the end of this term, Ben will begin to improve his speech and language.",
        "Staff will support Ella to manage changes to her routine.",
        "Amy will develop strategies to manage her anxiety.",
        "Ella will manage transitions between lessons.",
        "Dan will be given a daily check-in with a trusted adult.",
    ],
)
def test_unmeasurable_stems_caseworkers_write_are_vague(text):
    assert "vague" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mo will tie his shoelaces.",
        "By the end of Year 2, Ella will count to 20.",
        "By July 2027, Sam will improve his reading so that he reads 40 words on sight.",
        "Sophie will increase her reading age by 12 months within the next year.",
        "By July 2027, Jay will recall number bonds to 10 within 3 seconds in 9 of 10 trials.",
        "Within 12 months, Ben will start a conversation with a peer at break on 3 days a week.",
        "By July 2027, Sam will start to read CVC words independently in 4 out of 5 sessions.",
        "By July 2027, Ravi will show his understanding of a story by answering 4 of 5 questions.",
        "By July 2027, Kofi will make a snack following a 4-step picture recipe.",
        "By July 2027, Ella will manage an announced change to the timetable using a visual "
        "schedule in 8 out of 10 changes.",
        "By July 2027, Sam will learn to swim 10 metres unaided.",
    ],
)
def test_concrete_skills_are_not_vague(text):
    assert "vague" not in codes(text)


def test_a_provider_named_after_by_is_not_a_time_frame():
    assert "not_time_bound" in codes(
        "Sam will attend a weekly social skills group run by the school."
    )
    assert "not_time_bound" not in codes("By the next school year, Sam will read 40 words.")


@pytest.mark.parametrize(
    "criterion",
    [
        "in 4 out of 5 sessions",
        "without adult prompting",
        "independently",
        "at least 3 times a day",
        "with 80% accuracy",
        "consistently across 3 settings",
    ],
)
def test_observable_criteria_make_an_outcome_measurable(criterion):
    assert "not_measurable" not in codes(f"By July 2027, Ella will wash her hands {criterion}.")


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("By July 2027, Ella will play with other children.", "play with other children"),
        ("By July 2027, Ella will read more fluently.", "more fluently"),
        ("By July 2027, Ella will tell an adult when she feels unwell.", "when she feels unwell"),
    ],
)
def test_open_ended_outcome_without_criterion_is_not_measurable(text, evidence):
    [result] = check_outcomes([text], reference_date=REFERENCE)
    found = {flag.code: flag.evidence for flag in result.flags}
    assert found["not_measurable"] == evidence
    assert "not_time_bound" not in found


def test_a_one_off_concrete_act_is_measurable_as_done_or_not():
    assert "not_measurable" not in codes("By July 2027, Ella will blend the sounds in 'ship'.")


def test_year_numbers_are_not_counted_as_measures():
    assert "not_measurable" in codes("By the end of Year 6, Ella will join in with group work.")


@pytest.mark.parametrize(
    "frame",
    [
        "By the end of Key Stage 2",
        "By July 2027",
        "Within 12 months",
        "By the end of Year 6",
        "By his next annual review",
        "By the time she leaves primary school",
        "In 6 months' time",
        "Within the current academic year",
        "Over the course of 12 months",
        "By end-of-term 2027",
        "By the next annual review",
        "By July 27",
    ],
)
def test_time_frames_are_recognised(frame):
    assert "not_time_bound" not in codes(f"{frame}, Ella will name 10 colours correctly.")


def test_missing_time_frame_is_flagged_with_evidence():
    [result] = check_outcomes(["Ella will name 10 colours."], reference_date=REFERENCE)
    [flag] = result.flags
    assert flag.code == "not_time_bound"
    assert flag.evidence == "no time frame"
    assert "time frame" in flag.message


@pytest.mark.parametrize(
    "text",
    [
        "Sam will receive weekly speech and language therapy.",
        "Sam will have access to a TA.",
        "Staff will support Sam at lunchtime.",
        "Sam will be supported to use his communication book.",
        "Sam will be given a writing slope.",
        "By July 2027, a TA will help Sam read 30 words in 4 out of 5 checks.",
        "By the end of this term, Sam will begin to receive a programme from the OT.",
    ],
)
def test_provision_written_as_outcome_is_flagged(text):
    assert "provision_not_outcome" in codes(text)


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Continue to use a visual timetable throughout the school day.", "Continue to use"),
        ("Use of a sensory checklist.", "Use of"),
        ("Continued access to a sensory circuit each morning.", "Continued access to"),
        ("Provide access to a laptop for extended writing.", "Provide access"),
        ("Trial a weighted blanket at carpet time.", "Trial a"),
        ("I will have a quiet space to go to when I feel anxious.", "will have a quiet space"),
        ("Sam will have more time to answer questions.", "will have more time"),
    ],
)
def test_provision_with_no_one_doing_anything_is_flagged(text, evidence):
    """Instructions to staff, and things the child "will have", are provision written in E."""
    [result] = check_outcomes([text], reference_date=REFERENCE)
    flag = next(f for f in result.flags if f.code == "provision_not_outcome")
    assert evidence in flag.evidence


@pytest.mark.parametrize(
    "text",
    [
        "By July 2027, Sam will use his visual timetable to move between 4 activities unprompted.",
        "By July 2027, I will continue to use my communication book to ask for 3 things a day.",
        "Sam will have a go at 2 new foods at lunchtime each week by Easter 2027.",
        "By the end of Year 6, Sam will have a good time at 2 after-school clubs each week.",
    ],
)
def test_what_the_child_does_or_has_a_go_at_is_not_provision(text):
    assert "provision_not_outcome" not in codes(text)


def test_provision_words_in_the_purpose_clause_are_ignored():
    text = (
        "By July 2027, Sam will use his help card in 4 out of 5 lessons, so that staff will "
        "know when he is stuck."
    )
    assert "provision_not_outcome" not in codes(text)


def test_provision_flag_quotes_the_trigger():
    [result] = check_outcomes(["Staff will support Sam at lunchtime."], reference_date=REFERENCE)
    flag = next(f for f in result.flags if f.code == "provision_not_outcome")
    assert "Staff will support" in flag.evidence


def test_passed_target_date_is_outdated():
    [result] = check_outcomes(
        ["By July 2024, Sam will read 20 words independently."], reference_date=REFERENCE
    )
    [flag] = result.flags
    assert flag.code == "outdated"
    assert flag.evidence == "By July 2024"
    assert "31 July 2024" in flag.message
    assert result.weak


def test_future_target_date_is_not_outdated():
    assert codes("By July 2024, Sam will read 20 words.", date(2024, 6, 1)) == set()


def test_school_stage_targets_are_not_dated_without_a_year_group():
    assert "outdated" not in codes(
        "By the end of Year 2, Sam will read 20 words.", date(2040, 1, 1)
    )


def test_reference_date_defaults_to_today():
    [result] = check_outcomes(["By July 2001, Sam will read 20 words."])
    assert [f.code for f in result.flags] == ["outdated"]


def test_is_weak_depends_only_on_smart_flags():
    assert not is_weak([])
    assert not is_weak([Flag("no_linked_need", "m", "e")])
    assert is_weak([Flag("not_time_bound", "m", "e")])


def test_to_dict_shape():
    [result] = check_outcomes(["Sam will enjoy school."], reference_date=REFERENCE)
    data = result.to_dict()
    assert set(data) == {"text", "weak", "flags"}
    assert data["weak"] is True
    assert all(set(flag) == {"code", "message", "evidence"} for flag in data["flags"])


def test_results_keep_input_order_in_a_batch():
    texts = ["Ella will enjoy school.", GOOD, "Mo will have access to a TA."]
    results = check_outcomes(texts, reference_date=REFERENCE)
    assert [r.text for r in results] == texts
    assert [r.weak for r in results] == [True, False, True]


def test_without_a_date_outdated_is_not_judged_and_a_given_time_frame_counts():
    [doc] = parse(["By July 2016, Ella will name 10 colours."])
    assert outcome_check(doc, None).flags == []
    [doc] = parse(["Ella will name 10 colours."])
    assert outcome_check(doc, None, time_frame_given=True).flags == []
    assert [f.code for f in outcome_check(doc, None).flags] == ["not_time_bound"]


def annual_goal_flags(text: str) -> list[Flag]:
    [doc] = parse([text])
    return outcome_check(doc, None, time_frame_given=True, annual_goal=True).flags


@pytest.mark.parametrize(
    ("text", "behaviour"),
    [
        ("Mia will read a short passage aloud fluently.", "read a short passage aloud fluently"),
        ("Given a picture card, Mia will name the object.", "name the object"),
        ("Theo will attend a careers fair at the library.", "attend a careers fair at the library"),
    ],
)
def test_an_annual_goal_without_a_criterion_is_not_measurable(text, behaviour):
    flags = annual_goal_flags(text)
    assert [(f.code, f.evidence) for f in flags] == [("not_measurable", behaviour)]
    assert "names no criterion" in flags[0].message
    # the same words in a section E outcome with a time frame are not held to that convention
    [doc] = parse([text])
    assert outcome_check(doc, None, time_frame_given=True).flags == []


@pytest.mark.parametrize(
    "text",
    [
        "Given a picture card, Mia will name the object in 4 of 5 trials.",
        "Mia will read a short passage aloud at 60 words per minute.",
        "Mia will decode words at a second grade level.",
        "Mia will read CVC words at grade level.",
        "Mia will read aloud at the expected standard for her year group.",
        "After high school, Theo will work part-time at a garden centre.",
        "Upon graduation, Theo will enroll in a catering course.",
        "Theo will live in a shared flat while at college.",
    ],
)
def test_a_criterion_or_a_postsecondary_goal_meets_the_annual_goal_convention(text):
    assert annual_goal_flags(text) == []
