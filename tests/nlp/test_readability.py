"""Plain English in section A and the outcomes in E: figures, long sentences, jargon and
abbreviations, each hint quoting its evidence."""

from __future__ import annotations

import json

import pytest

from qa_audit.documents.model import Outcome, ParsedPlan, Section
from qa_audit.nlp.errors import RuleFileError
from qa_audit.nlp.readability import (
    PLAIN_ENGLISH_FILE,
    check_readability,
    load_plain_english,
    split_sentences,
)
from qa_audit.nlp.rulefiles import rules_dir

EASY = ["Sam likes trains. He likes to swim. He wants to drive a train one day."]
LONG = (
    "Following assessment by the multidisciplinary team it was determined that Sam presents "
    "with significant difficulties in sensory modulation which impact upon his ability to "
    "access learning in the classroom environment and across unstructured times of the day."
)
OUTCOME = "By July 2027, Sam will read 40 common words on sight in 4 out of 5 sessions."


def _plan(a_lines: list[str], *, outcomes=(OUTCOME,), k: str = "") -> ParsedPlan:
    sections = {"A": Section("A", "Section A", a_lines)}
    if k:
        sections["K"] = Section("K", "Section K", [k])
    return ParsedPlan(sections=sections, outcomes=[Outcome(text) for text in outcomes])


def _codes(part) -> list[tuple[str, str]]:
    return [(flag.code, flag.evidence) for flag in part.flags]


def test_easy_words_raise_no_hint_and_report_the_figures():
    result = check_readability(_plan(EASY))
    a = result["A"]
    assert a.present and a.sentences == 3 and a.words == 15
    assert a.reading_ease > 80 and a.grade < 5
    assert a.flags == [] and a.terms == []
    assert result["E"].present and result["E"].sentences == 1


def test_a_long_sentence_is_quoted_and_makes_the_part_hard_to_read():
    a = check_readability(_plan([*EASY, LONG]))["A"]
    assert a.long_sentences == [LONG]
    assert ("long_sentence", LONG) in _codes(a)
    long_flag = next(flag for flag in a.flags if flag.code == "long_sentence")
    assert "It has 37 words; aim for 30 or fewer." in long_flag.message
    assert check_readability(_plan([LONG]))["A"].reading_ease < 50
    hard = check_readability(_plan([LONG, LONG.replace("Sam", "He")]))["A"]
    assert [c for c, _ in _codes(hard)].count("hard_to_read") == 1


def test_jargon_and_unexplained_abbreviations_are_found_with_their_plain_words():
    a = check_readability(
        _plan(["Sam sees the SALT each week.", "He has proprioceptive needs and two TAs."])
    )["A"]
    assert [(t["term"], t["kind"]) for t in a.terms] == [
        ("SALT", "abbreviation"),
        ("proprioceptive", "jargon"),
        ("TA", "abbreviation"),
    ]
    assert ("jargon", "SALT") in _codes(a) and ("jargon", "proprioceptive") in _codes(a)
    salt = next(flag for flag in a.flags if flag.evidence == "SALT")
    assert "speech and language therapy" in salt.message
    assert a.terms[1]["source"] == "occupational therapy advice (sensory processing)"


def test_an_abbreviation_spelled_out_anywhere_in_the_plan_is_explained():
    spelled = "The Emotional Literacy Support Assistant (ELSA) meets Sam on Mondays."
    a = check_readability(_plan([spelled, "The ELSA helps him."]))["A"]
    assert a.terms == []
    after = check_readability(_plan(["Sam's QTVI (Qualified Teacher of the Visually Impaired)."]))
    assert after["A"].terms == []
    elsewhere = check_readability(_plan(["Sam sees the SALT."], k="Speech and language therapy"))
    assert elsewhere["A"].terms == []


def test_an_unlisted_abbreviation_counts_unless_it_is_everyday_or_a_name():
    a = check_readability(_plan(["Sam goes to the MAST group, PE and the GP. McKay visits."]))["A"]
    assert [t["term"] for t in a.terms] == ["MAST"]
    assert a.terms[0]["plain"] is None
    assert "Spell it out the first time it is used." in a.flags[0].message


def test_the_outcomes_in_e_are_checked_on_their_own():
    result = check_readability(_plan(EASY, outcomes=[f"{OUTCOME} The SENCo will check."]))
    assert [t["term"] for t in result["E"].terms] == ["SENCo"]
    assert result["A"].terms == []


def test_missing_parts_are_marked_not_present():
    result = check_readability(ParsedPlan())
    assert not result["A"].present and result["A"].reading_ease is None
    assert result["A"].to_dict()["flags"] == []


def test_sentences_split_at_full_stops_and_lines_without_one_stay_whole():
    assert split_sentences("He likes trains. She likes cars!  ") == [
        "He likes trains.",
        "She likes cars!",
    ]
    assert split_sentences("Likes: trains, cars") == ["Likes: trains, cars"]
    assert split_sentences(" - ") == []


def test_every_listed_term_names_its_source():
    rules = load_plain_english()
    assert {"SALT", "ELSA", "proprioceptive", "differentiated curriculum"} <= {
        term.text for term in rules.terms
    }
    assert all(term.source and term.plain for term in rules.terms)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("thresholds"), "needs a 'thresholds' object"),
        (lambda d: d["jargon"][0].pop("source"), "jargon entry 1: 'term', 'plain' and 'source'"),
        (lambda d: d["abbreviations"].append(d["abbreviations"][0]), "'SALT' is listed twice"),
        (lambda d: d["thresholds"].update(reading_ease_below=140), "must be 0 to 100"),
    ],
)
def test_a_bad_word_list_names_the_file_and_the_entry(tmp_path, change, message):
    data = json.loads((rules_dir() / PLAIN_ENGLISH_FILE).read_text(encoding="utf-8"))
    change(data)
    (tmp_path / PLAIN_ENGLISH_FILE).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RuleFileError, match=message) as raised:
        load_plain_english(str(tmp_path))
    assert PLAIN_ENGLISH_FILE in str(raised.value)
