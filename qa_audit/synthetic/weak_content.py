"""Fictional wording of weak plans, in the voice of plans that QA audits send back: broad aims,
outcomes with no measure or no date, provision written as an outcome, provision nobody could
check, and advice gathered but not carried into section F.

Each piece of wording lists the QA matrix flag codes that are true of it ({c} is the child's
initials, {y} the target year), so the plan's truth records every fault in it.
"""

from __future__ import annotations

from dataclasses import dataclass

VAGUE = ("vague", "not_measurable")
BROAD_AIM = (*VAGUE, "not_time_bound")
PROVISION_AIM = ("provision_not_outcome", *BROAD_AIM)


@dataclass(frozen=True)
class Wording:
    text: str
    codes: tuple[str, ...]  # matrix flag codes true of this wording


@dataclass(frozen=True)
class VagueProvision:
    text: str
    by_whom: str
    frequency: str


BROAD_AIMS: dict[str, tuple[str, ...]] = {
    "Communication and interaction": (
        "{c} will develop their communication and interaction skills.",
        "{c} will improve their speech, language and communication.",
        "{c} will develop a better understanding of spoken language.",
    ),
    "Cognition and learning": (
        "{c} will make progress in reading and writing.",
        "{c} will improve their literacy and numeracy skills.",
        "{c} will make good progress from their starting points across the curriculum.",
    ),
    "Social, emotional and mental health": (
        "{c} will be happy and settled in school.",
        "{c} will develop their emotional wellbeing and self-esteem.",
        "{c} will develop strategies to regulate their emotions.",
    ),
    "Sensory and/or physical": (
        "{c} will develop their fine and gross motor skills.",
        "{c} will be able to access the learning environment.",
    ),
    "Self-care and independence": (
        "{c} will become more independent.",
        "{c} will develop their self-care skills.",
    ),
}
"""Aims that name no skill and could be written for any child; a weak plan may give them a date."""

NO_MEASURE: dict[str, tuple[str, ...]] = {
    "Communication and interaction": (
        "By July {y}, {c} will ask an adult for help when they do not understand a task.",
        "By the end of the summer term {y}, {c} will use longer sentences to explain their ideas.",
    ),
    "Cognition and learning": (
        "By July {y}, {c} will read aloud with more fluency and expression.",
        "By July {y}, {c} will write independently using a range of punctuation.",
    ),
    "Social, emotional and mental health": (
        "By July {y}, {c} will use calming strategies when they feel anxious.",
        "By December {y}, {c} will tell an adult when something is worrying them.",
    ),
    "Sensory and/or physical": (
        "By July {y}, {c} will use a pencil grip and sloped board for written tasks.",
        "By December {y}, {c} will use ear defenders in noisy parts of the school.",
    ),
    "Self-care and independence": (
        "By July {y}, {c} will dress and undress for PE with less adult help.",
        "By the end of the summer term {y}, {c} will keep their belongings more organised.",
    ),
}
"""A skill and a date, but nothing to tell at the review whether it was achieved."""

PROVISION_AS_OUTCOME: dict[str, tuple[Wording, ...]] = {
    "Communication and interaction": (
        Wording("{c} will receive speech and language therapy.", PROVISION_AIM),
        Wording(
            "{c} will attend a weekly social skills group run by the school.",
            ("provision_not_outcome", "not_measurable", "not_time_bound"),
        ),
    ),
    "Cognition and learning": (
        Wording(
            "By July {y}, {c} will be supported by an adult to complete written tasks.",
            ("provision_not_outcome", "not_measurable"),
        ),
        Wording(
            "{c} will have access to a differentiated curriculum and a teaching assistant.",
            PROVISION_AIM,
        ),
    ),
    "Social, emotional and mental health": (
        Wording("Staff will support {c} to manage changes to routine.", PROVISION_AIM),
        Wording("{c} will be given a daily check-in with a trusted adult.", PROVISION_AIM),
    ),
    "Sensory and/or physical": (
        Wording(
            "{c} will have access to a sloped board, pencil grips and movement breaks.",
            PROVISION_AIM,
        ),
        Wording(
            "By July {y}, {c} will receive a programme from the occupational therapist.",
            ("provision_not_outcome", *VAGUE),
        ),
    ),
    "Self-care and independence": (
        Wording("Staff will support {c} with changing for PE and personal care.", PROVISION_AIM),
        Wording("{c} will be given a visual checklist for getting ready.", PROVISION_AIM),
    ),
}
"""What adults will do or what the child will receive, written in section E."""

UNQUANTIFIED: dict[str, tuple[VagueProvision, ...]] = {
    "Communication and interaction": (
        VagueProvision(
            "Support from an adult to understand and follow instructions as appropriate.",
            "Adult support",
            "As appropriate",
        ),
        VagueProvision(
            "Opportunities to practise social communication skills in a small group.",
            "School staff",
            "Regularly",
        ),
        VagueProvision("Visual supports to be used as appropriate.", "All staff", "As appropriate"),
    ),
    "Cognition and learning": (
        VagueProvision("Access to a literacy intervention.", "School", "As needed"),
        VagueProvision(
            "Differentiated work and additional adult support when needed.",
            "Class teacher",
            "When needed",
        ),
        VagueProvision("Small group support for maths.", "Teaching assistant", "Regularly"),
    ),
    "Social, emotional and mental health": (
        VagueProvision(
            "Access to a quiet space and a trusted adult when needed.", "Key adult", "As needed"
        ),
        VagueProvision("Regular check-ins with a key adult.", "Key adult", "Regularly"),
        VagueProvision(
            "Opportunities to take part in nurture group activities.", "Pastoral team", "Regularly"
        ),
    ),
    "Sensory and/or physical": (
        VagueProvision(
            "Sensory breaks throughout the day as appropriate.", "School staff", "As appropriate"
        ),
        VagueProvision("Access to a sloped board and pencil grips.", "School", "As required"),
        VagueProvision(
            "Adult support at unstructured times if required.", "School staff", "If required"
        ),
    ),
    "Self-care and independence": (
        VagueProvision(
            "Support with personal care and changing as needed.", "School staff", "As needed"
        ),
        VagueProvision("Travel training when appropriate.", "Post-16 provider", "When appropriate"),
        VagueProvision("Prompting to organise belongings as needed.", "School staff", "As needed"),
    ),
}
"""Provision that says neither how much nor who delivers it. None of it names a profession, so
replacing a therapist's provision with it drops that therapist's advice from section F."""

CARRIED_BY: dict[str, tuple[str, ...]] = {
    "Speech and Language Therapist": ("speech and language",),
    "Occupational therapist": ("occupational therap",),
    "School SENCo": ("teacher", "teaching assistant"),
}
"""Advice source in K -> words naming, in specific provision, who carries that advice out."""

DILUTED_ADVICE: dict[str, tuple[str, VagueProvision]] = {
    "Speech and Language Therapist": (
        "Communication and interaction",
        VagueProvision(
            "Access to speech and language therapy as required.",
            "Speech and language therapy service",
            "As required",
        ),
    ),
    "Occupational therapist": (
        "Sensory and/or physical",
        VagueProvision(
            "Access to occupational therapy advice as required.",
            "Occupational therapy service",
            "As required",
        ),
    ),
}
"""Therapy advice watered down in F: source in K -> (its area, the provision left)."""

UNCARRIED_ADVICE: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Physiotherapist", "Paediatric Physiotherapist", ("physio",)),
    ("CAMHS", "Clinical Psychologist, CAMHS", ("camhs", "psycholog", "mental health")),
    (
        "Sensory support",
        "Qualified Teacher of the Deaf, Sensory Support Service",
        ("teacher of the deaf", "hearing", "radio aid"),
    ),
)
"""Advice a weak plan lists in K and never uses: (source, role, words that would carry it)."""

PAST_TARGETS = (
    "By July {past}",
    "By the end of the summer term {past}",
    "By Christmas {past}",
)
"""Time frames rolled over from an earlier plan ({past} is the year before the plan's issue)."""
