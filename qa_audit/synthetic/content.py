"""Fictional plan content: needs, outcomes and provision per area of need, advice, filler."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Strand:
    """One need with the outcome and provision that answer it ({c} is the child's initials, {y}
    the target year, {k} the key stage or year the plan's longer targets end with).

    ``pfa`` marks an outcome that moves towards adulthood (work, independent living, friends and
    community, or good health), so a weak plan can leave such outcomes out from Year 9."""

    need: str
    outcome: str
    provision: str
    by_whom: str
    frequency: str
    pfa: bool = False


EDUCATION: dict[str, tuple[Strand, ...]] = {
    "Communication and interaction": (
        Strand(
            "{c} finds it hard to follow spoken instructions with more than two steps.",
            "By July {y}, {c} will follow three-step classroom instructions without an adult "
            "repeating them in 4 out of 5 observed lessons.",
            "Daily 15-minute language group using visual sequencing cards, planned by the "
            "speech and language therapist.",
            "Teaching assistant trained by the therapist",
            "Daily, 15 minutes",
        ),
        Strand(
            "{c} has a limited expressive vocabulary and uses short phrases rather than sentences "
            "to ask for help.",
            "By the end of {k}, {c} will use sentences of six or more words to ask for "
            "help in class on at least three occasions each day.",
            "Weekly 30-minute individual vocabulary session following a programme written by the "
            "speech and language therapist, reviewed each half term.",
            "Speech and language therapy assistant",
            "Weekly, 30 minutes",
        ),
        Strand(
            "{c} struggles to start and keep up conversations with classmates.",
            "By July {y}, {c} will start a conversation with a classmate at break time without "
            "adult prompting at least twice a week.",
            "Twice-weekly social communication group of four pupils led by a trained teaching "
            "assistant.",
            "Trained teaching assistant",
            "Twice weekly, 40 minutes",
            pfa=True,
        ),
        Strand(
            "{c} can become distressed when routines or the timetable change without warning.",
            "By December {y}, {c} will manage an announced change to the timetable by using a "
            "visual schedule, without leaving the classroom, in 8 out of 10 changes.",
            "Individual visual timetable checked with an adult at the start of each session and "
            "a 5-minute warning before every transition.",
            "Class teacher and key adult",
            "Every session",
        ),
    ),
    "Cognition and learning": (
        Strand(
            "{c} reads below the level expected for age and decodes unfamiliar words slowly.",
            "By July {y}, {c} will read a book at the agreed reading level aloud with 95% "
            "accuracy.",
            "Daily 20-minute structured phonics intervention delivered one to one by a teaching "
            "assistant trained in the programme.",
            "Teaching assistant trained in the phonics programme",
            "Daily, 20 minutes",
        ),
        Strand(
            "{c} has difficulty holding several pieces of information in working memory and loses "
            "track of the steps in maths problems.",
            "By the end of {k}, {c} will complete a four-step maths problem using a "
            "written checklist without adult help in 3 out of 4 attempts.",
            "Pre-teaching of key vocabulary by the class teacher and a printed task checklist in "
            "every maths lesson, as the educational psychologist advised.",
            "Class teacher",
            "Every maths lesson",
        ),
        Strand(
            "{c} finds it hard to organise ideas into written sentences and paragraphs.",
            "By July {y}, {c} will write a paragraph of five linked sentences using a writing "
            "frame in 4 out of 5 writing tasks.",
            "Three 30-minute small group writing sessions a week (group of no more than four) "
            "led by a specialist teacher.",
            "Specialist teacher",
            "Three times weekly, 30 minutes",
        ),
        Strand(
            "{c} has difficulty with number bonds and place value.",
            "By the end of the spring term {y}, {c} will recall number bonds to 20 within five "
            "seconds in 9 out of 10 trials.",
            "Daily 10-minute precision teaching of number facts by a teaching assistant, "
            "recorded on a progress chart.",
            "Teaching assistant",
            "Daily, 10 minutes",
        ),
    ),
    "Social, emotional and mental health": (
        Strand(
            "{c} experiences high anxiety on arrival at school and at unstructured times.",
            "By July {y}, {c} will arrive at school and go to class within ten minutes of the "
            "start of the day on four days out of five.",
            "A named key adult meets {c} at the gate each morning for a 10-minute check-in.",
            "Key adult",
            "Daily, 10 minutes",
        ),
        Strand(
            "{c} finds it hard to recognise and name strong feelings.",
            "By December {y}, {c} will name the feeling and choose a calming strategy from a "
            "personal menu when upset, in 3 out of 4 recorded incidents.",
            "Weekly 45-minute emotional literacy session with an ELSA-trained teaching assistant, "
            "following a programme agreed with the educational psychologist.",
            "ELSA-trained teaching assistant",
            "Weekly, 45 minutes",
        ),
        Strand(
            "{c} has difficulty sustaining friendships and resolving disagreements.",
            "By July {y}, {c} will resolve a disagreement with a peer using an agreed script "
            "without adult help on at least two occasions each half term.",
            "Structured lunchtime club three days a week with a trained adult leading "
            "cooperative games for a group of six.",
            "Lunchtime supervisor trained in the programme",
            "Three days weekly, 30 minutes",
            pfa=True,
        ),
    ),
    "Sensory and/or physical": (
        Strand(
            "{c} has reduced fine motor control, which makes handwriting slow and tiring.",
            "By July {y}, {c} will keep handwriting legible for ten minutes without tiring, "
            "using a sloped board and pencil grip, in 4 out of 5 written tasks.",
            "Daily 15-minute fine motor programme written by the occupational therapist.",
            "Teaching assistant following the therapist's programme",
            "Daily, 15 minutes",
        ),
        Strand(
            "{c} has a moderate hearing loss in both ears and misses spoken information in noisy "
            "lessons.",
            "By the end of {k}, {c} will check understanding of spoken information by asking "
            "a question in class at least once each lesson.",
            "Radio aid used in all lessons and a termly visit from the qualified teacher of the "
            "deaf.",
            "Class teacher and qualified teacher of the deaf",
            "All lessons; termly visit",
        ),
        Strand(
            "{c} is sensitive to noise and busy spaces and becomes overwhelmed in the hall during "
            "assembly.",
            "By July {y}, {c} will stay in assembly for its full length, using ear defenders "
            "against the noise, on four days out of five.",
            "Ear defenders and a planned 5-minute sensory break before assembly each day, led by "
            "the key adult.",
            "Key adult",
            "Daily",
        ),
    ),
    "Self-care and independence": (
        Strand(
            "{c} needs adult help to organise belongings and get changed for PE.",
            "By July {y}, {c} will get changed for PE independently within ten minutes using a "
            "picture sequence.",
            "Picture sequence for changing and 5 minutes of adult coaching before each PE lesson.",
            "Teaching assistant",
            "Before each PE lesson",
        ),
        Strand(
            "{c} is not yet able to travel to familiar places without an adult.",
            "By July {y}, {c} will travel by bus from home to college on a familiar, practised "
            "route without an adult on three days a week.",
            "Independent travel training with a trained travel trainer, two sessions a week for "
            "one term.",
            "Independent travel trainer",
            "Twice weekly for one term",
            pfa=True,
        ),
    ),
}
HEALTH: tuple[Strand, ...] = (
    Strand(
        "{c} has epilepsy that is controlled by medication, with occasional absence seizures.",
        "By July {y}, {c} will tell an adult when feeling unwell before a seizure on every "
        "occasion.",
        "Care plan written by the epilepsy nurse, reviewed yearly, with two staff trained.",
        "Epilepsy specialist nurse",
        "Yearly review; training each September",
        pfa=True,
    ),
    Strand(
        "{c} has low muscle tone and tires quickly when walking long distances.",
        "By the end of {k}, {c} will walk around the school site without a rest break on "
        "four days out of five.",
        "Physiotherapy programme reviewed each term; daily exercises led by school staff.",
        "Paediatric physiotherapist",
        "Termly review; daily exercises",
        pfa=True,
    ),
)
SOCIAL_CARE: tuple[tuple[Strand, str], ...] = (
    (
        Strand(
            "{c}'s family needs short breaks to continue caring for {c} at home.",
            "By July {y}, {c} will take part in an after-school club with other children for two "
            "hours each week.",
            "Short breaks: one overnight stay each month at the local short-breaks unit, "
            "arranged by the social worker.",
            "Children with disabilities team",
            "Monthly",
            pfa=True,
        ),
        "Two hours a week of support from a personal assistant to attend an after-school club.",
    ),
    (
        Strand(
            "{c} has few chances to mix with other young people outside school.",
            "By December {y}, {c} will take part in a youth group of their choice once a week "
            "and join one group activity each session without an adult beside them.",
            "A personal assistant for three hours a week to attend community activities.",
            "Children with disabilities team",
            "Weekly, 3 hours",
            pfa=True,
        ),
        "Transport to the youth group once a week, arranged by the family support worker.",
    ),
)
ASPIRATIONS = (
    "I want to work with animals when I am older.",
    "I would like to have good friends and go to the park with them.",
    "I want to be a chef and cook for my family.",
    "I want to live in my own flat one day.",
    "I would like to go to college and learn about computers.",
    "I want to be a footballer or a football coach.",
)
ADVICE = (
    ("Educational Psychologist", "Educational Psychologist"),
    ("Speech and Language Therapist", "Specialist Speech and Language Therapist"),
    ("Paediatrician", "Consultant Paediatrician"),
    ("Occupational therapist", "Occupational Therapist"),
    ("Social worker", "Social Worker, Children with Disabilities Team"),
    ("School SENCo", "SENCo at current school"),
    ("Parent", "Parents' views and contribution"),
)
ADVICE_CARRIED_BY: dict[str, tuple[str, ...]] = {
    "Educational Psychologist": ("educational psycholog",),
    "Speech and Language Therapist": ("speech and language",),
    "Paediatrician": ("nurse", "care plan", "paediatrician"),
    "Occupational therapist": ("occupational therap",),
    "Social worker": ("social worker", "short break", "personal assistant"),
    "School SENCo": ("teacher", "teaching assistant"),
}
"""Advice source -> words that, in the plan's provision, show the advice carried into it. A good
plan only lists in K the professional advice its provision uses; the family's advice is carried
by their views in section A."""
SCHOOLS = (
    "Oakfield Primary School (community primary school, mainstream)",
    "Riverside Academy (secondary academy, mainstream with resourced provision)",
    "Beacon Hill School (maintained special school)",
    "Northgate College (further education college)",
    "Little Acorns Nursery (private, voluntary and independent early years setting)",
)
FILLER = (
    "{c} enjoys practical activities and responds well to praise from familiar adults.",
    "Staff describe {c} as kind, curious and keen to help with classroom jobs.",
    "Parents report that {c} is calmer at home when the day follows a predictable routine.",
    "{c} has attended the current setting since the start of the year and has settled well.",
    "Information was gathered at a meeting with the family, school staff and professionals.",
    "{c} likes to talk about favourite films and will share drawings with adults.",
    "Attendance this year has been good, with absences mainly for medical appointments.",
    "{c} works best in a quiet area with clear visual prompts and short tasks.",
    "The family have asked that changes of staff are explained to {c} in advance.",
    "{c} has made progress in reading since starting the intervention last term.",
)
