import pytest

from qa_audit.nlp.provision import check_provision


def flagged(text: str) -> bool:
    [result] = check_provision([text])
    return any(flag.code == "provision_not_quantified" for flag in result.flags)


@pytest.mark.parametrize(
    "text",
    [
        "A speech and language therapist will deliver 1:1 therapy for 30 minutes each week.",
        "Daily 20-minute phonics intervention with a trained TA in a group of 3.",
        "Small group (4 pupils) social skills sessions run by the SENCo twice a week.",
        "Occupational therapist to review the sensory diet every 6 weeks.",
        "Pre-teaching of key vocabulary by the class teacher in every maths lesson.",
        "Three 30-minute small group writing sessions a week with a specialist teacher "
        "(group of no more than four).",
        "Phonics in a small group. (by whom: Teaching assistant; frequency: Daily, 20 minutes, "
        "group of 4)",
        "20hrs of 1:1 support from a trained TA.",
        "Access to a calm room for 10 minutes after each break, with his key worker.",
        "A teaching assistant will prompt her to use her visual timetable throughout the "
        "school day.",
        "Adults in class will use Makaton signs alongside speech at all times.",
    ],
)
def test_specific_provision_is_not_flagged(text):
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Access to speech and language therapy.",
        "Regular support from a teaching assistant.",
        "Occupational therapy as required.",
        "Differentiation as appropriate.",
        "Up to 10 hours of TA support per week.",
        "Opportunities to work with peers.",
        "Small group work with a TA every day.",
        "Support with reading.",
    ],
)
def test_vague_provision_is_flagged(text):
    assert flagged(text)


def test_evidence_names_vague_words_and_missing_elements():
    [result] = check_provision(["Regular speech and language therapy."])
    [flag] = result.flags
    assert "Regular" in flag.evidence
    assert "who delivers it" in flag.evidence
    assert "how often or for how long" in flag.evidence


def test_missing_who_is_reported():
    [result] = check_provision(["Weekly 30-minute reading session."])
    [flag] = result.flags
    assert flag.evidence == "missing: who delivers it"


def test_to_dict_shape():
    [result] = check_provision(["Support with reading."])
    data = result.to_dict()
    assert data["text"] == "Support with reading."
    assert [f["code"] for f in data["flags"]] == ["provision_not_quantified"]


@pytest.mark.parametrize(
    "text",
    [
        "None.",
        "N/A",
        "Not applicable",
        "None required.",
        "No provision required",
        "No health provision is required.",
        "No social care provision under section 2 is required.",
    ],
)
def test_an_entry_saying_there_is_no_provision_is_not_flagged(text):
    assert not flagged(text)


def test_words_after_none_are_still_checked():
    assert flagged("None at lunchtime; support in class as needed.")


def test_vague_words_in_the_frequency_column_are_flagged():
    [result] = check_provision(
        ["Phonics. (by whom: Teaching assistant; frequency: As appropriate)"]
    )
    [flag] = result.flags
    assert flag.evidence == "vague wording: As appropriate | missing: how often or for how long"


def test_access_is_vague_until_it_says_for_how_long():
    assert flagged("Access to a calm room after each break, with his key worker.")


@pytest.mark.parametrize(
    "text",
    [
        "A teaching assistant will support Zoe in class in all science and maths subjects.",
        "Zoe will have a 40-minute speech and language therapy session every week.",
        "A 30-minute physiotherapy session each fortnight.",
    ],
)
def test_coverage_of_every_subject_and_a_named_therapy_session_are_specific(text):
    assert not flagged(text)


def test_therapy_without_a_session_still_names_no_one():
    [result] = check_provision(["Speech and language therapy every week."])
    assert "who delivers it" in result.flags[0].evidence
