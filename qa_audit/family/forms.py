"""Forms for family feedback, the question fields built from the configured questions."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import Field, HiddenField, IntegerField, RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from qa_audit.family.questions import Question, Questionnaire
from qa_audit.models.family import HOW_ANSWERED, RESPONDENTS
from qa_audit.web.widgets import Radios, TextArea

FREE_TEXT_LIMIT = 2000
FIELD_PREFIX = "q_"  # question ids never clash with the form's own fields


class NewLinkForm(FlaskForm):
    respondent = RadioField(
        "Who is the link for?",
        choices=[SelectChoice(key, label) for key, label in RESPONDENTS.items()],
        validators=[InputRequired("Choose who the link is for")],
        widget=Radios(),
    )


class AnswersForm(FlaskForm):
    """The questions; subclasses are built per set of questions by :func:`answers_form`."""

    questionnaire: Questionnaire

    def question_fields(self) -> list[Field]:
        return [self[FIELD_PREFIX + q.id] for q in self.questionnaire.questions]

    def answers(self) -> dict[str, str]:
        return {q.id: self[FIELD_PREFIX + q.id].data for q in self.questionnaire.scale_questions}

    def comments(self) -> dict[str, str]:
        return {
            q.id: (self[FIELD_PREFIX + q.id].data or "").strip()
            for q in self.questionnaire.text_questions
        }


class GivenAnswersForm(AnswersForm):
    """A caseworker recording an answer given by phone or on paper."""

    respondent = RadioField(
        "Who answered?",
        choices=[SelectChoice(key, label) for key, label in RESPONDENTS.items()],
        validators=[InputRequired("Choose who answered")],
        widget=Radios(),
    )
    how = RadioField(
        "How was it answered?",
        choices=[SelectChoice(key, HOW_ANSWERED[key]) for key in ("phone", "paper")],
        validators=[InputRequired("Choose whether the answer was given by phone or on paper")],
        widget=Radios(),
    )


def answers_form(
    questionnaire: Questionnaire, plain: bool, base: type[AnswersForm] = AnswersForm
) -> AnswersForm:
    """A form asking ``questionnaire``, in plain words for children and young people."""
    fields = {FIELD_PREFIX + q.id: _field(questionnaire, q, plain) for q in questionnaire.questions}
    form_class = type("QuestionsForm", (base,), {"questionnaire": questionnaire, **fields})
    return form_class()


def _field(questionnaire: Questionnaire, question: Question, plain: bool) -> Field:
    wording = question.wording(plain)
    if question.kind == "text":
        return TextAreaField(
            wording,
            description="You do not have to answer this.",
            validators=[
                Optional(),
                Length(max=FREE_TEXT_LIMIT, message=f"Write {FREE_TEXT_LIMIT} characters or fewer"),
            ],
            widget=TextArea(),
        )
    return RadioField(
        wording,
        choices=[
            SelectChoice(a.value, a.plain if plain else a.label) for a in questionnaire.answers
        ],
        validators=[InputRequired("Choose an answer to this question")],
        widget=Radios(),
    )


class WithdrawForm(FlaskForm):
    link_id = IntegerField(validators=[InputRequired()])


class LetterForm(FlaskForm):
    """The link just made, sent back to print its letter: the token is never stored."""

    link_id = IntegerField(validators=[InputRequired()])
    token = HiddenField(validators=[InputRequired()])


YOU_SAID_LIMIT = 500


class YouSaidForm(FlaskForm):
    """One line of the "You said, we did" list, in general terms (no names)."""

    you_said = TextAreaField(
        "You said",
        validators=[
            InputRequired("Write what families told us"),
            Length(max=YOU_SAID_LIMIT, message=f"Write {YOU_SAID_LIMIT} characters or fewer"),
        ],
        widget=TextArea(),
    )
    we_did = TextAreaField(
        "We did",
        validators=[
            InputRequired("Write what the service did about it"),
            Length(max=YOU_SAID_LIMIT, message=f"Write {YOU_SAID_LIMIT} characters or fewer"),
        ],
        widget=TextArea(),
    )
