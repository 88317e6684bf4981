"""Pairs of advice and plan wording written blind to how the tracer works, then read and used
with the other splits to choose its settings (so no longer a test: see ``advice_pairs_blind``).

The plan rewords each recommendation the way a caseworker might. ``FRESH_PLAN_ONLY`` holds plan
provision that no advice asked for. All names and content are invented.
"""

from __future__ import annotations

from qa_audit.synthetic.advice_content import EP, OT, SLT, Pair

FRESH: tuple[Pair, ...] = (
    # --- Educational psychology -----------------------------------------------------------
    Pair(
        EP,
        "It is recommended that Ellis is explicitly taught the reciprocal reading strategies of "
        "predicting, clarifying, questioning and summarising when working with subject texts, "
        "within a group of no more than five students",
        "for 45 minutes twice weekly across the spring and summer terms",
        "a specialist literacy teacher",
        "A specialist teacher of reading will work with Ellis in a group of up to five, {q}, "
        "showing him how to predict, clarify, question and sum up as he reads texts from "
        "his lessons.",
        "twice a week in 45-minute sessions throughout the spring and summer terms",
        "over the course of the year",
    ),
    Pair(
        EP,
        "Use concrete manipulatives and pictorial representations to consolidate place value "
        "and the four operations",
        "for 20 minutes, four times a week",
        "a teaching assistant under the direction of the class teacher",
        "Priya will use cubes, counters, number lines and drawings to make sense of tens and "
        "ones and of adding, taking away, multiplying and sharing, {q}, supported by a TA "
        "who is guided by her class teacher.",
        "in 20-minute sessions on four days each week",
        "as part of normal maths lessons",
    ),
    Pair(
        EP,
        "Teach and rehearse compensatory strategies for working memory difficulties, such as "
        "chunking, verbal rehearsal and visual aide-memoires",
        "for 15 minutes, three times a week",
        "a teaching assistant",
        "Callum will be shown ways to hold on to information, for example breaking it into "
        "smaller bits, saying it over to himself and using picture reminders, by a TA {q}.",
        "in three quarter-hour sessions each week",
        "at times",
    ),
    Pair(
        EP,
        "Build planned movement breaks into the timetable to support sustained attention",
        "every 20 to 30 minutes throughout the school day",
        "the class teacher",
        "Amara's teacher will give her the chance to get up and move about {q}, so that she "
        "can stay focused on her work.",
        "after every 20 to 30 minutes of lessons across the whole day",
        "if she appears restless",
    ),
    Pair(
        EP,
        "Offer an individual programme of cognitive behavioural approaches to anxiety "
        "management, including the identification of anxious thoughts and the graded practice "
        "of situations currently avoided",
        "for 50 minutes weekly for a minimum of twelve weeks",
        "a trained college mental health practitioner",
        "Zainab will have one-to-one CBT-based sessions with the college's trained wellbeing "
        "practitioner {q}, to help her notice worried thinking and, step by step, face the "
        "situations she now stays away from.",
        "every week for at least 12 weeks, each lasting 50 minutes",
        "on request",
    ),
    Pair(
        EP,
        "Plan a phased transition to the post-16 setting, including accompanied visits to the "
        "college campus",
        "on at least six occasions during the summer term of Year 11",
        "a key worker known to Rhys",
        "Rhys will visit his new college {q} with a key worker he already knows, so that "
        "the move after Year 11 happens gradually.",
        "six or more times in his final summer term at school",
        "before he starts",
    ),
    Pair(
        EP,
        "Deliver a structured, cumulative, multisensory spelling programme",
        "for 30 minutes, three times a week",
        "a specialist dyslexia teacher",
        "Freya will receive a systematic spelling scheme that uses sight, sound and movement "
        "together, taught by a dyslexia-trained specialist teacher {q}.",
        "in three half-hour lessons a week",
        "across the year",
    ),
    Pair(
        EP,
        "Provide solution-focused mentoring to help him set and review personal goals",
        "for 30 minutes fortnightly",
        "a named learning mentor",
        "Oluwaseun will meet his named mentor {q} to agree small targets and look at how he "
        "is getting on with them.",
        "once every two weeks for half an hour",
        "from time to time",
    ),
    Pair(
        EP,
        "Check and support the use of a homework planner, ensuring tasks and deadlines are "
        "recorded accurately",
        "at the end of each school day",
        "the form tutor",
        "Tomasz's tutor will go through his planner with him {q} to make sure all homework "
        "and due dates have been written down correctly.",
        "daily before he leaves school",
        "when there is time",
    ),
    Pair(
        EP,
        "Teach the use of graphic organisers to structure ideas before extended writing",
        "for 20 minutes twice a week",
        "a teaching assistant",
        "Nadia will learn to set out her thoughts on a mind map or planning grid before "
        "writing at length, with a TA {q}.",
        "twice weekly for 20 minutes",
        "as required",
    ),
    # --- Speech and language therapy ------------------------------------------------------
    Pair(
        SLT,
        "Target velar fronting through minimal pair and auditory discrimination activities",
        "for 10 minutes, four times a week",
        "a teaching assistant trained by the SLT",
        "Leo will play listening and word games that help him say 'k' and 'g' at the back of "
        "his mouth instead of 't' and 'd', {q}, with a TA shown how by his speech therapist.",
        "on four days a week for ten minutes",
        "when staff are free",
    ),
    Pair(
        SLT,
        "Support the generalisation of agreed fluency techniques, such as easy onset and "
        "planned pausing, in real speaking situations",
        "once a week for 30 minutes over one half term",
        "the specialist speech and language therapist",
        "Sami will practise smooth, relaxed talking in classroom speaking tasks with his "
        "specialist SaLT {q}.",
        "each week for half an hour across a half term",
        "when a therapist is available",
    ),
    Pair(
        SLT,
        "Use aided language stimulation, modelling core vocabulary on his high-tech "
        "communication aid during everyday routines",
        "at least 20 times across the school day",
        "all staff working with Kofi",
        "Every adult who works with Kofi will point to words on his talker as they speak to "
        "him at snack, play and tidy-up times, {q}.",
        "no fewer than twenty times each day",
        "where possible",
    ),
    Pair(
        SLT,
        "Teach tier 2 and tier 3 subject vocabulary using a structured word-learning approach "
        "that links meaning, sound and spelling",
        "for 30 minutes weekly across Key Stage 4",
        "a learning support assistant trained in the approach",
        "Grace will be taught key science and humanities words, including how they sound, "
        "how they are spelt and what they mean, by a trained LSA {q}.",
        "once a week in a 30-minute session throughout Years 10 and 11",
        "regularly",
    ),
    Pair(
        SLT,
        "Develop oral narrative skills in a small group using visual story-grammar prompts "
        "(who, where, when, what happened, ending)",
        "for 30 minutes twice weekly for one term",
        "a teaching assistant trained by the speech and language therapist",
        "Isla will join a group where a SaLT-trained TA helps children to tell stories with a "
        "beginning, middle and end, using picture cue cards, {q}.",
        "in two half-hour sessions a week for a term",
        "at times",
    ),
    Pair(
        SLT,
        "Work on understanding spoken instructions containing three information-carrying "
        "words, using objects and pictures",
        "daily for 10 minutes",
        "a teaching assistant",
        "Finn will practise listening to and carrying out directions with three important "
        "parts, helped by real objects and picture cards, with a TA {q}.",
        "for ten minutes every school day",
        "as often as possible",
    ),
    Pair(
        SLT,
        "Use a colour-coded sentence-building approach to extend spoken sentences from two "
        "to four words",
        "for 15 minutes, three times a week",
        "a teaching assistant trained by the SLT",
        "Maya will be helped to say longer sentences, using coloured cards for who, doing, "
        "what and where, by a speech therapy-trained TA {q}.",
        "three times weekly in quarter-hour sessions",
        "on occasion",
    ),
    Pair(
        SLT,
        "It is recommended that Jordan attends a social communication group focusing on "
        "starting, maintaining and ending conversations, including role-play of workplace "
        "interactions with colleagues and customers",
        "for one hour weekly during the first year of his study programme",
        "the college speech and language therapist jointly with a job coach",
        "Jordan will take part in group sessions run together by the college SaLT and a job "
        "coach {q}, to practise chatting with others and talking to people at work.",
        "each week for an hour throughout Year 1 of his course",
        "as his timetable permits",
    ),
    Pair(
        SLT,
        "Develop verbal reasoning and inference skills using graded 'why' and 'how' questions "
        "about short texts",
        "for 20 minutes, twice a week",
        "a learning support assistant",
        "Ayesha will be helped to work out what a passage does not say directly, for example "
        "why a character felt a certain way, by an LSA {q}.",
        "in two 20-minute sessions each week",
        "when the need arises",
    ),
    Pair(
        SLT,
        "Use Intensive Interaction to develop early communication skills such as shared "
        "attention, turn-taking and eye contact",
        "for 10 to 15 minutes at least three times a day",
        "familiar adults in the classroom",
        "Staff who know Ruby well will follow her lead, copying her sounds and movements to "
        "build back-and-forth exchanges, {q}.",
        "three or more times daily for 10 to 15 minutes each time",
        "when opportunities arise",
    ),
    # --- Occupational therapy -------------------------------------------------------------
    Pair(
        OT,
        "Complete a fine motor programme targeting pencil grasp, in-hand manipulation and "
        "finger isolation",
        "for 10 minutes daily before writing tasks",
        "a teaching assistant",
        "A TA will take Oscar through hand and finger games such as threading, pegboards and "
        "picking up small items {q}, to help him hold and steer his pencil.",
        "for ten minutes each day ahead of any writing",
        "where appropriate",
    ),
    Pair(
        OT,
        "Implement a sensory diet including proprioceptive input (heavy work and deep "
        "pressure) to support self-regulation",
        "at the start of the day, after break and after lunch, for 10 minutes each time",
        "staff trained by the occupational therapist",
        "Staff shown what to do by the OT will give Lily calming jobs such as carrying crates, "
        "wall push-ups and a weighted lap pad {q}, to help her stay calm and ready to learn.",
        "in 10-minute slots on arrival, after morning break and after lunch",
        "when she seems to need them",
    ),
    Pair(
        OT,
        "Provide a motor skills group to practise planning and sequencing multi-step gross "
        "motor tasks, such as obstacle courses",
        "for 30 minutes, twice weekly for ten weeks",
        "a teaching assistant following the OT's programme",
        "Harvey will join a small movement group {q}, run by a TA using the OT programme, "
        "where children work out and carry out obstacle courses and other action sequences.",
        "twice a week for half an hour over ten weeks",
        "when the hall is free",
    ),
    Pair(
        OT,
        "Teach dressing and undressing for PE, including fastenings and laces, using backward "
        "chaining",
        "at every PE lesson for the first half term, then reviewed",
        "a learning support assistant",
        "Dylan will get step-by-step help to change for PE, including buttons, zips and "
        "shoelaces, from an LSA {q}, with the last step of each task taught first.",
        "in all PE lessons for the first half term, followed by a review",
        "as needed",
    ),
    Pair(
        OT,
        "Review the fit and adjustment of her specialist classroom chair and footrest",
        "every term",
        "the occupational therapist",
        "The OT will check {q} that Ava's supportive seat and foot support still suit her "
        "as she grows.",
        "once a term",
        "periodically",
    ),
    Pair(
        OT,
        "Provide access to a laptop for extended written work and deliver a touch-typing programme",
        "for 20 minutes, three times a week, until a speed of 25 words per minute is reached",
        "a learning support assistant",
        "Kian will use a laptop for longer written tasks and will be taught to type without "
        "looking at the keys, supported by an LSA, {q}.",
        "three times weekly in 20-minute sessions until he types 25 words a minute",
        "when staffing allows",
    ),
    Pair(
        OT,
        "In line with an agreed energy-conservation and pacing plan, the student should be "
        "given a rest break in a quiet, low-stimulus space",
        "lasting 10 minutes after every 50 minutes of study",
        "",
        "Sophie will be able to stop and rest in a calm room {q}, as set out in her fatigue "
        "management plan.",
        "for ten minutes following each 50 minutes of learning",
        "when she feels tired",
    ),
    Pair(
        OT,
        "Carry out a core stability and shoulder girdle strengthening programme",
        "for 15 minutes, three times a week",
        "a teaching assistant shown the exercises by the OT",
        "Noah will do exercises to make his tummy, back and shoulder muscles stronger {q}, "
        "led by a TA the OT has trained.",
        "for a quarter of an hour three times a week",
        "now and then",
    ),
    Pair(
        OT,
        "Develop independent meal preparation skills, including safe use of the hob, kettle "
        "and knives, through graded practice in the training kitchen",
        "weekly for two hours over the academic year",
        "a vocational tutor with support from the occupational therapist",
        "Bethany will learn to make simple meals safely in the college kitchen {q}, taught by "
        "her vocational tutor with OT input.",
        "in a two-hour weekly session throughout the college year",
        "as part of her programme",
    ),
    Pair(
        OT,
        "Provide visual perceptual and visual-motor integration activities",
        "for 15 minutes, twice a week",
        "a teaching assistant",
        "Zac will do dot-to-dots, mazes, shape copying and spot-the-difference puzzles with a "
        "TA {q}.",
        "in two quarter-hour sessions each week",
        "when time allows",
    ),
)

FRESH_PLAN_ONLY: tuple[tuple[str, str], ...] = (
    (
        "F",
        "Home-to-school transport will be provided by the local authority each school day, in "
        "a minibus with a trained passenger assistant.",
    ),
    (
        "G",
        "A paediatric dietitian will review Mia's weight, growth and eating plan every six "
        "months at the community clinic.",
    ),
    (
        "G",
        "The community children's nursing team will check and re-dress his gastrostomy site "
        "once a term.",
    ),
    (
        "H1",
        "A personal assistant will support Kai to attend a Saturday morning climbing club "
        "every week.",
    ),
    (
        "H1",
        "A social worker from the Children with Disabilities Team will visit the family every "
        "eight weeks to review the short breaks package.",
    ),
    (
        "H2",
        "Jess will have two overnight short breaks each month at a residential respite unit, "
        "staffed by trained care workers.",
    ),
    (
        "G",
        "An orthoptist will assess his eye alignment once a year at the hospital eye clinic.",
    ),
    (
        "H2",
        "A youth worker will accompany Ethan to the local youth club one evening a week.",
    ),
)
