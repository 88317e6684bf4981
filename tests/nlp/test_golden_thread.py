"""The golden thread on whole plans: which links count, entries saying "None", and provision
read together with its "By whom" and "Frequency" columns."""

from datetime import date

from qa_audit.documents.model import Advice, Need, Outcome, ProvisionItem
from qa_audit.nlp.plan import analyse_plan

from .plans import COMMUNICATION, SEMH, primary_plan

TODAY = date(2026, 1, 10)
LEARNING = "Cognition and learning"
SENSORY = "Sensory and/or physical"
TIMETABLE = (
    "By December 2026, T. will manage an announced change to the timetable by using a visual "
    "schedule, without leaving the classroom, in 8 out of 10 changes."
)


def thread_of(plan) -> dict:
    return analyse_plan(plan, today=TODAY).to_dict()["golden_thread"]


def sensory_plan(*outcomes: Outcome):
    """Needs recorded under learning and sensory only; a visual impairment shares the theme word
    "visual" with a visual timetable."""
    return primary_plan(
        needs=[
            Need("T. has difficulty with number bonds and place value.", "B", LEARNING),
            Need("T. has a visual impairment and struggles to read small print.", "B", SENSORY),
        ],
        outcomes=list(outcomes),
        provision=[
            ProvisionItem("Daily 10-minute precision teaching of number facts by a TA.", "F"),
            ProvisionItem("Enlarged print of every worksheet, prepared by the class teacher.", "F"),
        ],
    )


def test_an_outcome_under_an_area_with_no_recorded_need_answers_none():
    plan = sensory_plan(Outcome(TIMETABLE, area=COMMUNICATION))
    assert thread_of(plan)["outcomes_without_need"] == [TIMETABLE]


def test_an_outcome_under_an_area_with_a_need_is_linked():
    plan = sensory_plan(
        Outcome(
            "By July 2027, T. will read a Year 3 book in size 18 print with 90% accuracy.",
            area=SENSORY,
        )
    )
    assert thread_of(plan)["outcomes_without_need"] == []


def test_shared_words_link_across_areas():
    outcome = "By July 2027, T. will recall number bonds to 10 and explain place value to a peer."
    plan = sensory_plan(Outcome(outcome, area=COMMUNICATION))
    assert thread_of(plan)["outcomes_without_need"] == []


def test_a_row_link_stands_but_a_stand_in_for_a_missing_need_must_show_its_need():
    row = Outcome(TIMETABLE, need="T. finds reading hard.", need_linked_by="row")
    guessed = Outcome(TIMETABLE, need="T. finds reading hard.", need_linked_by="after_last")
    assert thread_of(primary_plan(outcomes=[row]))["outcomes_without_need"] == []
    plan = primary_plan(outcomes=[guessed], needs=[Need("T. finds reading hard.", "B")])
    assert thread_of(plan)["outcomes_without_need"] == [TIMETABLE]


def test_a_need_the_reader_paired_by_shared_words_stands():
    """The reader pairs by stems ("conversational", "conversation"); the thread's own check,
    on lemmas and areas, must not undo a pairing the reader made on the plan's words."""
    need = Need("T. cannot hold a conversational exchange.", "B", COMMUNICATION)
    outcome = Outcome(TIMETABLE, area=LEARNING, need=need.text, need_linked_by="content")
    plan = primary_plan(needs=[need], outcomes=[outcome])
    assert thread_of(plan)["outcomes_without_need"] == []
    outcome.need_linked_by = "after_last"
    assert thread_of(plan)["outcomes_without_need"] == [TIMETABLE]


def test_without_areas_an_outcome_links_by_what_it_is_mainly_about():
    needs = [
        Need("T. has difficulty holding several pieces of information in working memory.", "B"),
        Need("T. has a speech sound disorder.", "B"),
    ]
    grip = (
        "By July 2027, T. will write legibly for ten minutes using a sloped board and pencil grip "
        "before needing a rest."
    )
    sounds = "By July 2027, T. will say k and g correctly in 8 of 10 single words."
    outcomes = [Outcome(grip), Outcome(sounds)]
    plan = primary_plan(needs=needs, outcomes=outcomes)
    assert thread_of(plan)["outcomes_without_need"] == [grip]


def test_a_need_saying_there_is_none_is_no_need():
    outcome = "By July 2027, T. will use his inhaler before PE without a reminder."
    plan = primary_plan()
    plan.needs.append(Need("No identified health needs.", "C"))
    plan.outcomes.append(Outcome(outcome, need="No identified health needs.", need_linked_by="row"))
    thread = thread_of(plan)
    assert thread["outcomes_without_need"] == [outcome]
    assert thread["needs_without_provision"] == []


def test_none_as_provision_is_not_flagged_and_serves_no_outcome():
    outcome = "By July 2027, T. will swim 25 metres unaided."
    plan = primary_plan()
    plan.needs.append(Need("T. cannot yet swim and is anxious in water.", "B"))
    plan.provision += [
        ProvisionItem("None.", "G"),
        ProvisionItem("N/A", "H1"),
        ProvisionItem("No other social care provision is required.", "H2"),
    ]
    plan.outcomes.append(Outcome(outcome, need=plan.needs[-1].text, provision="None."))
    data = analyse_plan(plan, today=TODAY).to_dict()
    nil = {p["text"]: p["flags"] for p in data["provision"][2:]}
    assert nil == {
        "None.": [],
        "N/A": [],
        "No other social care provision is required.": [],
    }
    assert data["summary"]["vague_provision"] == 0
    assert data["golden_thread"]["outcomes_without_provision"] == [outcome]
    assert data["golden_thread"]["needs_without_provision"] == [plan.needs[-1].text]
    assert data["summary"]["outcomes_without_provision"] == 1


def test_an_outcome_with_none_beside_it_is_served_by_provision_in_its_area():
    plan = primary_plan()
    first = plan.outcomes[0]
    first.provision = "None."
    assert thread_of(plan)["outcomes_without_provision"] == []


def test_provision_is_checked_with_its_by_whom_and_frequency_columns():
    plan = primary_plan(
        provision=[
            ProvisionItem(
                "Vocabulary programme written by the speech and language therapist.",
                "F",
                COMMUNICATION,
                by_whom="Teaching assistant",
                frequency="Three times a week, 20 minutes",
            ),
            ProvisionItem(
                "Small group support at transitions.",
                "F",
                SEMH,
                by_whom="Key adult",
                frequency="As needed",
            ),
        ]
    )
    data = analyse_plan(plan, today=TODAY).to_dict()
    specific, vague = data["provision"]
    assert specific["flags"] == []
    assert specific["text"].endswith(
        "(by whom: Teaching assistant; frequency: Three times a week, 20 minutes)"
    )
    [flag] = vague["flags"]
    assert "As needed" in flag["evidence"] and "Small group" in flag["evidence"]
    salt = next(a for a in data["advice"] if a["source"] == "Speech and Language Therapy")
    assert salt["reflected"] is True


def test_a_therapist_named_only_in_the_by_whom_column_reflects_their_advice():
    plan = primary_plan(
        provision=[
            ProvisionItem(
                "Individual articulation therapy.",
                "F",
                COMMUNICATION,
                by_whom="Speech and language therapist",
                frequency="Weekly, 30 minutes",
            )
        ],
        advice=[Advice("Speech and Language Therapy", date=date(2025, 5, 2))],
    )
    [advice] = analyse_plan(plan, today=TODAY).advice
    assert advice.reflected is True


def test_health_and_social_care_needs_are_met_in_their_own_sections():
    """A need in D is met by real provision in H whatever words each uses; with H saying "None"
    it is a gap, and so is a need in C with nothing in G."""
    plan = primary_plan()
    social = Need("T. has few chances to meet other young people outside school.", "D")
    health = Need("T. has asthma and needs an inhaler before exercise.", "C")
    plan.needs += [social, health]
    plan.provision += [
        ProvisionItem("A personal assistant, three hours a week, for community activities.", "H1"),
        ProvisionItem("None.", "G"),
    ]
    assert thread_of(plan)["needs_without_provision"] == [health.text]
    plan.provision[-2] = ProvisionItem("N/A", "H1")
    assert thread_of(plan)["needs_without_provision"] == [social.text, health.text]
