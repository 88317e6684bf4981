"""An evaluation set of recommendations and their plan rewordings, written blind.

These pairs were written blind: without reading the tracer, its word lists or the other pair
sets, and after the tracer's settings had been chosen. Its figures (never its errors) later
helped choose the tracer's threshold, so it is no longer a blind test.

Each :class:`~qa_audit.synthetic.advice_content.Pair` holds the advice as a professional writes
it and the plan's own rewording, with ``{q}`` where the plan states the amount: ``q`` keeps the
advised amount in other words, ``vague`` waters it down.

``BLIND_PLAN_ONLY`` is plan provision that no advice asked for. All names and content are
invented; no real child is described.
"""

from __future__ import annotations

from .advice_content import EP, OT, SLT, Pair

BLIND: tuple[Pair, ...] = (
    # Educational psychology
    Pair(
        EP,
        "Use precision teaching to build fluent reading of high-frequency words",
        "for 10 minutes daily",
        "a teaching assistant",
        "Kofi will have short precision teaching sessions on common sight words with a "
        "teaching assistant {q}, so that he can read them quickly and accurately.",
        "every day for ten minutes",
        "when time allows",
    ),
    Pair(
        EP,
        "Deliver a small-group numeracy intervention focused on place value and number bonds",
        "for 30 minutes, three times a week, for at least two terms",
        "a trained teaching assistant, overseen by the maths lead",
        "To secure her understanding of place value and number bonds, Lily-Mae will join a "
        "small maths group {q}, run by a trained teaching assistant with oversight from the "
        "school's maths lead.",
        "three times weekly in half-hour sessions for a minimum of two terms",
        "as part of ongoing support",
    ),
    Pair(
        EP,
        "Provide individual Emotional Literacy Support Assistant (ELSA) sessions to help him "
        "name and manage his feelings",
        "weekly for 45 minutes over a 10-week block",
        "a trained ELSA",
        "Harvey will meet a trained ELSA {q}, to learn to recognise his feelings and to use "
        "strategies that help him stay in control of them.",
        "once a week for three-quarters of an hour, for ten weeks",
        "for some sessions",
    ),
    Pair(
        EP,
        "Break instructions into short chunks and give a visual checklist of the steps for "
        "each task",
        "in every lesson",
        "all adults working in the class",
        "{q}, every adult in Zainab's class will give her instructions one step at a time, "
        "backed up by a picture checklist she can tick off, so that she can remember what to "
        "do without relying on others.",
        "In each lesson",
        "Where appropriate",
    ),
    Pair(
        EP,
        "Timetable brief movement breaks between periods of desk work to help him sustain "
        "attention",
        "every 20 minutes, for 3 to 5 minutes each time",
        "the class teacher",
        "Oscar's teacher will plan short breaks for him to get up and move about {q}, which "
        "will help him stay focused when he returns to his work.",
        "three times an hour, each lasting between three and five minutes",
        "if he seems restless",
    ),
    Pair(
        EP,
        "Offer a CBT-informed anxiety programme such as a worry management group",
        "in weekly 40-minute sessions over eight weeks",
        "the school counsellor or a trained mental health practitioner",
        "Ruby will take part in a group that teaches her ways to understand and cope with her "
        "worries, {q}, led by the school counsellor or a mental health practitioner with "
        "suitable training.",
        "once a week for forty minutes across an eight-week programme",
        "if a place becomes available",
    ),
    Pair(
        EP,
        "Arrange for the pupil to sit tests and examinations with extra time",
        "of 25% and a supervised 5-minute rest break in every hour",
        "the SENCo and the examinations officer",
        "Priya will sit all tests and exams with {q}, organised by the SENCo together with the "
        "exams officer, so that her slow processing speed does not stop her showing what she "
        "knows.",
        "a quarter more time than usual and a five-minute supervised rest break each hour",
        "extra time and rest breaks where these can be arranged",
    ),
    Pair(
        EP,
        "Plan a phased transition to secondary school, with additional visits to the new "
        "setting and a photo booklet to take home",
        "with at least six visits during the summer term",
        "the Year 6 teacher and the secondary school's SENCo",
        "Before Jayden moves up to secondary school he will visit his new school {q}, and will "
        "have a book of photographs to look at at home; his Year 6 teacher and the SENCo at "
        "the secondary school will arrange this between them.",
        "six or more times in the summer term",
        "as transition arrangements permit",
    ),
    Pair(
        EP,
        "Include her in a small social skills group that practises turn-taking, joining in "
        "and resolving disagreements",
        "for 30 minutes twice weekly",
        "a teaching assistant trained in the programme",
        "Maisie will practise taking turns, joining in with games and sorting out fallings-out "
        "with friends in a small group {q}, run by a teaching assistant who has been trained "
        "in the programme.",
        "two times a week, each session lasting half an hour",
        "at times",
    ),
    Pair(
        EP,
        "Provide a named key adult who checks in with him at the start and end of each school day",
        "for about 10 minutes each time",
        "",
        "Ethan will have a key adult he knows well who will meet him {q}, so that he feels "
        "settled, valued and ready to learn.",
        "when he arrives and before he goes home every day, for around ten minutes each time",
        "when needed",
    ),
    Pair(
        EP,
        "Set up a homework club place with adult support to help him organise and complete "
        "homework",
        "for 45 minutes after school on two days a week",
        "a learning mentor",
        "A learning mentor will support Callum at homework club {q}, so that he learns to plan, "
        "organise and finish his homework tasks.",
        "on two afternoons each week after school, for forty-five minutes",
        "on occasion",
    ),
    Pair(
        EP,
        "Provide a structured, multisensory phonics programme",
        "for 20 minutes, four times a week",
        "a teaching assistant trained in the programme, with progress reviewed half-termly "
        "by the SENCo",
        "{q}, Amelia will work through a structured phonics programme that uses sight, sound "
        "and movement with a trained teaching assistant, and the SENCo will check how she is "
        "getting on every half term.",
        "Four times each week for twenty minutes",
        "Where possible",
    ),
    # Speech and language therapy
    Pair(
        SLT,
        "Pre-teach the key vocabulary for each new topic using word maps",
        "in three 15-minute sessions a week",
        "a teaching assistant",
        "To help Noah follow his lessons, a teaching assistant will go through the important "
        "words for every new topic with him before it starts, using word maps, {q}.",
        "three times weekly for a quarter of an hour",
        "as required",
    ),
    Pair(
        SLT,
        "Run a small-group narrative intervention using story grammar cues to help her tell "
        "and retell stories",
        "for 30 minutes weekly for 12 weeks",
        "a teaching assistant trained by the speech and language therapist",
        "Freya will build her story-telling and retelling skills in a small group {q}, led by "
        "a TA who has had training from the speech and language therapist.",
        "once a week for half an hour, over a twelve-week block",
        "during the year",
    ),
    Pair(
        SLT,
        "Run a listening group that practises good looking, good listening and waiting",
        "for 15 minutes each morning",
        "a teaching assistant",
        "Leo will join a listening skills group {q} to practise looking at the speaker, "
        "paying attention and waiting for his turn, run by a teaching assistant.",
        "for a quarter of an hour every morning",
        "from time to time",
    ),
    Pair(
        SLT,
        "Deliver Attention Autism sessions, working through the bucket, attention builder and "
        "turn-taking stages",
        "daily for 20 minutes",
        "staff who have completed Attention Autism training",
        "Staff trained in the Attention Autism approach will run bucket sessions with Arlo "
        "{q}, to build his shared attention and his ability to wait and take turns.",
        "every day, each lasting twenty minutes",
        "when the class timetable allows",
    ),
    Pair(
        SLT,
        "Provide paired social communication sessions with a peer, on starting and keeping "
        "conversations going and on reading other people's feelings",
        "for 30 minutes each week",
        "the speech and language therapist for the first half term, then a teaching assistant "
        "trained by the therapist",
        "Isla will work with one classmate on how to start a conversation, keep it going and "
        "tell what others are feeling, {q}; her speech and language therapist will lead this "
        "for the first half term, after which a teaching assistant she has trained will take "
        "over.",
        "in a weekly thirty-minute session",
        "through regular opportunities",
    ),
    Pair(
        SLT,
        "Use PECS across the school day and move him on to Phase 3, choosing between pictures",
        "with at least 10 planned exchange opportunities each day",
        "all staff, with training from the speech and language therapist",
        "Adults who have been trained by the speech and language therapist will give Ibrahim "
        "{q} to use his picture exchange book, so that he learns to choose between pictures "
        "to ask for what he wants.",
        "no fewer than ten planned chances every day",
        "some chances",
    ),
    Pair(
        SLT,
        "Carry out a speech sound programme targeting /k/ and /g/ at word and sentence level",
        "for 10 minutes, 4 times a week",
        "a teaching assistant, following targets set by the speech and language therapist",
        "A teaching assistant will practise Mia's 'k' and 'g' sounds with her {q}, working "
        "from the targets her speech and language therapist sets, so that other people can "
        "understand her more easily.",
        "on four days a week for ten minutes at a time",
        "when possible",
    ),
    Pair(
        SLT,
        "Offer direct therapy for his stammer, together with advice to staff on reducing time "
        "pressure when he speaks",
        "in a block of 6 weekly sessions of 45 minutes",
        "a specialist speech and language therapist",
        "Daniel will have direct therapy for his stammer {q} from a specialist speech and "
        "language therapist, who will also advise staff on giving him time to speak without "
        "hurrying him.",
        "in six weekly sessions of forty-five minutes each",
        "for a period",
    ),
    Pair(
        SLT,
        "Teach strategies for understanding spoken and written questions, working through the "
        "Blank levels of questioning",
        "in 20-minute sessions three times a week",
        "a teaching assistant trained by the speech and language therapist",
        "Blessing will be taught how to answer who, what and where questions, and then harder "
        "questions about what she has heard or read, {q}, by a teaching assistant with "
        "training from the speech and language therapist.",
        "for twenty minutes on three days each week",
        "as part of class teaching",
    ),
    Pair(
        SLT,
        "Use Colourful Semantics in a small group to build sentence structure in speaking and "
        "writing",
        "for 15 minutes daily",
        "a trained teaching assistant",
        "Using the colour-coded Colourful Semantics approach, Finley will work with a trained "
        "teaching assistant in a small group {q} so that he can put together longer, "
        "well-ordered sentences when he talks and writes.",
        "for fifteen minutes each school day",
        "as often as staffing allows",
    ),
    Pair(
        SLT,
        "Train all staff who work with her in strategies that support her understanding of "
        "spoken language",
        "through a 2-hour training session at the start of the autumn term, with a follow-up "
        "visit each term",
        "the speech and language therapist",
        "The speech and language therapist will train every adult who works with Chloe in "
        "ways to help her make sense of what is said to her, {q}.",
        "with two hours of training at the beginning of the autumn term and a follow-up visit "
        "once a term",
        "as and when required",
    ),
    Pair(
        SLT,
        "Use Makaton signs alongside speech for key words throughout the day and teach him "
        "new signs",
        "at a rate of 5 new signs each week",
        "class staff trained in Makaton",
        "Class staff who have Makaton training will sign key words as they talk to Reggie and "
        "will teach him {q}, so that he has a way to communicate while his speech develops.",
        "five new signs every week",
        "new signs",
    ),
    # Occupational therapy
    Pair(
        OT,
        "Provide a handwriting programme focusing on letter formation and joining",
        "for 15 minutes, 3 times a week, for 1 term",
        "a teaching assistant, with the occupational therapist reviewing progress at the end "
        "of term",
        "Sophia will follow a handwriting programme to form her letters correctly and begin "
        "to join them, {q}, supported by a teaching assistant; her occupational therapist will "
        "review how she is doing when the term ends.",
        "in fifteen-minute sessions three times weekly across one term",
        "as part of literacy lessons",
    ),
    Pair(
        OT,
        "Run a fine motor skills group with activities such as threading, pegboards and "
        "therapy putty",
        "for 20 minutes each day",
        "a teaching assistant",
        "{q}, Alfie will take part in a fine motor group led by a teaching assistant, doing "
        "threading, pegboard and putty activities to strengthen his hands for writing and "
        "dressing.",
        "Daily for twenty minutes",
        "Regularly",
    ),
    Pair(
        OT,
        "Carry out a core stability and balance programme",
        "for 20 minutes, 3 times weekly, for 10 weeks",
        "a teaching assistant or PE staff, shown the programme by the occupational therapist",
        "Olivia will do exercises to strengthen her trunk muscles and improve her balance {q} "
        "with a teaching assistant or a member of the PE team, whom the occupational therapist "
        "will show how to run the programme.",
        "three times a week for twenty minutes over a ten-week period",
        "when staff are free",
    ),
    Pair(
        OT,
        "Follow a sensory diet of heavy work activities such as carrying, pushing and wall "
        "push-ups",
        "for 10 minutes at 3 set points each day (on arrival, after morning break and after lunch)",
        "a key adult",
        "A key adult will support Bilal to do heavy work such as carrying, pushing and "
        "press-ups against the wall {q}, so that he is calm and ready to learn.",
        "three times daily, when he arrives, after morning break and after lunch, for ten "
        "minutes each time",
        "if he becomes unsettled",
    ),
    Pair(
        OT,
        "Teach dressing and undressing for PE by backward chaining, with a visual sequence",
        "at every PE lesson (twice weekly), allowing 10 extra minutes",
        "a teaching assistant",
        "A teaching assistant will help Evie learn to get changed for PE by herself, step by "
        "step with a picture sequence and doing less for her as she manages more, {q}.",
        "in both of her PE lessons each week, with ten minutes' extra time allowed",
        "where possible",
    ),
    Pair(
        OT,
        "Follow a toileting plan with timed visits to the toilet and a visual routine",
        "every 90 minutes through the school day",
        "a named member of staff",
        "Theo will be taken to the toilet by a familiar named adult {q}, using a picture "
        "routine, so that he becomes more independent with toileting.",
        "every hour and a half throughout the day",
        "as needed",
    ),
    Pair(
        OT,
        "Provide a wedge cushion and a sloping writing board",
        "for all seated desk work, in every lesson",
        "class staff, with the occupational therapist checking the set-up each term",
        "Class staff will make sure Grace uses her wedge cushion and angled writing board {q}, "
        "and her occupational therapist will check the set-up once a term, so that she can "
        "sit upright and write comfortably.",
        "whenever she is working at a desk, in all lessons",
        "when appropriate",
    ),
    Pair(
        OT,
        "Teach touch-typing using a structured online typing programme",
        "for 15 minutes daily until she reaches 20 words per minute",
        "a teaching assistant",
        "Hannah will learn to touch-type on a structured online course with a teaching "
        "assistant {q}, so that she has a quicker way than handwriting to record her work.",
        "every day for fifteen minutes until she can type twenty words a minute",
        "over time",
    ),
    Pair(
        OT,
        "Teach scissor skills with spring-assisted scissors, progressing from snipping to "
        "cutting curves",
        "in 10-minute sessions twice a week",
        "a teaching assistant",
        "With spring-loaded scissors, Jacob will practise cutting with a teaching assistant, "
        "moving on from small snips to cutting round curved lines, {q}.",
        "for ten minutes on two days a week",
        "at times",
    ),
    Pair(
        OT,
        "Support him to use a knife and fork, with adapted cutlery",
        "at every lunchtime",
        "midday supervisors, following guidance from the occupational therapist",
        "Midday supervisors who have been shown what to do by the occupational therapist will "
        "help Rafael to cut up and eat his food with his adapted knife and fork {q}.",
        "at lunch each day",
        "when they are able to",
    ),
    Pair(
        OT,
        "Build rest breaks in a quiet space into her timetable to manage fatigue",
        "twice a day, mid-morning and mid-afternoon, of 10 minutes each",
        "the class teacher",
        "Because Poppy tires quickly, her class teacher will timetable a rest for her in a "
        "quiet room {q}.",
        "for ten minutes in the middle of the morning and again in the middle of the afternoon",
        "if she appears tired",
    ),
    Pair(
        OT,
        "Adapt PE with differentiated equipment such as larger balls and lower targets, and "
        "pre-teach new motor skills",
        "in a 10-minute session before each weekly PE lesson",
        "the PE teacher, with advice from the occupational therapist",
        "Advised by the occupational therapist, the PE teacher will adapt equipment for Zac, "
        "for example bigger balls and lower targets, and will go over new movements with him "
        "{q} so that he can join in with his class.",
        "for ten minutes ahead of every weekly PE lesson",
        "beforehand when possible",
    ),
)

BLIND_PLAN_ONLY: tuple[tuple[str, str], ...] = (
    (
        "F",
        "Sam will have access to a quiet room at lunchtime with a choice of calm activities, "
        "supervised by a lunchtime supervisor.",
    ),
    (
        "F",
        "A playground buddy scheme will give Kai a trained older pupil to play alongside at "
        "morning break twice a week.",
    ),
    (
        "F",
        "The class teacher will share ideas for talking and reading together at home with "
        "Nadia's parents at a termly meeting.",
    ),
    (
        "G",
        "The community paediatrician will review Lucas's sleep and medication every six months.",
    ),
    (
        "G",
        "The physiotherapist will provide a stretching programme for Ava's tight calf muscles, "
        "carried out by her parents at home each evening.",
    ),
    (
        "G",
        "The school nurse will write and review an individual healthcare plan for Jamal's "
        "asthma, and will train staff to help him use his inhaler.",
    ),
    (
        "H1",
        "Amir's family will receive short breaks of one overnight stay a month at a local "
        "residential respite unit.",
    ),
    (
        "H2",
        "A support worker will take Ellie swimming at the local leisure centre for two hours "
        "each Saturday.",
    ),
)
