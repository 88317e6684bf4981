"""Pairs of advice and plan wording written blind to the tracer, after its settings were chosen.

Reported on once as the blind test; its watered-down findings were then read and used to change
how amounts are compared, so it is no longer blind (``advice_pairs_blind`` is). Two pairs whose
recommendation the blind set also happened to write were dropped, so no split shares a pair.
All names and content are invented; no real child is described."""

from __future__ import annotations

from .advice_content import EP, OT, SLT, Pair

FRESH2: tuple[Pair, ...] = (
    # Educational psychology
    Pair(
        EP,
        "Deliver a systematic synthetic phonics programme in a small group",
        "for 20 minutes, four times a week",
        "a trained teaching assistant",
        "Kofi will work on letter sounds and blending with three or four other pupils {q}, so "
        "that he can read unfamiliar words on his own.",
        "on four days a week, twenty minutes each time",
        "when staffing allows",
    ),
    Pair(
        EP,
        "Use a structured, multisensory maths intervention focusing on number bonds and place "
        "value",
        "three times weekly for 30 minutes over two terms",
        "a teaching assistant supervised by the maths lead",
        "Priya will be taught number facts and the value of digits using practical apparatus such "
        "as counters and base-ten blocks {q}, overseen by the maths lead.",
        "in half-hour sessions three times a week for two terms",
        "as part of ongoing support",
    ),
    Pair(
        EP,
        "Break tasks into short chunks with a visual checklist and planned movement breaks",
        "every 10 to 15 minutes during lessons",
        "the class teacher",
        "Staff will give Reuben one step of a task at a time, ticked off on a picture list, and a "
        "chance to get up and move {q}, so that he can keep his attention on his work.",
        "after each 10-15 minute stretch of lesson time",
        "when he appears restless",
    ),
    Pair(
        EP,
        "Teach explicit memory strategies such as chunking, rehearsal and visualisation",
        "in two 15-minute sessions per week for 10 weeks",
        "a teaching assistant",
        "Mia will be shown ways to hold information in mind, including grouping items, repeating "
        "them to herself and picturing them, {q}.",
        "twice weekly for ten weeks, each session lasting a quarter of an hour",
        "at times",
    ),
    Pair(
        EP,
        "Implement the Zones of Regulation approach to help the pupil identify feelings and choose "
        "calming strategies",
        "in a weekly 30-minute session, with a daily check-in at the start of the day",
        "a named key adult",
        "A key adult will help Tomasz to recognise how he is feeling and to pick something that "
        "calms him, meeting him {q}.",
        "for half an hour once a week and checking in with him every morning on arrival",
        "when he is dysregulated",
    ),
    Pair(
        EP,
        "Offer individual sessions with an Emotional Literacy Support Assistant (ELSA)",
        "weekly for 45 minutes over one term",
        "the school's trained ELSA",
        "Grace will meet the school's ELSA on her own {q} to build her understanding of her own "
        "emotions and those of others.",
        "once a week for three-quarters of an hour throughout a term",
        "where appropriate",
    ),
    Pair(
        EP,
        "Run a structured social skills group focused on turn-taking, joining in and repairing "
        "friendships",
        "once weekly for 40 minutes for 12 weeks",
        "the SENCo or an experienced teaching assistant",
        "So that Ellis can join in games and sort out fall-outs with classmates, he will be part "
        "of a small friendship group {q}, led by the SENCo or an experienced teaching assistant.",
        "that meets for 40 minutes each week over twelve weeks",
        "that runs from time to time",
    ),
    Pair(
        EP,
        "Use precision teaching to build fluent recognition of high-frequency words",
        "daily for 5 to 10 minutes",
        "a familiar adult",
        "Precision teaching will be used {q} to build Ayesha's fluent recognition of "
        "high-frequency words, with her scores charted to show progress.",
        "every school day for between five and ten minutes",
        "when time allows",
    ),
    Pair(
        EP,
        "Give the pupil a classroom job and other chances to take responsibility and succeed",
        "every day",
        "the class teacher",
        "Josiah will be given a role he can do well, like handing out books or looking after the "
        "class plant, {q} so that his confidence grows.",
        "each school day",
        "where possible",
    ),
    Pair(
        EP,
        "Deliver a CBT-informed programme for managing anxiety",
        "in eight weekly sessions of 45 minutes",
        "an assistant psychologist or trained pastoral worker",
        "Lily will learn to notice worried thoughts and to try out ways of challenging them, "
        "through a course based on cognitive behavioural principles {q}, led by a pastoral "
        "worker with suitable training.",
        "made up of eight 45-minute sessions, one a week",
        "with access to support as required",
    ),
    Pair(
        EP,
        "Apply for access arrangements of 25% extra time and a separate room",
        "for all internal tests and external examinations",
        "the exams officer and SENCo",
        "Oscar will sit {q} in a smaller, quiet room with an additional quarter of the usual time, "
        "arranged by the exams officer.",
        "every school test and public exam",
        "some assessments",
    ),
    Pair(
        EP,
        "Plan an enhanced transition to secondary school with a photo book of the new school and "
        "visits to it",
        "on at least six occasions during the summer term",
        "the Year 6 teacher and the secondary SENCo",
        "Before moving up to secondary school, Harvey will make {q} to his new school and be given "
        "a booklet of photographs of key staff and rooms, planned jointly by both schools.",
        "six or more visits in the summer term",
        "additional visits",
    ),
    # Speech and language therapy
    Pair(
        SLT,
        "Pre-teach topic vocabulary using word maps linking sound, meaning and category",
        "three times a week for 15 minutes",
        "a teaching assistant following the therapist's programme",
        "Before each new topic, Nia will be introduced to its key words, exploring how they sound, "
        "what they mean and what group they belong to, {q}.",
        "in three quarter-hour slots a week",
        "regularly",
    ),
    Pair(
        SLT,
        "Deliver a narrative intervention using story grammar markers (who, where, when, what "
        "happened)",
        "twice weekly in 30-minute group sessions for one term",
        "a trained teaching assistant",
        "Ibrahim will learn to organise his retelling of events and stories, using picture prompts "
        "for the characters, the setting and what happened, in a small group {q}.",
        "for half an hour, two times a week, over a term",
        "in some sessions",
    ),
    Pair(
        SLT,
        "Run an attention and listening group based on whole-body listening",
        "daily for 10 minutes in the first half term, then three times a week",
        "",
        "Freya will practise sitting still, looking at the speaker and waiting for her turn in a "
        "small 'good listening' group {q}.",
        "every day for ten minutes for the first half-term, dropping to three days a week after "
        "that",
        "on an ongoing basis",
    ),
    Pair(
        SLT,
        "Facilitate a social communication group targeting conversation skills such as topic "
        "maintenance",
        "weekly for 45 minutes",
        "the speech and language therapist jointly with school staff",
        "To help him keep a conversation going and stay on the subject with classmates, Alfie "
        "will attend a group run by the therapist and a member of staff {q}.",
        "for 45 minutes every week",
        "at times",
    ),
    Pair(
        SLT,
        "Model the use of a core vocabulary communication book across the day (aided language "
        "stimulation)",
        "in every lesson and at break and lunchtime",
        "all staff working with the pupil",
        "Adults will point to the symbols in Zara's communication book as they talk to her, {q}, "
        "so that she sees how to use it to say what she wants.",
        "throughout each lesson as well as during breaks and lunch",
        "when appropriate",
    ),
    Pair(
        SLT,
        "Introduce the Picture Exchange Communication System (PECS), working through phases 1 to 3",
        "in daily 10-minute teaching sessions and at every snack time",
        "a teaching assistant trained in PECS",
        "Leo will be taught to hand over a picture to ask for things he wants, then to choose "
        "between pictures and to go to an adult to make his request, {q}.",
        "with ten minutes of teaching each day and at each snack time",
        "when opportunities arise",
    ),
    Pair(
        SLT,
        "Provide direct therapy for stammering using a fluency-shaping approach",
        "in six sessions of 45 minutes, every other week",
        "a specialist speech and language therapist",
        "Dev will receive {q} with a specialist therapist to help him speak more smoothly and feel "
        "confident talking in class.",
        "six fortnightly 45-minute sessions",
        "some sessions",
    ),
    Pair(
        SLT,
        "Teach comprehension monitoring so the pupil recognises when they have not understood and "
        "asks for help",
        "in 20-minute sessions twice a week for eight weeks",
        "a teaching assistant",
        "Sophie will be helped to notice when she has lost track of what was said and to use "
        "phrases such as 'Can you say that again?' {q}.",
        "twice a week, 20 minutes at a time, across eight weeks",
        "as needed",
    ),
    Pair(
        SLT,
        "Use Colourful Semantics to build sentence structure (who, what doing, what, where)",
        "three times weekly for 20 minutes",
        "a teaching assistant trained by the therapist",
        "Kai will build longer spoken and written sentences with colour-coded question cards {q}.",
        "in three 20-minute sessions each week",
        "regularly",
    ),
    Pair(
        SLT,
        "Deliver Attention Autism ('bucket time') sessions, progressing through the stages",
        "every day for 15 minutes",
        "two adults",
        "Ruby will take part in a group where an adult shares exciting objects from a bucket to "
        "build shared attention, {q}, run by two members of staff.",
        "for a quarter of an hour daily",
        "as part of the curriculum",
    ),
    Pair(
        SLT,
        "Arrange training for all staff on adapting their language for pupils with language "
        "disorder",
        "in one two-hour twilight session, with a refresher each September",
        "the speech and language therapist",
        "Everyone who teaches Amir will be trained by the therapist to simplify and break up their "
        "instructions {q}.",
        "in a two-hour after-school session, repeated briefly at the start of each school year",
        "as appropriate",
    ),
    # Occupational therapy
    Pair(
        OT,
        "Follow a structured handwriting programme focusing on letter formation and consistent "
        "sizing",
        "for 15 minutes, five times a week",
        "a teaching assistant",
        "Sam will follow a structured handwriting programme on letter formation and keeping his "
        "letters a consistent size {q}, so that his written work is easier to read.",
        "in a 15-minute slot every school day",
        "when time permits",
    ),
    Pair(
        OT,
        "Build hand strength and finger dexterity through threading, pegboards and therapy putty",
        "daily, for 10 minutes before writing tasks",
        "a teaching assistant",
        "Ella will do a short hand 'warm-up' with putty, pegs and beads {q}.",
        "for ten minutes each day ahead of writing",
        "at times",
    ),
    Pair(
        OT,
        "Provide a sensory diet of proprioceptive activities",
        "for 5 minutes every hour",
        "staff trained by the occupational therapist",
        "Maya will be given jobs that involve pushing, pulling and carrying, like taking the heavy "
        "book box to the library, {q}, to help her stay calm and alert.",
        "for five minutes in each hour of the day",
        "when needed",
    ),
    Pair(
        OT,
        "Allow use of a quiet, low-sensory space with ear defenders",
        "for a 10-minute break mid-morning and mid-afternoon, and on request",
        "",
        "Noah will have a calm area away from noise and bright light, with headphones that block "
        "out sound, {q}.",
        "for two ten-minute breaks a day, one in the morning and one in the afternoon, and "
        "whenever he asks",
        "with access where possible",
    ),
    Pair(
        OT,
        "Teach dressing skills using backward chaining, starting with coat and shoes",
        "in 10-minute practice sessions three times a week and at each home time",
        "a familiar adult",
        "Isla will be taught to put on her coat and shoes herself, with the adult doing every step "
        "but the last and then gradually fewer, {q}.",
        "three times a week for ten minutes, and again whenever she gets ready to go home",
        "as required",
    ),
    Pair(
        OT,
        "Follow an individual toileting plan using a visual sequence and timed toilet visits",
        "every 90 minutes",
        "two trained members of staff",
        "Jude will be taken to the toilet {q} and shown a picture strip of each step, so that he "
        "becomes more independent in his personal care.",
        "every hour and a half at planned times",
        "at intervals",
    ),
    Pair(
        OT,
        "Supply a wedge cushion, writing slope and footrest for seated work",
        "in every lesson",
        "the class teacher, with a termly review by the occupational therapist",
        "Ava will sit on an angled cushion, with a sloping board to write on and her feet "
        "resting on a block, {q}.",
        "in all of her lessons",
        "when available",
    ),
    Pair(
        OT,
        "Teach touch-typing using an online programme",
        "for 20 minutes four times a week for a term",
        "",
        "So that he can use a laptop for longer pieces of writing, Ben will learn to type with all "
        "his fingers without looking at the keys, through a computer-based course, {q}.",
        "in four 20-minute sessions per week across one term",
        "when possible",
    ),
    Pair(
        OT,
        "Develop scissor skills using loop scissors and graded cutting tasks",
        "twice a week for 15 minutes",
        "a teaching assistant",
        "Hana will practise cutting along straight and then curved lines with self-opening "
        "scissors {q}.",
        "in two quarter-hour sessions per week",
        "at times",
    ),
    Pair(
        OT,
        "Practise using a knife and fork with adapted cutlery",
        "every lunchtime",
        "the midday supervisor",
        "Theo will be supported by a lunchtime supervisor to cut up his own food using "
        "chunky-handled utensils {q}.",
        "at each school lunch",
        "as appropriate",
    ),
    Pair(
        OT,
        "Pre-teach new movement sequences in PE step by step, with demonstration and spoken cues, "
        "and adapt equipment",
        "in a 15-minute session before each new PE unit",
        "the PE teacher",
        "The school will arrange for Leah to be shown the key movements of each new PE topic "
        "one step at a time {q}, and she will be offered larger, softer balls and lower targets.",
        "in a quarter-hour session before her class begins it",
        "as needed",
    ),
)

FRESH2_PLAN_ONLY: tuple[tuple[str, str], ...] = (
    (
        "F",
        "Aisha will read with an older pupil in a paired reading scheme for 15 minutes, three "
        "mornings a week.",
    ),
    (
        "F",
        "The school will offer a place at homework club on two afternoons a week so that homework "
        "can be completed with an adult on hand.",
    ),
    (
        "F",
        "A laptop with spell-checking and word prediction software will be available for "
        "extended written tasks.",
    ),
    (
        "G",
        "The audiology service will review hearing once a year and share the results with school.",
    ),
    (
        "G",
        "The community paediatrician will review sleep and medication every six months.",
    ),
    (
        "G",
        "The children's physiotherapy service will check the fit of the ankle splints each term.",
    ),
    (
        "H1",
        "Two hours a week of short breaks at a local inclusive youth club, giving the family "
        "some respite.",
    ),
    (
        "H2",
        "A social worker from the disabled children's team will complete an assessment of the "
        "family's needs, including a carer's assessment for the parents.",
    ),
)
