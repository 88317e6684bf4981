"""Pairs of advice and plan wording used only to choose the tracer's settings.

Each plan sentence rewords the advice the way a caseworker might; all content is invented.
"""

from __future__ import annotations

from qa_audit.synthetic.advice_content import EP, OT, SLT, Pair

TUNE: tuple[Pair, ...] = (
    # Educational psychology
    Pair(
        EP,
        "Use concrete apparatus such as base-ten blocks and place value counters to teach "
        "place value in a small group",
        "for 25 minutes, four times a week",
        "a teaching assistant supervised by the maths lead",
        "Working in a small group, Amir will be taught tens and ones with practical "
        "equipment {q} by a TA under the direction of the maths subject leader.",
        "four times weekly in 25-minute sessions",
        "where appropriate",
    ),
    Pair(
        EP,
        "Provide working memory support through explicit teaching of chunking and "
        "dual-coding strategies",
        "for 15 minutes, twice a week",
        "the SENCo",
        "The SENCo will show Lily ways to hold information in her head, such as breaking it "
        "into smaller bits and pairing words with pictures, {q}.",
        "in two quarter-hour sessions each week",
        "from time to time",
    ),
    Pair(
        EP,
        "Build in short movement breaks between periods of focused attention",
        "every 15 to 20 minutes",
        "",
        "Jacob will be allowed to get up and walk about {q} so that he comes back to his "
        "work ready to concentrate.",
        "after each stretch of 15 to 20 minutes of seated work",
        "if he becomes restless",
    ),
    Pair(
        EP,
        "Hold a meet-and-greet check-in to preview the day's timetable and record any worries "
        "on a worry scale",
        "daily, on arrival at school",
        "a key adult from the pastoral team",
        "A member of pastoral staff whom Maya knows well will meet her {q} to go through what "
        "is happening that day and talk about anything that is troubling her.",
        "every morning as she comes into school",
        "when she appears unsettled",
    ),
    Pair(
        EP,
        "Teach reciprocal reading strategies (predicting, clarifying, questioning and "
        "summarising) in a guided group",
        "for 30 minutes weekly",
        "a teaching assistant",
        "Oliver will take part in a TA-led reciprocal reading group {q}, practising "
        "prediction, clarification, asking questions and summing up.",
        "once a week for half an hour",
        "as timetabling allows",
    ),
    Pair(
        EP,
        "Deliver a multisensory, morphology-based spelling programme",
        "for 20 minutes, three times a week for six weeks, then reviewed",
        "a specialist dyslexia teacher",
        "A specialist SpLD teacher will teach Freya how words are built from roots, prefixes "
        "and suffixes, using sight, sound and touch together, {q}.",
        "in three 20-minute lessons a week over a six-week block, followed by a review",
        "on occasion",
    ),
    Pair(
        EP,
        "Run a structured social skills group focusing on turn-taking, joining in and "
        "repairing friendships after conflict",
        "for 40 minutes weekly over one term",
        "the ELSA",
        "The Emotional Literacy Support Assistant will lead a small group {q} where Harry can "
        "practise waiting his turn, asking to join games and making up after a falling-out.",
        "in a weekly 40-minute session across a full term",
        "when the group is running",
    ),
    Pair(
        EP,
        "Arrange mentoring to set and review personal targets",
        "fortnightly for 20 minutes",
        "a learning mentor",
        "Ruby will have a 1:1 conversation with her learning mentor {q}, agreeing small goals "
        "and looking back at how she got on.",
        "once every two weeks, lasting 20 minutes",
        "periodically",
    ),
    Pair(
        EP,
        "Use a visual timetable and a now-and-next board, going through it with the pupil",
        "at the start of each lesson",
        "classroom staff",
        "Staff in class will talk Ethan through a picture schedule showing what comes first "
        "and what follows {q}.",
        "as every lesson begins",
        "where needed",
    ),
    Pair(
        EP,
        "Allow extra processing time after instructions and check understanding by asking the "
        "pupil to repeat them back in their own words",
        "each time a whole-class instruction is given",
        "the class teacher",
        "Zara's teacher will wait longer for her to respond and ask her to say back what she "
        "has to do, {q}.",
        "whenever directions are given to the class",
        "if time allows",
    ),
    # Speech and language therapy
    Pair(
        SLT,
        "Practise production of /k/ and /g/ at single-word level following the home and "
        "school programme",
        "for 5 minutes daily",
        "a teaching assistant trained by the SLT",
        "A TA who has had training from the SaLT will go over Noah's 'k' and 'g' sounds in "
        "single words with him {q}.",
        "for five minutes every day",
        "when there is time",
    ),
    Pair(
        SLT,
        "Use indirect fluency-facilitating strategies: reduce time pressure, model a slower "
        "speech rate and avoid finishing the child's sentences",
        "throughout the school day",
        "all adults working with the child",
        "Everyone who works with Leo will give him plenty of time to talk, speak to him at a "
        "calm, unhurried pace and let him get his own words out, {q}.",
        "at all times in school",
        "where possible",
    ),
    Pair(
        SLT,
        "Model core vocabulary on the pupil's high-tech AAC device using aided language "
        "stimulation",
        "in every lesson and at unstructured times",
        "staff trained in the device",
        "Staff who have been shown how to use Sofia's communication aid will point to words "
        "on it as they speak to her {q}.",
        "across all lessons as well as at break and lunchtime",
        "when convenient",
    ),
    Pair(
        SLT,
        "Use Colourful Semantics to develop sentence structure (who, what doing, what, where)",
        "for 20 minutes, three times a week",
        "a teaching assistant",
        "Isla will work with a TA {q} on building longer sentences, using colour-coded cards "
        "for the person, the action, the object and the place.",
        "three times weekly in 20-minute sessions",
        "at times",
    ),
    Pair(
        SLT,
        "Develop understanding of instructions containing three information-carrying words "
        "using barrier games",
        "for 15 minutes, twice a week",
        "a teaching assistant following the SLT's programme",
        "Following the SaLT's plan, a TA will play listening games with George {q} in which "
        "he must follow directions with three key parts.",
        "two times a week for a quarter of an hour",
        "as required",
    ),
    Pair(
        SLT,
        "Teach topic vocabulary using word maps that explore meaning, sound structure and "
        "word associations",
        "weekly for 30 minutes",
        "the class teacher or a teaching assistant",
        "Aisha will be helped by her teacher or a TA to learn new curriculum words {q}, "
        "looking at what they mean, how they sound and what they link to.",
        "in a 30-minute weekly session",
        "occasionally",
    ),
    Pair(
        SLT,
        "Use a story-grammar framework with visual prompts to support retelling of events",
        "for 20 minutes weekly for a half-term block",
        "a speech and language therapy assistant",
        "A SaLT assistant will help Theo to tell stories and recount his weekend in order, "
        "with picture cues for who, where, what happened and how it ended, {q}.",
        "once a week for 20 minutes over a half-term",
        "as the caseload permits",
    ),
    Pair(
        SLT,
        "Run a LEGO-based therapy group to develop collaborative communication and shared "
        "problem-solving",
        "weekly for 45 minutes",
        "two trained teaching assistants",
        "Two TAs with training in the approach will run a building-brick club {q} in which "
        "Samuel has to describe, share and agree jobs with classmates to finish a model.",
        "once a week for 45 minutes",
        "when staffing allows",
    ),
    Pair(
        SLT,
        "Gain the child's attention with their name and a visual cue before giving an instruction",
        "every time",
        "",
        "Mia will hear her name and be shown a picture prompt before being told what to do, {q}.",
        "on each occasion",
        "if she seems not to be listening",
    ),
    Pair(
        SLT,
        "Deliver a phonological awareness programme covering syllable segmentation, rhyme "
        "detection and initial sound isolation",
        "for 10 minutes, four times a week",
        "a teaching assistant supervised by the class teacher",
        "Under the class teacher's oversight, a TA will play games with Kai {q} that involve "
        "clapping out the beats in words, spotting rhymes and hearing the first sound.",
        "four times a week for 10 minutes",
        "during carpet time when possible",
    ),
    # Occupational therapy
    Pair(
        OT,
        "Deliver a handwriting programme focusing on correct letter formation and consistent "
        "letter sizing",
        "for 15 minutes, three times a week",
        "a teaching assistant",
        "Lucas will practise forming letters correctly and keeping them the same size with a "
        "TA {q}.",
        "three times weekly, 15 minutes each time",
        "regularly",
    ),
    Pair(
        OT,
        "Implement a sensory diet of proprioceptive input (heavy work, wall push-ups)",
        "before lessons and after break times",
        "a key adult",
        "A named adult will give Ellie jobs such as carrying the register box, pressing "
        "against the wall and stacking chairs {q} to help her feel calm and ready to learn.",
        "at the start of each lesson and on return from playtime",
        "if she seems unsettled",
    ),
    Pair(
        OT,
        "Teach new gross motor sequences using backward chaining and verbal rehearsal",
        "for 20 minutes weekly",
        "the PE teacher, following OT guidance",
        "With advice from the OT, the PE teacher will break down new physical skills, "
        "teaching the last step first and talking each move through aloud, {q}.",
        "in a 20-minute weekly slot",
        "during PE lessons when possible",
    ),
    Pair(
        OT,
        "Practise fastening buttons and zips as part of changing for PE",
        "twice weekly",
        "a teaching assistant",
        "When getting changed for PE, Harvey will be supported by a TA to do up his own "
        "buttons and zips {q}.",
        "on two occasions a week",
        "when time allows",
    ),
    Pair(
        OT,
        "Provide a chair and table of the correct height so that feet are flat and hips, "
        "knees and ankles are at 90 degrees, with a footrest if needed",
        "for all seated work",
        "class staff",
        "Class staff will make sure Grace sits at furniture sized for her, with her feet "
        "supported and her body upright, {q}.",
        "whenever she is doing table-top tasks",
        "where suitable furniture is available",
    ),
    Pair(
        OT,
        "Provide adapted cutlery with built-up handles and a non-slip mat",
        "at every lunchtime",
        "midday supervisors",
        "Lunchtime staff will set out Jayden's thicker-handled knife and fork and a grippy "
        "mat {q}.",
        "each day at lunch",
        "if he asks for them",
    ),
    Pair(
        OT,
        "Reduce physical load through a lift pass and a second set of books kept in class, "
        "and schedule rest breaks to manage fatigue",
        "every 45 minutes",
        "the SENCo",
        "The SENCo will arrange for Poppy to pause and recover her energy {q}; she will also "
        "be able to use the lift and keep spare books in her classroom so she need not carry "
        "them.",
        "after each 45 minutes of activity",
        "as she needs",
    ),
    Pair(
        OT,
        "Carry out bilateral integration activities such as threading, paper tearing and "
        "catching a large ball",
        "for 10 minutes daily",
        "a teaching assistant",
        "Ava will do tasks with a TA {q} in which one hand holds or steadies while the other "
        "does the job, for example lacing cards, ripping paper and two-handed catching.",
        "for 10 minutes every day",
        "now and then",
    ),
    Pair(
        OT,
        "Develop in-hand manipulation and finger strength through therapy putty and peg activities",
        "for 10 minutes, three times a week for six weeks, then reviewed by the OT",
        "a teaching assistant using the OT programme",
        "Using the therapy plan from the OT, a TA will help Finn make his fingers stronger "
        "and more nimble with dough and clothes-peg games {q}.",
        "in 10-minute sessions three times weekly for six weeks, with an OT review at the end",
        "on occasion",
    ),
    Pair(
        OT,
        "Teach touch-typing using a structured online programme",
        "for 15 minutes, four times a week",
        "",
        "Oscar will learn to type with all his fingers without looking at the keys, following "
        "a step-by-step computer course {q}.",
        "four times a week for a quarter of an hour",
        "when a laptop is free",
    ),
)

TUNE_PLAN_ONLY: tuple[tuple[str, str], ...] = (
    (
        "H2",
        "Home-to-school transport will be provided by the local authority in a shared "
        "minibus with a passenger assistant, every school day, morning and afternoon.",
    ),
    (
        "G",
        "A paediatric dietitian will review Kian's weight, growth and food diary once a term "
        "and share updated advice with home and school.",
    ),
    (
        "H1",
        "A personal assistant funded through a direct payment will support Ella to attend a "
        "Saturday swimming club for three hours every week.",
    ),
    (
        "G",
        "The school nurse will review the epilepsy care plan with parents every six months "
        "and train staff who give rescue medication once a year.",
    ),
    (
        "H2",
        "The family will receive overnight short breaks at a local residential unit, staffed "
        "by trained care workers, for two nights each month.",
    ),
    (
        "G",
        "An audiologist from the children's hearing service will check Daniel's hearing aids "
        "and retest his hearing every four months.",
    ),
    (
        "F",
        "A physiotherapy assistant will carry out Isaac's calf-stretching programme for 15 "
        "minutes, three times a week, following the physiotherapist's plan.",
    ),
    (
        "H2",
        "A youth worker will accompany Rhys to an inclusive after-school drama group once a "
        "week during term time.",
    ),
)
