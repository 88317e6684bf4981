"""A blind evaluation set of recommendations and their plan rewordings, used only to report the
tracer's accuracy.

Written without reading the tracer, its word lists or the other pair sets.
All names and content are invented; no real child is described.
"""

from __future__ import annotations

from .advice_content import EP, OT, SLT, Pair

BLIND4: tuple[Pair, ...] = (
    # ---------------------------------------------------------------- educational psychology
    Pair(
        EP,
        "Provide a structured, cumulative phonics programme such as Read Write Inc. Fresh Start",
        "in a group of no more than four pupils, for 30 minutes, four times a week",
        "a trained teaching assistant",
        "Dawid will work through Fresh Start, a systematic step-by-step phonics course, with a "
        "TA who has been trained to deliver it, {q}.",
        "four times weekly in half-hour sessions, with up to three other children",
        "in a small group",
    ),
    Pair(
        EP,
        "Use Precision Teaching to build fluent recall of number bonds to 10 and 20",
        "for 10 minutes daily",
        "a teaching assistant",
        "A learning support assistant will give Isla short timed practice on her number bonds "
        "to ten and twenty, charting how many she answers correctly in a minute so that the "
        "next step can be set, {q}.",
        "every day, for ten minutes each time",
        "when time allows",
    ),
    Pair(
        EP,
        "Directly teach memory strategies such as verbal rehearsal, chunking and visualisation",
        "in a weekly 20-minute session for one term",
        "the SENCo",
        "The SENCo will show Tobias ways of holding information in his head, such as saying it "
        "over to himself, splitting it into smaller parts and making a picture of it in his "
        "mind, {q}, so that he can use them in lessons.",
        "for twenty minutes once a week over a term",
        "over the year",
    ),
    Pair(
        EP,
        "Allow the pupil short, planned movement breaks",
        "of 3 to 5 minutes after every 15 to 20 minutes of focused seated work",
        "class staff",
        "Adults in Kai's classroom will build brief active breaks into his day, {q}, so that "
        "he comes back to his work ready to concentrate.",
        "each lasting three to five minutes and coming after each 15-20 minutes of "
        "concentrated work",
        "when he appears restless",
    ),
    Pair(
        EP,
        "Deliver individual cognitive behavioural work for anxiety, based on a programme such "
        "as 'Think Good, Feel Good'",
        "in weekly 45-minute sessions over 10 weeks",
        "the school counsellor",
        "To understand how my worries work and to practise facing the things that frighten me "
        "a little at a time, I will meet the school counsellor on my own {q}, using an approach "
        "based on CBT.",
        "for three-quarters of an hour each week for ten weeks",
        "if I need to",
    ),
    Pair(
        EP,
        "Provide Emotional Literacy Support (ELSA) sessions focused on recognising and naming "
        "feelings and using calming strategies",
        "for 30 minutes once a week over a block of 8 weeks",
        "a trained ELSA",
        "Jago will have one-to-one sessions with the school's trained Emotional Literacy "
        "Support Assistant {q}, learning to notice and put names to his feelings and to use "
        "ways of calming himself down.",
        "weekly for eight weeks, half an hour each time",
        "at times",
    ),
    Pair(
        EP,
        "Identify a key adult to meet the pupil on arrival to check in on mood and preview the "
        "day's timetable",
        "for 10 minutes every morning",
        "a named key adult",
        "A named key adult will greet Priya when she gets to school and spend {q} talking "
        "through how she is feeling and what her day holds.",
        "ten minutes with her at the start of each day",
        "some time with her",
    ),
    Pair(
        EP,
        "Provide training for all staff on attachment and trauma-informed practice",
        "as a half-day session in the autumn term, with a 1-hour follow-up in the spring term",
        "the educational psychologist",
        "The EP will train every member of staff who works with Lewis in attachment-aware, "
        "trauma-informed ways of working, {q}.",
        "through a half-day session in the autumn term and an hour-long follow-up in the "
        "spring term",
        "during the year",
    ),
    Pair(
        EP,
        "Teach place value and calculation using concrete apparatus such as Dienes and "
        "place-value counters before moving on to pictorial and abstract methods",
        "in a group of up to three, for 20 minutes, three times a week",
        "a teaching assistant",
        "Fatima will learn about place value and how to calculate by handling Dienes blocks and "
        "counters first, then drawings, and only then written numbers, taught by a TA {q}.",
        "three times each week for twenty minutes, with no more than two other pupils",
        "in a small group when possible",
    ),
    Pair(
        EP,
        "Teach reading comprehension through reciprocal reading, with explicit teaching of "
        "predicting, clarifying, questioning and summarising",
        "in a group of four, twice weekly for 30 minutes",
        "the class teacher",
        "Noah's class teacher will lead reading sessions in which the pupils take turns to "
        "guess what will happen next, clear up words they do not understand, ask questions "
        "about the text and sum it up, {q}.",
        "twice a week for half an hour, with Noah and three other pupils",
        "as part of guided reading",
    ),
    Pair(
        EP,
        "Review progress against the targets in the individual learning plan at a meeting with "
        "parents",
        "once each term",
        "the SENCo",
        "Ella's parents will meet the SENCo {q} to look at how she is getting on with the "
        "targets in her support plan.",
        "termly",
        "from time to time",
    ),
    Pair(
        EP,
        "Set up a Circle of Friends to build peer support for the pupil",
        "in weekly 30-minute meetings over six weeks",
        "",
        "A small group of Aaron's classmates will meet with him as his Circle of Friends {q}, "
        "agreeing ways to include him and look out for him at playtimes.",
        "each week for half an hour, across six weeks",
        "over the term",
    ),
    # ---------------------------------------------------------------- speech and language therapy
    Pair(
        SLT,
        "Pre-teach new topic vocabulary using a word map covering meaning, sound structure and "
        "use in sentences",
        "in three 15-minute sessions each week",
        "a teaching assistant",
        "Before each new topic, Rosa's TA will go through the key words with her, exploring "
        "what each one means, how it sounds and how to use it in a sentence, {q}.",
        "for fifteen minutes, three times weekly",
        "where possible",
    ),
    Pair(
        SLT,
        "Deliver a narrative intervention using story grammar cards (who, where, when, what "
        "happened, feelings, ending) to help the pupil structure retelling",
        "in a group of three, for 30 minutes twice a week over 12 weeks",
        "a teaching assistant trained by the speech and language therapist",
        "A TA trained by the SaLT will help Marcus plan and retell stories using picture "
        "prompts for the characters, the setting, the time, the events, how people felt and "
        "the ending, {q}.",
        "twice weekly in 30-minute sessions with two other children, for twelve weeks",
        "in a small group",
    ),
    Pair(
        SLT,
        "Carry out a speech sound programme set by the speech and language therapist, "
        "targeting /k/ and /g/ at the beginning of words",
        "for 10 minutes, five times a week",
        "a teaching assistant",
        "Oliver will practise saying 'k' and 'g' at the start of words with his learning "
        "support assistant {q}, following the activities his SaLT has planned.",
        "every school day for ten minutes",
        "when there is time",
    ),
    Pair(
        SLT,
        "Provide direct therapy to develop understanding of sentences containing concepts such "
        "as 'before', 'after' and 'unless'",
        "in a block of six weekly 45-minute sessions each term",
        "a speech and language therapist",
        "Hana will have one-to-one sessions with a speech and language therapist {q}, working "
        "on understanding sentences that use words such as 'before', 'after' and 'unless'.",
        "once a week for 45 minutes, in a six-week block every term",
        "as the service is able to offer them",
    ),
    Pair(
        SLT,
        "Provide a low-tech communication book with core vocabulary and model its use through "
        "aided language modelling",
        "in at least three planned activities every day",
        "all staff working with the pupil",
        "Ruby will have a core-vocabulary communication book, and every adult who works with "
        "her will point to symbols in it as they talk to her, showing her how to use it, {q}.",
        "during no fewer than three planned activities daily",
        "when appropriate",
    ),
    Pair(
        SLT,
        "Train the class staff in Makaton at Foundation level",
        "on a two-day course during the first term",
        "a licensed Makaton tutor",
        "Leon's class teacher and TA will complete Makaton Foundation training with a licensed "
        "Makaton tutor {q}.",
        "within the first term, over two days",
        "at some point",
    ),
    Pair(
        SLT,
        "Meet the pupil and his teachers to agree and review a stammering support plan "
        "(covering how adults respond when he stammers and how reading aloud is managed)",
        "once each term",
        "the speech and language therapist",
        "My SaLT will meet me and my teachers {q} so that we can agree, and keep up to date, "
        "how they respond when I stammer and what I want to happen about reading aloud in "
        "class.",
        "every term",
        "if there are any worries",
    ),
    Pair(
        SLT,
        "Run an attention and listening group using games that practise waiting, looking at "
        "the speaker and listening for a signal",
        "for 20 minutes three times a week, in a group of no more than six",
        "a teaching assistant",
        "Freddie will take part in a TA-led listening group {q}, playing games in which the "
        "children wait for their turn, watch whoever is talking and respond when they hear a "
        "sound cue.",
        "with up to five other children, three times weekly for twenty minutes",
        "regularly",
    ),
    Pair(
        SLT,
        "Run LEGO-based therapy, in which pupils take the roles of engineer, supplier and "
        "builder to practise joint attention, turn-taking and shared problem solving",
        "weekly for 45 minutes, in a group of three",
        "a trained teaching assistant",
        "Ahmed will build LEGO models {q}, taking turns to be the one who gives instructions, "
        "the one who finds the bricks and the one who builds, so that he practises sharing "
        "attention and solving problems with others, in sessions led by a trained TA.",
        "each week for three-quarters of an hour, with two other pupils",
        "with other pupils",
    ),
    Pair(
        SLT,
        "Give instructions in short chunks, in the order tasks are to be done, supported by "
        "visual cues, and check understanding by asking the pupil to say back what to do",
        "in every lesson",
        "all teaching staff",
        "Teachers and support staff will break instructions to Chloe into short steps given in "
        "the order she is to do them, back them up with pictures or gestures and ask her to "
        "tell them what she is going to do, {q}.",
        "in all lessons",
        "where possible",
    ),
    Pair(
        SLT,
        "Make programme-setting visits to model targets and strategies to school staff and "
        "update the programme",
        "once every half term, for one hour",
        "the speech and language therapist",
        "The SaLT will come into school {q} to show Mia's TA and teacher how to work on her "
        "targets and to update her therapy programme.",
        "for an hour each half term",
        "periodically",
    ),
    Pair(
        SLT,
        "Use Colourful Semantics to help the pupil build sentences with a subject, verb and object",
        "for 15 minutes, four times a week",
        "",
        "Zara will practise putting sentences together with colour-coded cards for 'who', "
        "'what doing' and 'what', {q}.",
        "on four days each week, for a quarter of an hour",
        "as part of literacy lessons",
    ),
    # ---------------------------------------------------------------- occupational therapy
    Pair(
        OT,
        "Follow a handwriting programme focusing on formation of the anticlockwise letter "
        "family and on consistent letter size",
        "for 15 minutes, four times a week",
        "a teaching assistant",
        "Kian will practise forming round letters such as c, a, d, o and g correctly and "
        "keeping his letters the same size, working through a handwriting programme with a TA "
        "{q}.",
        "in quarter-hour sessions on four days a week",
        "when possible",
    ),
    Pair(
        OT,
        "Run a fine motor group in which activities such as putty, tweezers and threading "
        "strengthen hand and finger muscles",
        "three times weekly for 20 minutes, in a group of no more than five",
        "a teaching assistant",
        "Sofia will do activities to make her hands and fingers stronger, such as squeezing "
        "and rolling putty, picking things up with tweezers and threading beads, {q}, led by a "
        "TA.",
        "for twenty minutes three times a week, with at most four other pupils",
        "in a small group",
    ),
    Pair(
        OT,
        "Deliver a motor skills programme working on balance, ball skills and coordination",
        "in a group of up to six, for 30 minutes twice a week over one term",
        "a teaching assistant trained by the occupational therapist",
        "A TA trained by the OT will lead a movement group for Ben, working on his balance, "
        "catching and throwing and the coordination of his body, {q}.",
        "twice weekly in half-hour sessions for a term, with no more than six children",
        "when the hall is free",
    ),
    Pair(
        OT,
        "Provide a sensory diet of planned calming and alerting activities, such as heavy work "
        "and deep pressure, at set points in the day",
        "for 5 to 10 minutes, at least four times a day",
        "a teaching assistant",
        "Evie's TA will take her through short calming and alerting activities, such as "
        "carrying a box of books, wall push-ups and firm pressure, at planned times {q}.",
        "no fewer than four times daily, for five to ten minutes each time",
        "throughout the day",
    ),
    Pair(
        OT,
        "Provide a height-adjustable chair and table, with a footrest, so that the pupil sits "
        "with feet flat and hips and knees at right angles, and check that the set-up still "
        "fits her",
        "every half term",
        "the occupational therapist",
        "Layla will have a chair and desk that can be raised or lowered and a footrest, so she "
        "can sit well supported with her feet flat; the OT will check that they still fit her "
        "{q}.",
        "once each half term",
        "from time to time",
    ),
    Pair(
        OT,
        "Teach dressing and undressing for PE using backward chaining and a picture sequence",
        "at every PE lesson, allowing an extra 10 minutes for changing",
        "a teaching assistant",
        "Tyler's TA will teach him to get changed for PE by doing the first steps for him and "
        "leaving the last one for him to finish alone, handing over one more step at a time, "
        "with pictures to follow, {q}.",
        "each time he has PE, with ten minutes' extra time to change",
        "when time allows",
    ),
    Pair(
        OT,
        "Support the pupil to use adapted cutlery and a non-slip mat at lunchtime, with an "
        "adult modelling how to cut food",
        "every lunchtime, for the first 15 minutes of the meal",
        "a midday supervisor",
        "Daniel will use the adapted knife and fork and the non-slip mat chosen for him, and a "
        "lunchtime supervisor will sit with him {q} to show him how to cut up his food.",
        "for the first quarter of an hour of lunch each day",
        "if he asks for help",
    ),
    Pair(
        OT,
        "Teach touch-typing using a structured online programme such as Touch-type Read and Spell",
        "for 20 minutes, three times a week, until a speed of 25 words per minute is reached",
        "a teaching assistant",
        "I will learn to type without looking at the keys on the Touch-type Read and Spell "
        "course, with a TA supporting me, {q}.",
        "in three twenty-minute sessions a week until I can type 25 words a minute",
        "in school",
    ),
    Pair(
        OT,
        "Provide a visual checklist for packing the school bag and a colour-coded timetable, "
        "and practise using them with an adult",
        "for 5 minutes at the end of each school day",
        "a teaching assistant",
        "My TA will go through my colour-coded timetable and my bag-packing checklist with me "
        "{q}, so that I get into the habit of organising myself.",
        "for five minutes before I go home each afternoon",
        "when I forget things",
    ),
    Pair(
        OT,
        "Provide direct occupational therapy to develop bilateral coordination and scissor skills",
        "in six weekly 45-minute sessions, followed by a review",
        "an occupational therapist",
        "Grace will see an OT {q}, working on using both hands together and on cutting with "
        "scissors.",
        "once a week for six weeks, for 45 minutes each time, with a review at the end",
        "for a block of sessions",
    ),
    Pair(
        OT,
        "Train the staff who support the pupil to recognise early signs of sensory overload "
        "and respond with the agreed strategies",
        "in a 90-minute session at the start of each academic year",
        "the occupational therapist",
        "The OT will train Jasmine's class team in noticing when she is becoming overwhelmed "
        "by noise, touch or movement and in what to do to help her, {q}.",
        "at the beginning of every school year, in a session lasting an hour and a half",
        "as required",
    ),
    Pair(
        OT,
        "Follow a timed toileting routine with a picture sequence for the steps of using the "
        "toilet and washing hands, prompting the pupil to go",
        "every 90 minutes through the school day",
        "a named teaching assistant",
        "Ollie's named TA will remind him to go to the toilet {q}, and he will follow a "
        "sequence of pictures showing each step, including washing his hands.",
        "once every hour and a half during the school day",
        "as needed",
    ),
)

BLIND4_PLAN_ONLY: tuple[tuple[str, str], ...] = (
    (
        "F",
        "A qualified Teacher of the Deaf will visit Nadia in school twice each half term to "
        "check that her hearing aids and radio aid are working and to advise staff on keeping "
        "background noise low in her classroom.",
    ),
    (
        "F",
        "Callum will have 25% extra time and a reader in all internal and public examinations; "
        "the school's specialist assessor will confirm these arrangements in the autumn term of "
        "Year 10.",
    ),
    (
        "F",
        "From Year 9, Maya will have a one-to-one guidance interview with an independent "
        "careers adviser every year, and the adviser will attend her annual review to help "
        "plan her next steps after Year 11.",
    ),
    (
        "F",
        "Before he moves to secondary school, Reuben will make three extra visits to his new "
        "school in the summer term with his current TA, and will be given a photo book of the "
        "staff and rooms he will use.",
    ),
    (
        "G",
        "A paediatric physiotherapist will review Amelia's stretching programme every six "
        "months and will show her TA how to carry out her daily calf and hamstring stretches.",
    ),
    (
        "G",
        "The school nursing team will write an individual healthcare plan for Theo's epilepsy "
        "and train the staff who support him to give his emergency medication, renewing this "
        "training every year.",
    ),
    (
        "H1",
        "Joshua will have six hours a week of support from a personal assistant, funded "
        "through a direct payment, so that he can attend a youth club and go swimming in his "
        "local community.",
    ),
    (
        "H2",
        "Sami's family will have overnight short breaks at a local residential unit for two "
        "nights each month, arranged by his social worker, to give his parents a rest from "
        "caring.",
    ),
)
