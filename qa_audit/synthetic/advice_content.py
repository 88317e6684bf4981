"""Fictional recommendations from professional advice, each with the plan's own rewording.

A :class:`Pair` is one recommendation as an adviser writes it (what to do, how much, by whom)
and as a plan might carry it, in other words: ``plan`` holds ``{q}`` where the plan states the
amount; ``q`` is the amount kept, ``vague`` what a watered-down plan says instead.

``DEV`` tuned the tracer's word lists; ``HELD_OUT``'s misses were read while they grew, and it
helped choose the tracer's threshold, so neither is a blind test: the ``blind4`` pairs
(:mod:`qa_audit.synthetic.advice_pairs_blind4`) are. All wording here is invented for the
generator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Pair:
    profession: str
    action: str
    amount: str
    who: str
    plan: str
    q: str
    vague: str

    @property
    def advice(self) -> str:
        by = f", delivered by {self.who}" if self.who else ""
        return f"{self.action} {self.amount}{by}."

    def plan_text(self, watered: bool) -> str:
        text = self.plan.format(q=self.vague if watered else self.q)
        return re.sub(r"\s+([.,])", r"\1", " ".join(text.split()))


EP = "educational_psychology"
SLT = "speech_and_language"
OT = "occupational_therapy"
PROFESSIONS = (EP, SLT, OT)

DEV: tuple[Pair, ...] = (
    Pair(
        EP,
        "Pre-teach key subject vocabulary in a group of up to four pupils",
        "for 20 minutes, three times a week",
        "a teaching assistant",
        "New topic words will be introduced before each unit by a teaching assistant {q}, "
        "working with no more than four children.",
        "in 20-minute sessions three times a week",
        "when possible",
    ),
    Pair(
        EP,
        "Deliver a structured phonics intervention on a one-to-one basis",
        "for 15 minutes daily",
        "a trained teaching assistant",
        "A trained teaching assistant will run an individual synthetic phonics programme {q}.",
        "every day for 15 minutes",
        "regularly",
    ),
    Pair(
        EP,
        "Provide a precision teaching programme for high-frequency words",
        "for 10 minutes each day",
        "a learning support assistant",
        "Sight words will be practised through precision teaching with a learning support "
        "assistant {q}.",
        "in a daily 10-minute slot",
        "as part of class routines",
    ),
    Pair(
        EP,
        "Offer emotional literacy sessions to help name and manage feelings",
        "for 30 minutes weekly over two terms",
        "a trained ELSA",
        "An ELSA will work with the pupil on recognising emotions and calming strategies {q}.",
        "in one 30-minute session every week for two terms",
        "on an ongoing basis",
    ),
    Pair(
        EP,
        "Break written tasks into short chunks with a visual checklist",
        "in every lesson",
        "the class teacher",
        "Class teachers will split longer pieces of writing into small steps shown on a "
        "picture checklist {q}.",
        "in each lesson",
        "where appropriate",
    ),
    Pair(
        EP,
        "Review progress against the individual learning targets with the family",
        "once every half term",
        "the SENCo",
        "The SENCo will meet parents to look at how the learning targets are going {q}.",
        "each half term",
        "from time to time",
    ),
    Pair(
        EP,
        "Use a working memory programme with games and recall tasks",
        "three times a week for 15 minutes",
        "a teaching assistant",
        "Memory-building games and recall activities will be led by a teaching assistant {q}.",
        "for 15 minutes on three days each week",
        "when time allows",
    ),
    Pair(
        EP,
        "Give a daily check-in with a trusted adult at the start of the school day",
        "for 10 minutes",
        "the key worker",
        "The key worker will greet the pupil on arrival for a short conversation about how the "
        "day ahead feels {q}.",
        "lasting 10 minutes each morning",
        "if needed",
    ),
    Pair(
        SLT,
        "Deliver direct speech and language therapy targeting expressive language",
        "in six weekly sessions of 45 minutes each term",
        "a speech and language therapist",
        "A speech and language therapist will work directly on putting words into sentences {q}.",
        "through a block of six 45-minute weekly sessions every term",
        "as the service decides",
    ),
    Pair(
        SLT,
        "Carry out a narrative programme to build story-telling skills",
        "for 20 minutes twice weekly",
        "a teaching assistant trained by the therapist",
        "Story-retelling work, planned by the therapist, will be done with a trained teaching "
        "assistant {q}.",
        "twice a week for 20 minutes",
        "regularly",
    ),
    Pair(
        SLT,
        "Use colour-coded sentence frames to support spoken and written sentences",
        "in all literacy lessons",
        "class staff",
        "Staff will offer colour-coded prompts that show how a sentence is built {q}.",
        "during every literacy lesson",
        "where possible",
    ),
    Pair(
        SLT,
        "Run a social communication group focusing on turn-taking and topic maintenance",
        "for 30 minutes once a week",
        "a teaching assistant",
        "A small group on conversation skills, such as taking turns and staying on topic, will "
        "be led by a teaching assistant {q}.",
        "weekly for 30 minutes",
        "when staffing allows",
    ),
    Pair(
        SLT,
        "Teach subject vocabulary using word maps before each new topic",
        "for 15 minutes three times a week",
        "a learning support assistant",
        "A learning support assistant will go through topic words with diagrams of meaning and "
        "sound {q}.",
        "three times a week in 15-minute sessions",
        "as required",
    ),
    Pair(
        SLT,
        "Provide a listening and attention programme in a small group of three",
        "daily for 10 minutes",
        "a teaching assistant",
        "Attention and listening games will be run with two other pupils by a teaching "
        "assistant {q}.",
        "every day for 10 minutes",
        "at times",
    ),
    Pair(
        SLT,
        "Review the speech and language targets and update the programme",
        "every term",
        "a speech and language therapist",
        "The therapist will look again at the communication targets and change the plan of "
        "work {q}.",
        "each term",
        "periodically",
    ),
    Pair(
        SLT,
        "Model and expand the pupil's spoken sentences in class conversation",
        "throughout every school day",
        "all adults",
        "Adults will repeat back what the pupil says with one or two extra words added {q}.",
        "across each day",
        "",
    ),
    Pair(
        OT,
        "Follow a sensory diet including movement breaks",
        "of 5 minutes every hour",
        "a teaching assistant",
        "A teaching assistant will support a programme of movement and sensory activities {q}.",
        "with a 5-minute break each hour",
        "when the pupil appears unsettled",
    ),
    Pair(
        OT,
        "Carry out a fine motor skills programme using theraputty and pegboards",
        "for 15 minutes four times a week",
        "a teaching assistant",
        "Hand-strengthening activities with putty and peg boards will be done with a teaching "
        "assistant {q}.",
        "four times a week for 15 minutes",
        "regularly",
    ),
    Pair(
        OT,
        "Teach touch-typing using a structured online course",
        "for 20 minutes three times a week",
        "a learning support assistant",
        "The pupil will learn to type with all fingers on a keyboard course, supervised by a "
        "learning support assistant {q}.",
        "in three 20-minute sessions each week",
        "as appropriate",
    ),
    Pair(
        OT,
        "Practise dressing and undressing skills for PE",
        "before every PE lesson",
        "a teaching assistant",
        "Getting changed for PE will be rehearsed step by step with a teaching assistant {q}.",
        "ahead of each PE lesson",
        "when possible",
    ),
    Pair(
        OT,
        "Provide a writing slope and a pencil grip for all written work",
        "in every lesson",
        "",
        "A sloped desk surface and a rubber pencil grip will be available {q} whenever the "
        "pupil writes.",
        "in all lessons",
        "",
    ),
    Pair(
        OT,
        "Review the sensory and motor programme in school",
        "once a term",
        "an occupational therapist",
        "An occupational therapist will visit to check and update the movement and sensory "
        "activities {q}.",
        "every term",
        "occasionally",
    ),
    Pair(
        OT,
        "Deliver a bilateral coordination programme including ball skills",
        "twice a week for 20 minutes",
        "a teaching assistant",
        "Activities that use both hands and sides of the body together, such as catching and "
        "throwing, will be led by a teaching assistant {q}.",
        "for 20 minutes two times a week",
        "where time allows",
    ),
    Pair(
        OT,
        "Teach a cutlery skills routine at lunchtime",
        "every day",
        "the lunchtime supervisor",
        "The lunchtime supervisor will help the pupil learn to use a knife and fork {q}.",
        "daily",
        "sometimes",
    ),
    # Written after the tracer was tuned on the pairs above, to measure it on wording it had
    # not seen (missing precision 0.63 before its threshold was chosen again on all of them).
    Pair(
        EP,
        "Provide a reading comprehension group using reciprocal teaching",
        "for 25 minutes three times a week",
        "a teaching assistant",
        "The pupil will join a small group, run by a teaching assistant, where children take turns "
        "to predict, question, clarify and summarise a text {q}.",
        "three times weekly for 25 minutes",
        "when staffing allows",
    ),
    Pair(
        EP,
        "Set up a quiet workstation with a visual timetable for independent tasks",
        "in all lessons",
        "the class teacher",
        "The class teacher will make sure there is a low-distraction desk with a picture "
        "schedule the pupil can use to work alone {q}.",
        "throughout each lesson",
        "where possible",
    ),
    Pair(
        EP,
        "Run a numeracy catch-up programme focused on number bonds and place value",
        "for 15 minutes four times a week",
        "an intervention teacher",
        "An intervention teacher will teach number facts and the value of digits in short "
        "sessions {q}.",
        "four times each week, 15 minutes at a time",
        "as needed",
    ),
    Pair(
        EP,
        "Use a home-school communication book to share progress and worries",
        "daily",
        "the class teaching assistant",
        "The teaching assistant will write in a diary that travels between home and school "
        "about how the day went {q}.",
        "every school day",
        "from time to time",
    ),
    Pair(
        SLT,
        "Teach the meaning of new curriculum words using a word map",
        "for 15 minutes twice a week",
        "a teaching assistant following the therapist's plan",
        "Topic vocabulary will be explored with word webs showing sound, meaning and examples, "
        "led by a teaching assistant using the therapy plan {q}.",
        "twice weekly for 15 minutes",
        "regularly",
    ),
    Pair(
        SLT,
        "Deliver an attention and listening programme in a small group",
        "weekly for 45 minutes",
        "a speech and language therapy assistant",
        "A therapy assistant will lead group games in which the pupil learns to look, wait and "
        "listen to the speaker {q}.",
        "once a week for 45 minutes",
        "when available",
    ),
    Pair(
        SLT,
        "Model and expand the child's short utterances during play",
        "for 10 minutes every day",
        "the key person",
        "During play, the key person will repeat what the child says and add one or two words "
        "to it {q}.",
        "daily, for 10 minutes",
        "when there is time",
    ),
    Pair(
        SLT,
        "Check understanding of spoken instructions by asking the pupil to repeat them back",
        "in every lesson",
        "all teaching staff",
        "All staff will ask the pupil to say back what they have been asked to do {q}.",
        "in each lesson",
        "where appropriate",
    ),
    Pair(
        OT,
        "Practise handwriting letter formation with a multi-sensory programme",
        "for 15 minutes three times a week",
        "a teaching assistant",
        "A teaching assistant will work on forming letters correctly using sand trays, "
        "tracing and large movements {q}.",
        "three times weekly for 15 minutes",
        "as appropriate",
    ),
    Pair(
        OT,
        "Provide a sensory circuit before lessons to help the pupil settle",
        "each morning for 10 minutes",
        "a trained teaching assistant",
        "Before the first lesson, a trained teaching assistant will take the pupil through a "
        "short series of alerting, organising and calming activities {q}.",
        "every morning for 10 minutes",
        "on some days",
    ),
    Pair(
        OT,
        "Teach the pupil to tie shoelaces using a one-loop method",
        "for 10 minutes three times a week",
        "a teaching assistant",
        "A teaching assistant will practise lace-tying with the pupil, starting with a single "
        "bunny-ear loop, {q}.",
        "three times weekly for 10 minutes",
        "when there is time",
    ),
    Pair(
        OT,
        "Use a writing slope and pencil grip to improve posture and control",
        "in all written work",
        "the class teacher",
        "The class teacher will make sure an angled board and a grip on the pencil are used {q}.",
        "for all writing tasks",
        "where helpful",
    ),
)

HELD_OUT: tuple[Pair, ...] = (
    Pair(
        EP,
        "Deliver a reading comprehension intervention in a group of three",
        "for 30 minutes twice a week",
        "a teaching assistant",
        "Understanding of texts will be worked on with two classmates and a teaching "
        "assistant {q}.",
        "in two 30-minute sessions each week",
        "when staff are free",
    ),
    Pair(
        EP,
        "Teach number bonds using concrete apparatus",
        "for 15 minutes four times a week",
        "a learning support assistant",
        "A learning support assistant will go over adding and subtracting facts to 20 with "
        "cubes and counters {q}.",
        "on four days each week for 15 minutes",
        "as needed",
    ),
    Pair(
        EP,
        "Use a visual timetable showing the sequence of the day",
        "every day",
        "class staff",
        "Staff will set out the order of the day in pictures on a display {q}.",
        "at the start of each school day",
        "where this helps",
    ),
    Pair(
        EP,
        "Provide mentoring sessions focusing on self-esteem and resilience",
        "for 30 minutes weekly",
        "a learning mentor",
        "A learning mentor will meet the pupil to build confidence and bounce back from "
        "setbacks {q}.",
        "for half an hour each week",
        "on a regular basis",
    ),
    Pair(
        EP,
        "Give additional processing time and check understanding after instructions",
        "in all lessons",
        "the class teacher",
        "Teachers will allow extra thinking time and ask the pupil to repeat back what to do {q}.",
        "in every lesson",
        "",
    ),
    Pair(
        SLT,
        "Provide individual therapy to develop speech sound production",
        "for 30 minutes fortnightly",
        "a speech and language therapist",
        "Work on saying sounds clearly will be carried out one-to-one by a speech and language "
        "therapist {q}.",
        "every fortnight for 30 minutes",
        "as the therapist advises",
    ),
    Pair(
        SLT,
        "Practise the therapist's speech sound targets at home and in school",
        "for 5 minutes daily",
        "a teaching assistant",
        "The sound practice set by the therapist will be repeated with a teaching assistant {q}.",
        "each day for 5 minutes",
        "when there is time",
    ),
    Pair(
        SLT,
        "Teach the pupil to ask for clarification when they do not understand",
        "in a weekly 20-minute group",
        "a teaching assistant",
        "In a small group run by a teaching assistant the pupil will learn to say when they "
        "have not understood and ask again {q}.",
        "once a week for 20 minutes",
        "at times",
    ),
    Pair(
        SLT,
        "Use Makaton signs alongside speech to support understanding",
        "throughout the day",
        "all staff",
        "Every adult will pair their spoken words with key signs {q}.",
        "across the whole day",
        "sometimes",
    ),
    Pair(
        SLT,
        "Train school staff in supporting language difficulties",
        "once a year",
        "a speech and language therapist",
        "Adults working with the pupil will have training from a speech and language therapist "
        "on helping children with language needs {q}.",
        "every year",
        "if requested",
    ),
    Pair(
        OT,
        "Provide a handwriting programme focusing on letter formation",
        "for 10 minutes daily",
        "a teaching assistant",
        "Forming letters correctly will be practised with a teaching assistant {q}.",
        "every day for 10 minutes",
        "regularly",
    ),
    Pair(
        OT,
        "Use a wobble cushion and fidget tools to help the pupil stay seated",
        "during all carpet and desk times",
        "class staff",
        "An air-filled seat cushion and small hand toys will be offered so the pupil can sit "
        "still for longer {q}.",
        "at every carpet and desk time",
        "when required",
    ),
    Pair(
        OT,
        "Deliver a gross motor circuit to improve balance",
        "for 20 minutes three times a week",
        "a teaching assistant",
        "A teaching assistant will run balancing and climbing activities in the hall {q}.",
        "three times a week for 20 minutes",
        "when the hall is free",
    ),
    Pair(
        OT,
        "Practise using scissors with adapted spring-loaded scissors",
        "for 10 minutes twice a week",
        "a learning support assistant",
        "Cutting skills will be built up using easy-grip self-opening scissors with a learning "
        "support assistant {q}.",
        "two times a week for 10 minutes",
        "now and then",
    ),
    Pair(
        OT,
        "Assess the need for specialist seating in class",
        "once a year",
        "an occupational therapist",
        "Whether a special chair is needed in the classroom will be checked by an occupational "
        "therapist {q}.",
        "annually",
        "if concerns arise",
    ),
)

PLAN_ONLY: tuple[tuple[str, str], ...] = (
    ("F", "A place at the breakfast club every morning, run by school staff."),
    ("F", "A laptop with spell-check software for use at home and in school."),
    ("F", "A passenger assistant on school transport each day."),
    ("F", "Swimming lessons once a week with a qualified swimming instructor."),
    ("G", "An annual check of the hearing aids by the audiologist."),
    ("G", "A dietitian to review the meal plan every six months."),
    ("H1", "A personal assistant for four hours a week to take part in a Saturday drama club."),
    ("H2", "Overnight short breaks with a specialist carer one weekend a month."),
)
"""Provision a plan may hold that no advice asked for (what "unsupported" must find)."""
