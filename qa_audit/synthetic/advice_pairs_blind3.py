"""An evaluation set of recommendations and their plan rewordings, written blind.

Written without reading the tracer, its word lists or the other pair sets. Its figures (never its
errors) later helped choose the tracer's threshold, so it is no longer a blind test.
All names and content are invented; no real child is described.
"""

from __future__ import annotations

from .advice_content import EP, OT, SLT, Pair

BLIND3: tuple[Pair, ...] = (
    # ---------------------------------------------------------------- educational psychology
    Pair(
        EP,
        "Deliver a systematic synthetic phonics catch-up programme, practising the blending and "
        "segmenting of CVC and CCVC words,",
        "for 20 minutes, four times a week, in a group of no more than three pupils",
        "a teaching assistant trained in the programme",
        "In a phonics catch-up group run by a TA who has been trained in the programme, Ellis will "
        "be taught {q}. The sessions will practise pushing sounds together to read short words "
        "and breaking words, including those that begin with two consonants, into their sounds.",
        "alongside no more than two other pupils, four times weekly in twenty-minute sessions",
        "when staff are available",
    ),
    Pair(
        EP,
        "Use precision teaching to build fluent recall of number bonds to 10 and then to 20, "
        "finishing each session with a one-minute timed probe and charting the score,",
        "daily for 10 minutes",
        "a teaching assistant",
        "A TA will work with Amara {q} on quick recall of the pairs of numbers that make 10, and "
        "later 20. At the end of each session she will be timed for one minute and her score "
        "plotted on a chart, so that she can see herself getting faster.",
        "for ten minutes every school day",
        "when time allows",
    ),
    Pair(
        EP,
        "Explicitly teach working memory strategies, such as rehearsing instructions aloud, "
        "chunking information and making a mental picture, and help the pupil apply them to "
        "class tasks,",
        "in two 15-minute sessions each week for a block of ten weeks",
        "the SENCo",
        "I will meet the SENCo {q}. In these sessions I will learn ways of holding on to things I "
        "need to remember, like saying instructions over to myself, splitting information into "
        "smaller bits and picturing it in my head, and then try them out in my lessons.",
        "twice a week, fifteen minutes each time, over ten weeks",
        "over the year",
    ),
    Pair(
        EP,
        "Break written tasks into short chunks shown on a 'now and next' task list, with a "
        "planned movement break after each chunk,",
        "in every literacy and maths lesson",
        "the class teacher",
        "Kai's class teacher will split his written work into small steps and set them out on a "
        "checklist showing what he is doing now and what comes after. When he finishes a step he "
        "will have a short, planned chance to get up and move. This will happen {q}.",
        "during each English and maths lesson",
        "where possible",
    ),
    Pair(
        EP,
        "Provide an Emotional Literacy Support Assistant (ELSA) programme focused on "
        "recognising and managing worry",
        "in weekly 30-minute individual sessions for a block of eight weeks",
        "a trained ELSA",
        "Noor will meet one-to-one with the school's trained emotional literacy support "
        "assistant {q}. Together they will work on spotting when her worries start to build up "
        "and practising ways to calm them down.",
        "for half an hour each week over an eight-week block",
        "as needed",
    ),
    Pair(
        EP,
        "Teach the Zones of Regulation so that the pupil can name their level of alertness and "
        "choose a calming strategy from an agreed toolkit,",
        "in a weekly 20-minute session, with a check-in each morning",
        "a teaching assistant",
        "A TA will teach Reuben a colour-coded way of describing how alert or upset he feels, "
        "and help him pick a way to calm down from a set of tools he has agreed. This will be "
        "taught {q}.",
        "once a week for twenty minutes, and he will check in with the TA at the start of every "
        "morning",
        "at times",
    ),
    Pair(
        EP,
        "Allocate a key adult to meet the pupil at the school gate, check in on her mood and "
        "talk through the day's timetable, including any changes,",
        "every morning for 10 minutes",
        "a named key adult from the support staff",
        "On arrival {q}, Sofia will be greeted at the gate by her key adult, a named member of "
        "the support staff, who will ask how she is feeling and go through what is happening "
        "that day, pointing out anything that is different from usual.",
        "each day, for ten minutes",
        "when staff are available",
    ),
    Pair(
        EP,
        "Use a reciprocal reading approach in which the pupil takes turns to predict, clarify, "
        "question and summarise short texts,",
        "three times a week for 30 minutes, in a group of four",
        "a teaching assistant",
        "Through guided group reading, Jayden will learn to guess what might happen next, sort "
        "out words and ideas he does not understand, ask questions about the text and sum it "
        "up, taking turns at each role with the other children. A TA will lead this {q}.",
        "in a group of four pupils, for half an hour three times weekly",
        "in a small group",
    ),
    Pair(
        EP,
        "Set up a Circle of Friends with six volunteer classmates who meet to agree practical "
        "ways of including the pupil at playtimes,",
        "weekly for 20 minutes over one term",
        "the SENCo",
        "The SENCo will bring together six classmates who have offered to help, and they will "
        "meet with Olly {q} to plan how to include him in games and chat at break and "
        "lunchtime.",
        "for twenty minutes once a week across a whole term",
        "during the year",
    ),
    Pair(
        EP,
        "Teach place value and the four operations through a concrete-pictorial-abstract "
        "sequence, using base-ten equipment before drawings and then written numbers,",
        "in three 25-minute individual sessions a week",
        "a teaching assistant",
        "Hana will work with a TA {q}, focusing on understanding tens and ones and on adding, "
        "subtracting, multiplying and dividing. She will handle real blocks first, then draw "
        "them, and only then move on to written numbers.",
        "one-to-one, three times weekly for twenty-five minutes",
        "when possible",
    ),
    Pair(
        EP,
        "Review progress against the targets in the pupil's individual support plan, with the "
        "pupil and her parents,",
        "once a term at a meeting of around 30 minutes",
        "the SENCo",
        "The SENCo will meet Mia and her parents {q} to look at how she is getting on with the "
        "targets in her support plan and to agree the next ones with her.",
        "every term for about half an hour",
        "from time to time",
    ),
    Pair(
        EP,
        "Provide training for all staff who teach the pupil on attachment and trauma-informed "
        "practice",
        "in a 2-hour session at the start of the autumn term, with a 1-hour follow-up in the "
        "spring",
        "the educational psychologist",
        "The educational psychologist will train every adult who works with Callum in how early "
        "relationships and frightening experiences can shape behaviour, and how to respond in a "
        "calm, relationship-based way. The training will take place {q}.",
        "over two hours when the autumn term begins, followed by a one-hour session in the "
        "spring term",
        "during the year",
    ),
    # ---------------------------------------------------------------- speech and language
    Pair(
        SLT,
        "Run Attention Autism sessions, building from the bucket stage up to turn-taking "
        "activities, to develop shared attention,",
        "daily for 15 minutes, in a group of up to four children",
        "a teaching assistant trained by the speech and language therapist",
        "Zac will join an attention group {q}. Led by a TA who has been trained by the SaLT, "
        "the group begins with the adult revealing exciting objects from a bucket and builds "
        "up to games where the children take turns, helping Zac to focus on the same thing as "
        "others.",
        "of no more than four children for a quarter of an hour each day",
        "at times",
    ),
    Pair(
        SLT,
        "Pre-teach topic vocabulary before each new unit, using word maps that link the sound, "
        "meaning and use of each new word,",
        "in two 20-minute sessions a week",
        "a teaching assistant",
        "Before each new topic, a learning support assistant will spend {q} introducing Leila to "
        "the key words she will meet in class. For every word they will think about how it sounds, "
        "what it means and how it is used, and record this on a picture web.",
        "twenty minutes twice weekly",
        "time",
    ),
    Pair(
        SLT,
        "Develop narrative skills using a story-grammar framework with visual prompts for who, "
        "where, when, what happened and the ending,",
        "weekly for 30 minutes",
        "the speech and language therapist",
        "I will work with my speech and language therapist {q} on telling stories that make "
        "sense. We will use picture cards that remind me to say who is in the story, where and "
        "when it happens, what goes on and how it ends.",
        "once a week for half an hour",
        "in school",
    ),
    Pair(
        SLT,
        "Carry out a direct therapy programme targeting the velar sounds /k/ and /g/, moving "
        "from single words to sentences,",
        "in a block of six weekly 30-minute sessions",
        "the speech and language therapist",
        "The SaLT will work directly with Oscar {q} to help him make 'k' and 'g' sounds at the "
        "back of his mouth, first in single words and then in whole sentences.",
        "once a week for thirty minutes over a six-week block",
        "for a block of sessions",
    ),
    Pair(
        SLT,
        "Use Makaton signs alongside spoken words for key vocabulary",
        "across every part of the school day",
        "all classroom staff",
        "All classroom staff will back up what they say to Ruby with Makaton signs for the main "
        "words {q}.",
        "throughout each school day, in lessons, at lunch and at play",
        "when appropriate",
    ),
    Pair(
        SLT,
        "Model language on the pupil's high-tech communication aid, pointing to symbols while "
        "speaking (aided language modelling),",
        "in at least five planned opportunities each day",
        "the teaching assistant supporting the pupil",
        "The TA who supports Freya will show her how to use her voice output device by touching "
        "the symbols on it while talking to her. This modelling will be built into activities "
        "{q}.",
        "at least five times daily",
        "where possible",
    ),
    Pair(
        SLT,
        "Offer direct therapy for the pupil's stammer, covering easy-onset speech techniques and "
        "building confidence about talking in class,",
        "in fortnightly 45-minute sessions for one term",
        "a specialist speech and language therapist",
        "Ayaan will see a SaLT who specialises in stammering {q}. The sessions will help him to "
        "start words gently and smoothly and to feel more confident about speaking up in "
        "lessons.",
        "every two weeks for three-quarters of an hour, over a term",
        "for a period",
    ),
    Pair(
        SLT,
        "Simplify spoken instructions to two key words, give the steps in the order they are "
        "to be done, and check understanding by asking the pupil to repeat them back,",
        "in all lessons",
        "",
        "When giving Lily instructions, adults will use short sentences with no more than two "
        "important words, say each step in the order she needs to do it, and ask her to tell "
        "them what she has to do. This applies {q}.",
        "in every lesson",
        "when needed",
    ),
    Pair(
        SLT,
        "Run a language group working on understanding and answering questions at Blank levels "
        "2 and 3,",
        "twice a week for 30 minutes, in a group of up to four pupils",
        "a teaching assistant",
        "To help Mason understand and answer questions that go beyond naming things to "
        "describing, sorting and comparing them, he will join a language group {q}, led by a "
        "TA.",
        "of no more than four pupils, meeting two times a week for thirty minutes",
        "during the term",
    ),
    Pair(
        SLT,
        "Offer LEGO-based therapy in which the pupil takes turns as engineer, supplier and "
        "builder to practise collaboration and communication,",
        "weekly for 40 minutes with two peers",
        "a teaching assistant trained in the approach",
        "Harvey will build models with two classmates {q}, each child taking a job (describing "
        "the instructions, finding the bricks or putting the model together) so that he "
        "practises working and talking with others. A TA trained in this approach will run the "
        "sessions.",
        "once a week for forty minutes",
        "regularly",
    ),
    Pair(
        SLT,
        "Write Social Stories to prepare the pupil for changes such as supply teachers and "
        "school trips, and read each one with her",
        "on at least three days before each planned change",
        "the class teacher",
        "When something different is coming up, such as a school trip or a day with a supply "
        "teacher, Ella's class teacher will write a short story explaining what will happen "
        "and share it with her {q}.",
        "on three or more days before the event",
        "beforehand",
    ),
    Pair(
        SLT,
        "Review the pupil's communication targets, observe him in class and model strategies "
        "for staff,",
        "once every half term, in a one-hour visit",
        "the speech and language therapist",
        "The speech and language therapist will visit Theo's school {q} to see him in class, "
        "update his communication targets and show the adults who work with him how to use the "
        "strategies.",
        "for an hour each half term",
        "periodically",
    ),
    # ---------------------------------------------------------------- occupational therapy
    Pair(
        OT,
        "Follow a structured handwriting programme focused on letter formation, size and "
        "spacing, using lined paper with a raised baseline,",
        "for 15 minutes, four times a week",
        "a teaching assistant",
        "Isla will practise forming her letters correctly, keeping them the same size and "
        "leaving gaps between words, on paper with a line she can feel. A TA will go through "
        "her handwriting programme with her {q}.",
        "four times weekly in fifteen-minute sessions",
        "as needed",
    ),
    Pair(
        OT,
        "Provide fine motor activities such as threading, theraputty and pegboard games to "
        "strengthen the hands and improve finger control,",
        "daily for 10 minutes",
        "an early years practitioner",
        "Amelia's early years practitioner will play hand-strengthening games with her {q}. "
        "These will include squeezing and rolling therapy putty, threading beads and pushing "
        "pegs into a board, so that she gains better control of her fingers.",
        "for ten minutes every day",
        "at times",
    ),
    Pair(
        OT,
        "Run a motor skills group following the OT's programme, working on balance, ball "
        "skills and coordination,",
        "twice a week for 30 minutes, in a group of no more than six",
        "a trained member of support staff",
        "A trained support assistant will run a movement group for Dylan and his peers {q}. The "
        "sessions follow a programme set by the OT and include activities to improve his "
        "balance, catching, throwing and coordination.",
        "two times a week for half an hour, with at most six children taking part",
        "during the week",
    ),
    Pair(
        OT,
        "Follow a sensory diet of proprioceptive activities (for example wall pushes, carrying "
        "heavy books, a trampette) to help the pupil stay calm and alert,",
        "for five minutes at least four times a day",
        "a teaching assistant",
        "A TA will guide Leo through short bursts of heavy muscle work, such as pushing against "
        "a wall, carrying a crate of books or bouncing on a mini trampoline, to help him feel "
        "settled and ready to learn. These breaks will happen {q}.",
        "at least four times daily, each lasting five minutes",
        "when he seems unsettled",
    ),
    Pair(
        OT,
        "Give the pupil ear defenders to use in noisy spaces, and allow her to leave class "
        "before the bell to avoid crowded corridors,",
        "five minutes before the end of every lesson",
        "subject teachers",
        "Subject teachers will let Grace go {q} so that she can move around school before the "
        "corridors fill up, and she may wear ear defenders in noisy places such as the dining "
        "hall.",
        "five minutes early from each lesson",
        "early when needed",
    ),
    Pair(
        OT,
        "Teach dressing and undressing for PE using backward chaining, with a visual sequence "
        "of the steps,",
        "before and after every PE lesson, allowing an extra 10 minutes",
        "a teaching assistant",
        "When getting changed for PE, Finn will be helped by a TA who will do the early steps "
        "with him and leave him to finish the last one himself, handing over more steps as he "
        "masters them, with picture cards showing the order. He will be given {q}.",
        "ten extra minutes to change at the start and end of each PE lesson",
        "extra time",
    ),
    Pair(
        OT,
        "Provide adapted cutlery and a non-slip mat, and support the pupil to practise cutting "
        "food with a knife and fork",
        "at lunch every day",
        "a midday supervisor",
        "Ivy will have her chunky-handled cutlery and a grippy mat under her plate {q}, and a "
        "lunchtime supervisor will help her practise using a knife and fork to cut up her "
        "food.",
        "every day at lunchtime",
        "at lunch",
    ),
    Pair(
        OT,
        "Provide a height-adjustable chair and table so that the pupil sits with feet flat and "
        "hips and knees at 90 degrees, with a sloped writing board,",
        "for all seated table work",
        "",
        "Jacob will have a chair and desk set to his height, so that his feet rest flat on the "
        "floor and his hips and knees are bent at right angles, and will use a writing slope "
        "{q}.",
        "whenever he is working at a table",
        "when available",
    ),
    Pair(
        OT,
        "Teach touch typing through a structured online typing course, aiming for a typing "
        "speed that matches handwriting speed,",
        "three times a week for 15 minutes",
        "a teaching assistant",
        "I will learn to type without looking at the keys by working through an online course "
        "{q}, with help from a learning support assistant, until I can type at least as fast as "
        "I can write.",
        "for a quarter of an hour, three times a week",
        "throughout the year",
    ),
    Pair(
        OT,
        "Check the pupil's planner and colour-coded equipment list with him so that he has "
        "what he needs for each lesson,",
        "twice a day, at morning registration and before home time, for 5 minutes",
        "the form tutor",
        "Ade's form tutor will go through his planner and his colour-coded list of kit for each "
        "subject with him {q}, so that he has the right things for his lessons and knows what "
        "to take home.",
        "for five minutes at the start of the day and again before he leaves",
        "when needed",
    ),
    Pair(
        OT,
        "Provide training for the class team on the pupil's sensory profile and how to spot "
        "the signs of sensory overload,",
        "in one 90-minute session in the first half of the autumn term",
        "the occupational therapist",
        "The OT will run a training session {q} for the staff working with Poppy, explaining "
        "her sensory profile and how to recognise when she is becoming overwhelmed.",
        "of an hour and a half before the October half-term",
        "during the year",
    ),
    Pair(
        OT,
        "Follow a toileting routine with a visual sequence of the steps, prompting the pupil "
        "to visit the toilet at set times,",
        "every 90 minutes across the school day",
        "a teaching assistant",
        "Mohammed will be reminded to use the toilet {q} by a TA, who will use a picture strip "
        "showing each step to help him become more independent.",
        "every hour and a half during the school day",
        "regularly",
    ),
)

BLIND3_PLAN_ONLY: tuple[tuple[str, str], ...] = (
    (
        "F",
        "A qualified teacher of the deaf will visit Nell's school once every half term to check "
        "that her radio aid is working, advise staff on reducing background noise in her "
        "classroom and review her listening targets.",
    ),
    (
        "F",
        "Bilal will have 25% extra time and a reader in all internal and public examinations, "
        "sitting them in a separate room arranged by the school's exams officer.",
    ),
    (
        "F",
        "From Year 9, Chloe will meet the school's independent careers adviser each term for a "
        "45-minute guidance interview to plan her post-16 options, including supported "
        "internships.",
    ),
    (
        "F",
        "Georgie will receive all printed class materials enlarged to N24 on matt paper, and a "
        "qualified teacher of children with vision impairment will visit twice each term to "
        "advise staff on access to the curriculum.",
    ),
    (
        "G",
        "The paediatric physiotherapist will review Marcus's stretching programme every six "
        "months and give school staff an updated written programme of daily stretches. His "
        "ankle-foot orthoses will be checked by the orthotics service once a year.",
    ),
    (
        "G",
        "The school nursing team will write an individual healthcare plan for Kit's epilepsy, "
        "review it every year, and train the staff who work with him to give his emergency "
        "medication.",
    ),
    (
        "H1",
        "Ravi will have a short break at a local residential respite unit for one night each "
        "month, arranged by the children with disabilities social work team.",
    ),
    (
        "H2",
        "A family support worker from the early help team will visit Esme's home every two "
        "weeks for six months to help her parents set up a consistent bedtime routine.",
    ),
)
