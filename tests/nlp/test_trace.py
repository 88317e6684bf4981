"""Tracing advice into the plan: paraphrase, watered-down amounts, unsupported provision, the
command's JSON and its refusals."""

import json
import re

import pytest
from click.testing import CliRunner

from qa_audit.documents.advice_document import AdviceDocument, Recommendation
from qa_audit.documents.model import Outcome, ParsedPlan, ProvisionItem
from qa_audit.nlp.paraphrases import ideas
from qa_audit.nlp.pipeline import parse
from qa_audit.nlp.quantities import lost, quantities, watered_down, who_left_out
from qa_audit.nlp.trace import (
    NEAREST_FLOOR,
    THRESHOLD,
    meaning_similarity,
    trace,
    word_similarity,
)
from qa_audit.nlp.trace_cli import trace_command
from qa_audit.synthetic.advice_docs import SPLITS, generate_trace_case


def _lost(advice: str, plan: str) -> list[str]:
    a, p = parse([advice, plan])
    return lost(quantities(a), p, quantities(p))


def _watered(advice: str, plan: str) -> list[str]:
    a, p = parse([advice, plan])
    return watered_down(quantities(a), p, quantities(p))


@pytest.mark.parametrize(
    ("advice", "plan", "expected"),
    [
        (
            "Therapy for 30 minutes weekly by a therapist.",
            "Regular therapy from a therapist.",
            ["30 minutes", "weekly"],
        ),
        (
            "Sessions twice weekly for 20 minutes with a TA.",
            "A TA will run it two times a week for 20 minutes.",
            [],
        ),
        (
            "Mentoring for 30 minutes weekly with a mentor.",
            "A mentor will meet her for half an hour each week.",
            [],
        ),
        (
            "Phonics daily for 15 minutes with a TA.",
            "A TA will do phonics every day for 15 minutes.",
            [],
        ),
        (
            "Typing for 20 minutes three times a week with a TA.",
            "A TA will supervise typing in three 20-minute sessions each week.",
            [],
        ),
        (
            "Phonics daily for 30 minutes with a TA.",
            "A TA will do phonics every day for 15 minutes.",
            ["30 minutes"],
        ),
        (
            "Review once a term by the therapist.",
            "Staff will review it each year.",
            ["once", "a term", "therapist"],  # staff in place of a therapist
        ),
        (
            "Movement breaks every hour with a teaching assistant.",
            "Movement breaks every hour.",
            ["teaching assistant"],
        ),
        (
            "Break written tasks into chunks in every lesson, delivered by the class teacher.",
            "Class teachers will split writing into small steps in each lesson.",
            [],
        ),
        (
            "Memory strategies for 15 minutes, twice a week, by the SENCo.",
            "The SENCo will teach them in two quarter-hour sessions each week.",
            [],
        ),
        (
            "Practise fastening buttons twice weekly with a teaching assistant.",
            "A TA will help him with buttons on two occasions a week.",
            [],
        ),
        (
            "Review targets fortnightly for 20 minutes with a learning mentor.",
            "Her learning mentor will meet her once every two weeks for 20 minutes.",
            [],
        ),
        (
            "Review targets weekly with a learning mentor.",
            "Her learning mentor will meet her every other week.",
            ["weekly"],
        ),
        (
            "Adapted cutlery at every lunchtime, set out by a teaching assistant.",
            "A teaching assistant will set out his cutlery if he asks for it.",
            ["every lunchtime"],
        ),
        (
            "Use signs alongside speech throughout the day, delivered by all staff.",
            "All staff will pair their words with signs across the whole day.",
            [],
        ),
        (
            "Rest breaks for three quarters of an hour daily.",
            "Rest breaks every day for half an hour.",
            ["three quarters of an hour"],
        ),
        (
            "Handwriting for 15 minutes, five times a week, with a TA.",
            "A TA will do handwriting with him for 15 minutes every school day.",
            [],
        ),
        (
            "Handwriting for 15 minutes, six times a week, with a TA.",
            "A TA will do handwriting with him for 15 minutes every day.",
            ["six times", "a week"],
        ),
        (
            "Therapy in six weekly sessions of 45 minutes each term.",
            "A block of six 45-minute weekly sessions every term.",
            [],
        ),
        (
            "Pre-teach topic words three times a week for 15 minutes.",
            "Topic words will be taught in three quarter-hour slots a week.",
            [],
        ),
        (
            "Pre-teach topic words three times a week for 15 minutes.",
            "Topic words will be taught in two quarter-hour slots a week.",
            ["three times", "a week"],
        ),
        (
            "A wedge cushion for seated work in every lesson.",
            "She will sit on a wedge cushion in all of her lessons.",
            [],
        ),
        (
            "Toilet visits every 90 minutes by staff.",
            "Staff will take him to the toilet every hour and a half.",
            [],
        ),
        (
            "Sessions weekly, delivered by an assistant psychologist or trained pastoral worker.",
            "A pastoral worker will see her every week.",
            [],
        ),
    ],
)
def test_amounts_kept_or_lost(advice, plan, expected):
    assert sorted(_lost(advice, plan)) == sorted(expected)


ADVISED = "Phonics for 20 minutes three times a week with a TA."


@pytest.mark.parametrize(
    ("plan", "expected"),
    [
        # vague wording a person can point at
        ("A TA will do phonics with him regularly.", ["three times", "a week", "20 minutes"]),
        # no amount at all
        ("A TA will do phonics with him at times.", ["three times", "a week", "20 minutes"]),
        # a smaller amount, stated
        ("A TA will do phonics with him three times a week for 10 minutes.", ["20 minutes"]),
        # the amount stated in words the reader does not know: not watered down
        (
            "A TA will do phonics with him on Mondays, Wednesdays and Fridays for twenty minutes.",
            [],
        ),
        # a number that is no amount ("two other pupils") is no evidence either way
        ("A TA will do phonics with him and two other pupils when possible.", None),
    ],
)
def test_watered_down_only_on_evidence(plan, expected):
    found = _watered(ADVISED, plan)
    if expected is None:
        assert {"three times", "a week", "20 minutes"} <= set(found)
    else:
        assert sorted(found) == sorted(expected)


@pytest.mark.parametrize(
    ("plan", "watered", "unnamed"),
    [
        ("A TA will do phonics with him for 20 minutes three times a week.", [], []),
        # the amounts kept, no one named: its own finding, not watered down
        ("Phonics with him for 20 minutes three times a week.", [], ["TA"]),
        # both lost
        ("Phonics with him when possible.", ["three times", "a week", "20 minutes"], ["TA"]),
        # someone else named: not caught as left out
        ("His class teacher will do phonics with him for 20 minutes three times a week.", [], []),
    ],
)
def test_who_left_out_is_apart_from_watered_down(plan, watered, unnamed):
    a, p = parse([ADVISED, plan])
    assert sorted(watered_down(quantities(a), p, quantities(p))) == sorted(watered)
    assert who_left_out(quantities(a), p, quantities(p)) == unnamed
    assert sorted(lost(quantities(a), p, quantities(p))) == sorted(watered + unnamed)


THERAPY = "Therapy for 30 minutes weekly, delivered by a speech and language therapist."
ELSA = "Sessions weekly with an ELSA."


@pytest.mark.parametrize(
    ("advice", "plan", "unnamed"),
    [
        # a less qualified person named instead of the professional
        (
            THERAPY,
            "A TA will run a speech and language therapy programme for 30 minutes weekly.",
            ["speech and language therapist"],
        ),
        # the professional by another of their names
        (THERAPY, "His SaLT will see him for 30 minutes weekly.", []),
        (THERAPY, "The Speech and Language Therapy Service will see him weekly.", []),
        (THERAPY, "A TA trained by the therapist will work with him weekly.", []),
        # no one named at all
        (THERAPY, "He will have therapy for 30 minutes weekly.", ["speech and language therapist"]),
        (ELSA, "An emotional literacy support assistant will see her.", []),
        (ELSA, "A TA will see her every week.", ["ELSA"]),
        ("Sessions weekly with therapists.", "TAs will see her every week.", ["therapists"]),
        # someone else named where the advice named no professional: not a finding
        ("Reading weekly with a TA.", "Her class teacher will hear her read every week.", []),
    ],
)
def test_who_left_out_knows_the_names_of_each_role(advice, plan, unnamed):
    a, p = parse([advice, plan])
    assert who_left_out(quantities(a), p, quantities(p)) == unnamed


def test_similarity_is_blind_to_the_amounts():
    """Which statement carries a recommendation is decided by what is done and by whom; the
    amounts are compared once the pairs are made."""
    a, b, plan = parse(
        [
            "Phonics with a TA for 20 minutes three times a week.",
            "Phonics with a TA for 45 minutes daily.",
            "A teaching assistant will go through letter sounds with him.",
        ]
    )
    for similarity in (word_similarity, meaning_similarity):
        scores = similarity([a, b], [plan])
        assert scores[0, 0] == pytest.approx(scores[1, 0], abs=1e-6), similarity.__name__


def _advice(*texts, heading="Recommendations"):
    return AdviceDocument("Occupational therapist", [Recommendation(t, heading) for t in texts])


def test_paraphrase_is_traced_and_watered_down_and_dropped_are_told_apart():
    plan = ParsedPlan(
        outcomes=[Outcome("By July 2027, she will write her name using a correct pencil grip.")],
        provision=[
            ProvisionItem(
                "Letter shapes will be practised with a teaching assistant "
                "every day for 10 minutes.",
                "F",
            ),
            ProvisionItem(
                "Putty and peg board activities to strengthen her hands, led by a "
                "teaching assistant when time allows.",
                "F",
            ),
            ProvisionItem("Transport to school in a shared taxi with a passenger assistant.", "F"),
            ProvisionItem("None.", "G"),
        ],
    )
    advice = _advice(
        "Provide a handwriting programme of letter formation for 10 minutes daily with a "
        "teaching assistant.",
        "Carry out a hand-strengthening programme with theraputty and pegboards for 15 minutes "
        "four times a week with a teaching assistant.",
        "Teach her to swim with a qualified instructor in weekly lessons.",
    )
    result = trace("plan.docx", plan, [("ot.docx", advice)]).to_dict()
    handwriting, strength, swimming = result["advice"][0]["recommendations"]
    assert handwriting["reflected"] and not handwriting["watered_down"]
    assert handwriting["where"]["text"].startswith("Letter shapes")
    assert strength["reflected"] and strength["watered_down"]
    assert strength["where"]["text"].startswith("Putty and peg board")
    assert {"four times", "15 minutes"} <= set(strength["lost"])
    assert not swimming["reflected"] and swimming["where"] is None
    assert result["unsupported"] == [
        {"section": "F", "text": "Transport to school in a shared taxi with a passenger assistant."}
    ]


def test_a_rewording_sharing_no_word_is_traced_through_the_send_ideas():
    ball_games = (
        "Activities that use both hands together, such as catching and throwing, led by a "
        "teaching assistant for 20 minutes two times a week."
    )
    plan = ParsedPlan(
        provision=[
            ProvisionItem("A laptop with spell-check software for use in school.", "F"),
            ProvisionItem(
                "Phonics with a teaching assistant for 20 minutes two times a week.", "F"
            ),
            ProvisionItem(ball_games, "F"),
        ]
    )
    advice = _advice(
        "Deliver a bilateral coordination programme including ball skills twice a week for "
        "20 minutes, delivered by a teaching assistant."
    )
    (traced,) = trace("plan.docx", plan, [("ot.docx", advice)]).advice[0].recommendations
    assert traced.where is not None and traced.where.text == ball_games
    assert not traced.watered_down


def test_keeping_the_amount_alone_does_not_make_a_statement_carry_a_recommendation():
    plan = ParsedPlan(
        provision=[
            ProvisionItem("A place at breakfast club every morning, run by school staff.", "F")
        ]
    )
    advice = _advice(
        "Teach a cutlery routine at lunch every day, delivered by the lunchtime supervisor."
    )
    (traced,) = trace("plan.docx", plan, [("ot.docx", advice)]).advice[0].recommendations
    assert not traced.reflected


def test_ideas_are_read_in_the_words_written_and_in_their_lemmas():
    (doc,) = parse(["Catching games and a visual timetable, with Makaton signing."])
    assert {"idea:gross_motor", "idea:visual_support", "idea:signing"} <= set(ideas(doc))
    (plain,) = parse(["A passenger assistant on school transport."])
    assert "idea:gross_motor" not in ideas(plain)


def test_a_phrase_is_known_by_its_lemmas_so_any_inflection_of_it_matches():
    # The rule file says "sound out words"; the plan says "sounded out words".
    (doc,) = parse(["Ella sounded out words with her TA."])
    assert "idea:phonics" in ideas(doc)


def test_the_plain_words_of_a_plan_meet_the_professional_term_of_the_advice():
    memory = "Callum will learn ways to hold information in mind."
    plan = ParsedPlan(
        provision=[
            ProvisionItem(memory, "F"),
            ProvisionItem("A laptop with spell-check software for use in school.", "F"),
        ]
    )
    advice = _advice("Teach working memory strategies.")
    (traced,) = trace("plan.docx", plan, [("ep.docx", advice)]).advice[0].recommendations
    assert traced.where is not None and traced.where.text == memory


def test_outcome_recommendations_are_traced_into_section_e():
    plan = ParsedPlan(
        outcomes=[Outcome("By July 2027, she will write her name using a correct pencil grip.")],
        provision=[ProvisionItem("A pencil grip and a writing slope in every lesson.", "F")],
    )
    advice = _advice("She will write her own name with a correct pencil grip.", heading="Outcomes")
    (traced,) = trace("plan.docx", plan, [("ot.docx", advice)]).advice[0].recommendations
    assert traced.where is not None and traced.where.section == "E"


def test_generated_plans_reword_the_advice_and_the_splits_share_no_pair():
    actions = [pair.action for pairs, _plan_only in SPLITS.values() for pair in pairs]
    assert len(actions) == len(set(actions))
    for pair in (pair for pairs, _plan_only in SPLITS.values() for pair in pairs):
        assert pair.action.lower() not in pair.plan_text(watered=False).lower()
        assert pair.q in pair.plan_text(watered=False)
        assert pair.plan_text(watered=True) != pair.plan_text(watered=False)


@pytest.fixture(scope="module")
def case_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("trace")
    case = generate_trace_case(4, "dev", "docx")
    plan = folder / "plan.docx"
    plan.write_bytes(case.plan_data)
    advice = []
    for item in case.advice:
        path = folder / item.filename
        path.write_bytes(item.data)
        advice.append(str(path))
    return str(plan), advice, case


def test_trace_json_has_the_contract_shape(case_files):
    plan, advice, case = case_files
    result = CliRunner().invoke(trace_command, [plan, "--advice", *advice, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"plan", "advice", "unsupported"}
    assert data["plan"] == plan
    assert [a["file"] for a in data["advice"]] == advice
    for item, truth in zip(data["advice"], case.advice, strict=True):
        assert set(item) == {"file", "source", "recommendations"}
        assert item["source"] == truth.source
        assert len(item["recommendations"]) == len(truth.recommendations)
        for rec in item["recommendations"]:
            assert {"text", "reflected", "watered_down", "where", "score"} <= set(rec)
            assert isinstance(rec["score"], float)
            if rec["reflected"]:
                assert set(rec["where"]) == {"section", "text"}
            else:
                assert rec["where"] is None and not rec["watered_down"]
    assert all(set(s) == {"section", "text"} for s in data["unsupported"])


def test_trace_summary_is_readable(case_files):
    plan, advice, _case = case_files
    result = CliRunner().invoke(trace_command, [plan, "--advice", *advice])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Plan: {plan}\n")
    assert "recommendations," in result.output and "Provision no advice supports" in result.output


def test_bad_input_gets_one_sentence_and_a_failing_exit(case_files, tmp_path):
    plan, advice, _case = case_files
    text = tmp_path / "notes.docx"
    text.write_text("Recommendations\nWeekly therapy.\n")
    runs = {
        "missing file": ([plan, "--advice", str(tmp_path / "gone.pdf")], "cannot be read"),
        "not a document": ([plan, "--advice", str(text)], "not a Word or PDF document"),
        "advice given as the plan": ([advice[0], "--advice", advice[1]], "not read as an EHC plan"),
        "no advice": ([plan], "at least one advice document"),
    }
    for name, (args, message) in runs.items():
        result = CliRunner().invoke(trace_command, args)
        assert result.exit_code != 0, name
        assert message in result.output, (name, result.output)
        assert "Traceback" not in result.output, name
        assert isinstance(result.exception, SystemExit), name  # a plain exit, not a crash


def test_eval_trace_reports_every_split_beside_the_flag_everything_baseline():
    from qa_audit.nlp.cli import eval_command

    result = CliRunner().invoke(eval_command, ["--trace", "1"])
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.output.splitlines()[2:] if not line.startswith("(")]
    rows = [r for r in rows if not r[0].startswith("base")]
    assert [(r[0], r[1]) for r in rows] == [
        (split, label)
        for split in (
            "dev",
            "tune",
            "heldout",
            "fresh",
            "fresh2",
            "blind",
            "blind2",
            "blind3",
            "blind4",
        )
        for label in ("missing", "watered_down", "unsupported")
    ]
    assert all(0.0 <= float(value) <= 1.0 for r in rows for value in r[-3:])
    assert "(blind4: 1 plans," in result.output and "never tuned on: a test" in result.output
    assert re.search(r"blind4: .*; person not named on \d+ of \d+ carried\)", result.output)


def test_a_recommendation_not_carried_names_the_nearest_statement_when_it_shares_something():
    plan = ParsedPlan(
        provision=[
            ProvisionItem(
                "Letter shapes will be practised with a teaching assistant every day for "
                "10 minutes.",
                "F",
            ),
            ProvisionItem("A laptop with spell-check software for use in school.", "F"),
            ProvisionItem(
                "The class teacher will seat her near the front, away from the window.", "F"
            ),
            ProvisionItem("Transport to school in a shared taxi with a passenger assistant.", "F"),
        ]
    )
    advice = _advice(
        "Provide a handwriting programme of letter formation for 10 minutes daily with a "
        "teaching assistant.",
        "Pay for a taxi to the swimming pool on Fridays.",
        "Teach her to swim with a qualified instructor in weekly lessons.",
    )
    result = trace("plan.docx", plan, [("ot.docx", advice)]).to_dict()
    handwriting, taxi, swimming = result["advice"][0]["recommendations"]
    assert handwriting["reflected"] and handwriting["nearest"] is None
    assert not taxi["reflected"]
    assert NEAREST_FLOOR <= taxi["score"] < THRESHOLD
    assert taxi["nearest"] == {
        "section": "F",
        "text": "Transport to school in a shared taxi with a passenger assistant.",
    }
    assert not swimming["reflected"] and swimming["nearest"] is None
