"""Advice in section K recognised by the role names plans really use, and found in section F
only when that discipline's own provision is there."""

from __future__ import annotations

from datetime import date

import pytest

from qa_audit.documents.advice import parse_advice
from qa_audit.documents.model import Advice, ProvisionItem
from qa_audit.nlp.advice import classify, load_disciplines
from qa_audit.nlp.plan import analyse_plan

from .plans import primary_plan
from .test_plan_analysis import TODAY

SALT_ONLY = ProvisionItem(
    "Weekly 30-minute individual vocabulary session following a programme written by the "
    "speech and language therapist, reviewed each half term.",
    "F",
)
SCHOOL_STAFF_ONLY = ProvisionItem(
    "Physiotherapy programme reviewed each term; daily exercises led by school staff.", "F"
)


@pytest.mark.parametrize(
    ("line", "source", "discipline"),
    [
        ("Clinical Psychologist, CAMHS - report dated 3 March 2025", "CAMHS", "Mental health"),
        ("Consultant Child and Adolescent Psychiatrist, 12/02/2025", "CAMHS", "Mental health"),
        ("Mental Health Support Team practitioner, 4 May 2025", "CAMHS", "Mental health"),
        ("Family Therapist (NHS) - 20 June 2025", "CAMHS", "Mental health"),
        ("SENCo at current school", "School SENCo", "Education setting"),
        ("SENDCo, Oakfield Academy - advice dated 1 April 2025", "School SENCo", "Education"),
        ("Inclusion Manager, 7 February 2025", "School SENCo", "Education setting"),
        ("EP report, 14 January 2025", "Educational Psychologist", "Educational psychology"),
        ("SaLT - 2 February 2025", "Speech and Language Therapist", "Speech and language"),
        ("Speech & Language Therapist, 2 Feb 2025", "Speech and Language Therapist", "Speech"),
        ("OT assessment, 10 March 2025", "Occupational therapist", "Occupational therapy"),
        ("Paediatric Physiotherapist, 9 January 2025", "Physiotherapist", "Physiotherapy"),
        ("Physio - 9 Jan 2025", "Physiotherapist", "Physiotherapy"),
        ("Community Paediatrician, 5 March 2025", "Paediatrician", "Health"),
        ("School Nurse, 3 February 2025", "School nurse", "Health"),
        ("Social Worker, Children with Disabilities Team", "Social worker", "Social care"),
        ("Virtual School Head - PEP, 20 January 2025", "Virtual School", "Virtual School"),
    ],
)
def test_advice_roles_are_recognised(line: str, source: str, discipline: str) -> None:
    advice = parse_advice(line)
    assert advice is not None
    assert advice.source == source
    found = classify(f"{advice.source} {advice.author or ''}", load_disciplines())
    assert found is not None
    assert found.name.startswith(discipline)


def advice_check(advice: Advice, *provision: ProvisionItem) -> dict:
    plan = primary_plan(provision=list(provision), advice=[advice])
    [check] = analyse_plan(plan, today=TODAY).to_dict()["advice"]
    return check


def test_camhs_advice_is_not_reflected_by_another_therapist() -> None:
    check = advice_check(Advice("CAMHS", "Clinical Psychologist", date(2025, 3, 3)), SALT_ONLY)
    assert check["reflected"] is False
    assert [f["code"] for f in check["flags"]] == ["advice_not_reflected"]


def test_camhs_advice_is_reflected_by_its_own_provision() -> None:
    cbt = ProvisionItem(
        "Weekly 50-minute CBT sessions with the CAMHS clinical psychologist for 12 weeks.", "G"
    )
    check = advice_check(Advice("CAMHS", "Clinical Psychologist"), SALT_ONLY, cbt)
    assert (check["reflected"], check["evidence"]) == (True, [cbt.text])


def test_senco_advice_is_not_reflected_by_school_staff_running_a_therapy_programme() -> None:
    check = advice_check(Advice("School SENCo", "SENCo at current school"), SCHOOL_STAFF_ONLY)
    assert check["reflected"] is False
    assert [f["code"] for f in check["flags"]] == ["advice_not_reflected"]


def test_senco_advice_is_reflected_by_teaching_staff_provision() -> None:
    reading = ProvisionItem(
        "Daily 20-minute reading intervention delivered one to one by a HLTA.", "F"
    )
    check = advice_check(Advice("School SENCo", "SENDCo"), SCHOOL_STAFF_ONLY, reading)
    assert (check["reflected"], check["evidence"]) == (True, [reading.text])


def test_virtual_school_advice_is_reflected_by_the_personal_education_plan() -> None:
    pep = ProvisionItem(
        "Termly Personal Education Plan meeting with the designated teacher, 1 hour.", "F"
    )
    check = advice_check(Advice("Virtual School", "Virtual School Head"), pep)
    assert (check["reflected"], check["evidence"]) == (True, [pep.text])
