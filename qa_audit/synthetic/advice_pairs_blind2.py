"""An evaluation set of recommendations and their plan rewordings, written blind.

Written without reading the tracer, its word lists or the other pair sets. Its figures (never its
errors) later helped choose the tracer's threshold, so it is no longer a blind test.
All names and content are invented; no real child is described.
"""

from __future__ import annotations

from .advice_content import EP, OT, SLT, Pair

BLIND2: tuple[Pair, ...] = (
    Pair(
        EP,
        "Use precision teaching to build fluent reading of high-frequency words, with progress "
        "charted from a one-minute timed probe",
        "for 10 minutes every school day",
        "a teaching assistant trained in precision teaching by the EP",
        "Noah will practise reading a small bank of common words with a TA trained in precision "
        "teaching {q}. Each session ends with a one-minute check, and his scores will be "
        "plotted on a chart so that he can see himself getting quicker.",
        "for ten minutes each school day",
        "regularly",
    ),
    Pair(
        EP,
        "Teach place value with concrete apparatus such as Numicon and base-ten blocks, moving "
        "on to pictures and then written numbers",
        "in a group of no more than four pupils, for 30 minutes three times a week",
        "a teaching assistant, using plans written by the class teacher",
        "Priya will learn how tens and ones work by handling equipment like Numicon shapes and "
        "base-ten blocks, before moving on to drawings and then digits. A TA will lead this "
        "{q}, following plans from her class teacher.",
        "in a small group of up to four children, three times weekly for half an hour",
        "in a small group when staffing allows",
    ),
    Pair(
        EP,
        "Teach working memory strategies (rehearsal, chunking and visualisation) and practise "
        "applying them to classroom instructions",
        "twice a week for 15 minutes, over a six-week block",
        "a teaching assistant guided by the SENCo",
        "Over {q}, a TA guided by the SENCo will show Ethan ways to keep information in his "
        "head, such as repeating it quietly, splitting it into smaller bits and picturing it, "
        "so that he can remember what he has been asked to do in lessons.",
        "six weeks, in fifteen-minute sessions held twice a week",
        "time",
    ),
    Pair(
        EP,
        "Teach the Zones of Regulation individually so that the pupil can recognise their own "
        "state of alertness and choose a strategy to return to a calm, ready-to-learn state",
        "in two 20-minute sessions a week for eight weeks",
        "the school's ELSA",
        "I will have sessions with the ELSA {q}. In them I will learn how to tell which colour "
        "zone my body and feelings are in, and how to pick a tool from my toolkit that helps me "
        "feel calm and ready to learn again.",
        "lasting twenty minutes, twice a week for eight weeks",
        "when I need them",
    ),
    Pair(
        EP,
        "Give a short movement break, such as taking a message to the office or doing "
        "stretches, to help the pupil sustain attention in lessons",
        "lasting 2 to 3 minutes, after every 15 minutes of desk-based work",
        "the class teacher and teaching assistant",
        "To help Leo keep his focus, his class teacher and TA will let him get up and move "
        "about, for example by running an errand or stretching, {q}.",
        "for two or three minutes once he has been working at his desk for a quarter of an hour",
        "at times",
    ),
    Pair(
        EP,
        "Set up a Circle of Friends of six to eight volunteer classmates to support the pupil's "
        "inclusion at playtimes and lunchtimes",
        "with the group meeting weekly for 20 minutes across one term",
        "a learning mentor trained in the approach",
        "A group of six to eight classmates who have offered to help will look out for Maisie "
        "at break and lunch. They will get together with the learning mentor {q} to plan ways "
        "to include her and to talk about what has gone well.",
        "each week for twenty minutes throughout one term",
        "occasionally",
    ),
    Pair(
        EP,
        "Prepare the pupil for the move to secondary school with a personalised transition "
        "booklet of photographs and extra visits to the new school",
        "with at least three additional visits in the summer term",
        "the Year 6 teacher, working with the secondary school's SENCo",
        "I will visit my new secondary school {q} with my Year 6 teacher before I start in Year "
        "7. The SENCo there will help me make a book of photos of the rooms and people I will "
        "see in September.",
        "on three or more extra occasions during the summer term",
        "once",
    ),
    Pair(
        EP,
        "Allocate a named key adult for a check-in on arrival and a check-out at home time, to "
        "build a trusting relationship and help the pupil start and end the day calmly",
        "for 5 to 10 minutes at the start and end of each school day",
        "a named key adult the pupil knows well",
        "Zara's key adult, someone she already knows and trusts, will greet her when she "
        "arrives and see her off at home time, spending {q} talking about how she is feeling "
        "and what is coming up.",
        "five to ten minutes with her at both ends of every school day",
        "a little time with her",
    ),
    Pair(
        EP,
        "Teach reading comprehension through reciprocal reading, with pupils taking turns to "
        "predict, clarify, question and summarise",
        "in a group of three or four pupils, twice a week for 30 minutes",
        "a teaching assistant",
        "Ruby will read short texts with two or three other children and a TA, taking turns to "
        "guess what comes next, work out puzzling words, ask questions and sum up what "
        "happened. This will happen {q} so that she gets better at understanding what she "
        "reads.",
        "in half-hour sessions held twice weekly",
        "from time to time",
    ),
    Pair(
        EP,
        "Offer Drawing and Talking sessions to give the pupil a safe, non-directive way to "
        "explore worries through drawing",
        "once a week for 12 weeks, in 30-minute sessions at the same time and place each week",
        "a member of staff trained in Drawing and Talking",
        "Tomás will draw and chat about his pictures with an adult trained in Drawing and "
        "Talking {q}. The adult will follow his lead rather than asking direct questions, so "
        "that he has a safe way to work through what is troubling him.",
        "for thirty minutes each week, always at the same time and in the same room, for twelve "
        "weeks",
        "when he seems unsettled",
    ),
    Pair(
        EP,
        "Teach planning and organisation using a homework planner, checking deadlines and "
        "breaking larger tasks into steps",
        "in a 10-minute meeting every Monday and Friday",
        "the form tutor",
        "Kai's form tutor will sit down with him {q} to go through his homework diary, so that "
        "he writes down when each piece is due and splits longer pieces of work into manageable "
        "steps.",
        "for ten minutes on Mondays and again on Fridays",
        "now and then",
    ),
    Pair(
        EP,
        "Review progress towards the pupil's outcomes in a consultation meeting with the pupil, "
        "parents and school staff",
        "once each term",
        "the educational psychologist",
        "Freya, her parents and the staff who teach her will meet with the EP {q} to look at "
        "how she is getting on and agree any changes to her support.",
        "every term",
        "if concerns arise",
    ),
    Pair(
        SLT,
        "Use Colourful Semantics to develop sentence structure, building from 'who' and 'what "
        "doing' to 'what' and 'where'",
        "in 20-minute sessions three times a week",
        "a teaching assistant trained by the SLT",
        "{q}, Jayden will build sentences using colour-coded cards for the person, the action, "
        "the object and the place, so that he can say and later write longer sentences. His TA, "
        "who has been trained by the speech and language therapist, will lead these sessions.",
        "Three times every week, for twenty minutes at a time",
        "From time to time",
    ),
    Pair(
        SLT,
        "Pre-teach key vocabulary before each new topic using a word map covering meaning, "
        "first sound, syllables and category",
        "for 15 minutes, twice a week",
        "a teaching assistant",
        "Before each new topic, a TA will introduce Amelia to the important words she will hear "
        "in class, looking at what each one means, what sound it starts with, how many beats it "
        "has and what group it belongs to. These sessions will happen {q}.",
        "twice every week and last 15 minutes",
        "when there is time",
    ),
    Pair(
        SLT,
        "Develop oral narrative skills using a visual story framework (who, where, when, what "
        "happened, how it ended)",
        "weekly for 30 minutes over a 10-week block, in a group of up to four",
        "a speech and language therapy assistant",
        "Sofia will be part of a group of no more than four children, led by the speech and "
        "language therapy assistant, who practise telling stories using picture prompts for "
        "characters, settings, events and endings. The group will meet {q}.",
        "once a week for half an hour, for ten weeks",
        "during the year",
    ),
    Pair(
        SLT,
        "Provide direct therapy for stammering, including work on the pupil's feelings about "
        "talking, and advise staff on classroom strategies",
        "in a block of six weekly sessions each term",
        "the speech and language therapist",
        "I will see my speech and language therapist {q}. We will talk about how I feel about "
        "speaking and what helps when my words get stuck, and she will tell my teachers how "
        "they can help me in class.",
        "once a week for six weeks in every term",
        "sometimes",
    ),
    Pair(
        SLT,
        "Model language on the pupil's AAC device (aided language stimulation), pointing to "
        "symbols while speaking",
        "in at least five planned opportunities every day, as well as incidentally",
        "all staff working with the pupil, trained by the SLT",
        "Every adult who works with Mia will be trained by the SLT to show her how to use her "
        "talker, by touching the symbols on it as they speak to her. They will do this {q}.",
        "at least five times a day in planned activities, and whenever else the chance arises",
        "when they can",
    ),
    Pair(
        SLT,
        "Use the sliding-in technique to gradually increase the number of people the pupil "
        "speaks to in school",
        "in short sessions of 10 to 15 minutes, four times a week",
        "a key worker, with advice from the SLT",
        "Lily's key worker, advised by the SLT, will help her start talking to more people in "
        "school. They will begin in a place where she already feels safe to speak and bring in "
        "one new person at a time, {q}.",
        "four times every week, for between ten and fifteen minutes",
        "when Lily seems ready",
    ),
    Pair(
        SLT,
        "Run Attention Autism sessions to build focused and shared attention",
        "daily for 15 to 20 minutes in a small group",
        "two staff who have attended Attention Autism training",
        "Reuben will take part in a small group {q}, where two adults trained in Attention "
        "Autism use a bucket of eye-catching toys and lively activities to help him focus on, "
        "and share in, what is happening.",
        "every day for 15 to 20 minutes",
        "a few times a week",
    ),
    Pair(
        SLT,
        "Teach understanding of concept words (before/after, first/last) and following "
        "instructions with an increasing number of information-carrying words",
        "for 20 minutes, four times a week",
        "a teaching assistant who has completed ELKLAN training",
        "So that he can follow what is said in class, Samuel will practise carrying out "
        "instructions that get gradually longer and learn words like 'before', 'after', 'first' "
        "and 'last'. An ELKLAN-trained TA will work with him on this {q}.",
        "in twenty-minute sessions on four days each week",
        "as part of class routines",
    ),
    Pair(
        SLT,
        "Run Lego-based therapy, with pupils taking the roles of engineer, supplier and "
        "builder, to develop turn-taking, joint attention and shared problem-solving",
        "weekly for 45 minutes in a group of three",
        "a teaching assistant trained in Lego-based therapy",
        "{q}, Callum and two other pupils will build Lego models as a team, each with a "
        "different job: describing the instructions, finding the pieces or putting them "
        "together. A TA trained in this approach will help them take turns and sort out "
        "problems together.",
        "For 45 minutes each week",
        "Sometimes",
    ),
    Pair(
        SLT,
        "Practise the pupil's target speech sounds (currently 'k' and 'g') following the "
        "programme set by the SLT",
        "for 5 minutes daily",
        "a teaching assistant",
        "Eva's 'k' and 'g' sounds will be practised with her by a TA {q}, using the games and "
        "word lists set by her speech and language therapist, so that other people can "
        "understand her more easily.",
        "for five minutes every day",
        "at times",
    ),
    Pair(
        SLT,
        "Train classroom staff in strategies that support understanding, such as shorter "
        "sentences, extra processing time and visual supports",
        "in one two-hour session at the start of each school year",
        "the speech and language therapist",
        "The adults who teach Isla will be trained by the SLT {q} in how to make their language "
        "easier to follow, for example by using shorter sentences, waiting longer for answers "
        "and backing up what they say with pictures.",
        "for two hours as each school year begins",
        "if needed",
    ),
    Pair(
        SLT,
        "Develop verbal reasoning and inference by answering 'why' and 'how' questions about "
        "pictures and short texts",
        "twice a week for 20 minutes, working in a pair with a peer",
        "a teaching assistant",
        "Josh and one other pupil will work with a TA on explaining why things happen and how "
        "people might be feeling, using pictures and short stories. This will take place {q}.",
        "for twenty minutes on two occasions every week",
        "once a week",
    ),
    Pair(
        OT,
        "Use the Write from the Start programme to develop the perceptual and fine motor skills "
        "that underpin letter formation",
        "for 15 minutes, four times a week",
        "a teaching assistant",
        "Ben will work through Write from the Start activities with a TA {q}, to build the hand "
        "control and visual skills he needs to form letters correctly.",
        "in quarter-hour sessions on four days each week",
        "when possible",
    ),
    Pair(
        OT,
        "Teach touch typing using an online programme, as an alternative means of recording",
        "in 15-minute sessions every school day for one term",
        "a teaching assistant",
        "To give him a quicker way to get his ideas down than handwriting, Arjun will learn to "
        "type with all ten fingers by working through an online course, with a TA overseeing "
        "him {q}.",
        "for fifteen minutes each school day across one term",
        "during ICT lessons",
    ),
    Pair(
        OT,
        "Run a fine motor warm-up such as Dough Disco before writing tasks",
        "for 5 to 10 minutes each morning",
        "the class teaching assistant",
        "Poppy will warm up her hands by squeezing, pinching and rolling playdough to music, "
        "led by the class TA {q}, before she starts any writing.",
        "for five to ten minutes every morning",
        "on some mornings",
    ),
    Pair(
        OT,
        "Provide a sensory circuit of alerting, organising and calming activities",
        "for 10 to 15 minutes at the start of the day and after lunch",
        "a teaching assistant trained by the OT",
        "Finley will do a short routine of jumping on a trampette, crawling through a tunnel, "
        "balancing along a beam and then pushing against the wall, {q}, so that he is calm and "
        "alert for lessons. A TA who has been shown the routine by the OT will lead it.",
        "for ten to fifteen minutes first thing in the morning and again after lunch",
        "when he appears unsettled",
    ),
    Pair(
        OT,
        "Provide a chair and table of the correct height, so that the pupil's feet rest flat on "
        "the floor and the table is at elbow height, plus a sloped writing board",
        "for all seated table-top work",
        "the class teacher, with the OT checking the fit each term",
        "Grace will use a chair and desk that suit her size {q}: her feet will rest flat on the "
        "floor, the desk will come up to her elbows and she will have a slanted board to write "
        "on. Her class teacher will make sure this is in place, and the OT will check the fit "
        "termly.",
        "whenever she is sitting to work at a table",
        "for writing tasks where possible",
    ),
    Pair(
        OT,
        "Teach dressing and undressing for PE using backward chaining, starting from the final "
        "step",
        "at every PE changing time, plus a 10-minute practice session once a week",
        "a teaching assistant",
        "Changing for PE will be taught to Ivy one step at a time, beginning with the last step "
        "so that she always finishes the job herself. A TA will support her with this {q}.",
        "each time she gets changed for PE, and in an extra ten-minute practice every week",
        "when time allows",
    ),
    Pair(
        OT,
        "Deliver a motor skills programme such as Jump Ahead, focusing on balance, coordination "
        "and ball skills",
        "in a small group, for 30 minutes twice a week over a 12-week block",
        "a PE assistant trained by the OT",
        "Oscar will join a small group playing balancing, hopping, throwing and catching games, "
        "{q}, led by a PE assistant who has been trained by the OT.",
        "in half-hour sessions twice a week for twelve weeks",
        "for a short time each week",
    ),
    Pair(
        OT,
        "Adapt PE lessons with larger, softer balls, shorter distances and a partner, and allow "
        "extra time to change",
        "in every PE lesson",
        "the PE teacher",
        "In PE I will use bigger, softer balls, have less far to run and work with a partner, "
        "and I will get more time to get changed. My PE teacher will make sure this happens "
        "{q}.",
        "every lesson",
        "when it's possible",
    ),
    Pair(
        OT,
        "Support use of adapted cutlery and a non-slip mat, prompting the pupil to cut food "
        "independently with a knife and fork",
        "every lunchtime",
        "a midday supervisor shown the techniques by the OT",
        "Hannah will have chunky-handled cutlery and a grippy mat to stop her plate sliding, "
        "and a midday supervisor who has been shown by the OT how to help will encourage her to "
        "cut up her own food {q}.",
        "at lunch each day",
        "at lunch when possible",
    ),
    Pair(
        OT,
        "Teach scissor skills with spring-loaded scissors, progressing from snipping to cutting "
        "along straight and curved lines",
        "for 10 minutes, twice a week",
        "a teaching assistant",
        "Starting with scissors that spring open by themselves, Rosie will practise cutting "
        "with a TA {q}, first making small snips and then following straight and curved lines.",
        "in two ten-minute sessions each week",
        "in craft activities",
    ),
    Pair(
        OT,
        "Provide planned sensory breaks in a low-stimulus space, using calming input such as a "
        "weighted lap pad or deep-pressure cushion",
        "for 5 minutes, three times a day at set points in the timetable",
        "a teaching assistant",
        "{q}, Theo will go with a TA to a calm, quiet area and use a weighted blanket across "
        "his lap or a squashy cushion to help his body settle.",
        "Three times a day, at fixed times in his timetable, for five minutes",
        "When needed",
    ),
    Pair(
        OT,
        "Follow a core stability programme (e.g. animal walks, 'superman' holds, wall push-ups) "
        "to improve sitting posture",
        "for 10 minutes each day",
        "a teaching assistant following the OT's written programme",
        "To strengthen the muscles that help her sit upright and steady at her desk, Amira will "
        "do exercises such as bear walks and lying on her tummy lifting her arms and legs, {q}, "
        "with a TA using the programme her OT has written.",
        "every day for ten minutes",
        "a few times a term",
    ),
)

BLIND2_PLAN_ONLY: tuple[tuple[str, str], ...] = (
    (
        "F",
        "A qualified teacher of the deaf will visit school every half term to check that Lucy's "
        "hearing aids and radio aid are working and to advise her teachers on where she should "
        "sit.",
    ),
    (
        "F",
        "Daniel will have a 40-minute lesson each week with a qualified teacher of children "
        "with vision impairment to learn to read and write in braille.",
    ),
    (
        "F",
        "From Year 9, Kieran will meet an independent careers adviser once a term to plan his "
        "options after Year 11, including college courses and apprenticeships.",
    ),
    (
        "F",
        "In all school tests and mock exams, Nadia will be given 25% extra time and a separate "
        "quiet room, arranged by the exams officer.",
    ),
    (
        "G",
        "The school nurse will train two named members of staff to give Ella's emergency "
        "epilepsy medication, and will repeat this training every 12 months.",
    ),
    (
        "G",
        "Marcus's community paediatrician will review his ADHD medication every six months.",
    ),
    (
        "H1",
        "Jessica will have an overnight short break at a residential respite unit, staffed by "
        "trained care workers, for two nights each month.",
    ),
    (
        "H2",
        "A personal assistant funded by social care will support Tyler to go to a local youth "
        "club for three hours every Saturday.",
    ),
)
