"""The family questions file: the shipped questions, and every mistake in a file reported at
once with the file, line and field."""

from __future__ import annotations

import pytest

from qa_audit.errors import MatrixError
from qa_audit.family.questions import load_questions, parse_questions
from tests.matrix.conftest import MATRIX_DIR

SHIPPED = MATRIX_DIR / "family" / "questions.toml"

GOOD = """\
title = "Tell us"

[[answers]]
value = "yes"
label = "Yes"
plain = "Yes"

[[answers]]
value = "dont_know"
label = "Don't know"
plain = "I don't know"
counted = false

[[measures]]
id = "involvement"
title = "Involved"
target = 0.75

[[questions]]
id = "involved"
text = "Were you involved?"
plain = "Did people listen to you?"
measure = "involvement"
"""


def test_the_shipped_questions_ask_the_two_measures_and_what_would_be_better():
    questions = load_questions(SHIPPED)
    assert [q.id for q in questions.scale_questions] == ["describes_now", "aspirations", "involved"]
    assert [q.id for q in questions.text_questions] == ["better"]
    assert {m.id: m.target for m in questions.measures} == {
        "reflects_child": 0.75,
        "involvement": 0.75,
    }
    assert [q.measure for q in questions.scale_questions] == [
        "reflects_child",
        "reflects_child",
        "involvement",
    ]
    assert [a.value for a in questions.answers if not a.counted] == ["dont_know"]
    assert all(q.plain and q.plain != q.text for q in questions.questions)


def test_a_good_small_file_loads():
    questions = parse_questions(GOOD, "q.toml")
    assert questions.answer_label("dont_know") == "Don't know"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ('measure = "involvement"', 'measure = "involve"'),
            "q.toml, line 23, question "
            "'involved': 'measure' must name a [[measures]] table for a scale question (found "
            "'involve'; measures: involvement)",
        ),
        (
            ('plain = "Did people listen to you?"', "plain = 3"),
            "q.toml, line 22, question 'involved': 'plain' must be some text",
        ),
        (
            ('id = "involved"', 'id = "Involved-Now"'),
            "q.toml, line 20, question 'Involved-Now': 'id' must be lower-case letters, digits or "
            "'_' (found 'Involved-Now')",
        ),
        (
            ("counted = false", "counted = true"),
            'q.toml, line 4, answers: one answer must be "don\'t know", with counted = false',
        ),
        (
            ("target = 0.75", "target = 75"),
            "q.toml, line 17, measure 'involvement': 'target' must be between 0 and 1, e.g. 0.85 "
            "for 85% (found 75)",
        ),
        (
            ('title = "Tell us"', 'titel = "Tell us"'),
            "q.toml, line 1: unknown field 'titel' (known fields: answers, measures, questions, "
            "title)",
        ),
        (
            ('value = "yes"', 'value = "dont_know"'),
            "q.toml, line 9, answer 'dont_know': answer 'dont_know' is listed twice",
        ),
        (
            ('text = "Were you involved?"', 'text = "Were you involved?'),
            "q.toml, line 21: the file is not valid TOML",
        ),
    ],
)
def test_mistakes_name_the_file_line_and_field(change, expected):
    with pytest.raises(MatrixError) as raised:
        parse_questions(GOOD.replace(*change), "q.toml")
    assert any(line.startswith(expected) for line in str(raised.value).splitlines())


def test_every_mistake_is_reported_at_once():
    text = GOOD.replace('plain = "Yes"', "").replace("target = 0.75", "target = 2")
    with pytest.raises(MatrixError) as raised:
        parse_questions(text, "q.toml")
    assert len(str(raised.value).splitlines()) == 2


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(MatrixError, match=r"questions\.toml: the family questions file does not"):
        load_questions(tmp_path / "questions.toml")
