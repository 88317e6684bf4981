"""The questions families are asked, from a TOML file beside the matrix (``FAMILY_QUESTIONS``),
validated like a matrix: every problem reported at once, each naming the file, line and field.

Each question has a parent's wording (``text``) and a plain-words wording for children and
young people (``plain``), answered on the same scale. A scale question may count towards a
measure (``measure``), whose ``target`` is the share of counted answers that should be "yes"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flask import current_app

from qa_audit.errors import MatrixError, QaAuditError
from qa_audit.matrix.fields import TableReader
from qa_audit.matrix.loading import parse_data_file, read_data_file

KINDS = ("scale", "text")
_QUESTION_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Answer:
    value: str
    label: str
    plain: str
    counted: bool  # False for "don't know": left out of a measure's share


@dataclass(frozen=True)
class Measure:
    id: str
    title: str
    target: float


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    text: str
    plain: str
    measure: str | None

    def wording(self, plain: bool) -> str:
        return self.plain if plain else self.text


@dataclass(frozen=True)
class Questionnaire:
    title: str
    answers: tuple[Answer, ...]
    measures: tuple[Measure, ...]
    questions: tuple[Question, ...]

    @property
    def scale_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.kind == "scale")

    @property
    def text_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.kind == "text")

    def answer_label(self, value: str) -> str:
        return next((a.label for a in self.answers if a.value == value), value)


class QuestionsUnavailable(QaAuditError):
    """The questions file is missing or has mistakes: the page says so in one plain sentence,
    and the log names the file and each mistake for whoever runs the service."""


UNAVAILABLE = (
    "The feedback questions cannot be shown at the moment. Please try again later; we have "
    "been told about the problem."
)


def current_questions() -> Questionnaire:
    """The configured questions, read again whenever the file changes."""
    path = Path(current_app.config["FAMILY_QUESTIONS"])
    try:
        try:
            changed = path.stat().st_mtime_ns
        except FileNotFoundError as err:
            raise MatrixError(f"{path}: the family questions file does not exist") from err
        return _cached(str(path), changed)
    except MatrixError as err:
        current_app.logger.error("family questions file cannot be used: %s", err)
        raise QuestionsUnavailable(UNAVAILABLE) from err


@lru_cache(maxsize=4)
def _cached(path: str, _changed: int) -> Questionnaire:
    return load_questions(path)


def load_questions(path: str | Path) -> Questionnaire:
    return parse_questions(read_data_file(path, "family questions file"), str(path))


def parse_questions(text: str, source_name: str) -> Questionnaire:
    root = parse_data_file(text, source_name)
    root.reject_unknown({"title", "answers", "measures", "questions"})
    answers = _answers(root)
    measures = _measures(root)
    questions = _questions(root, {m.id for m in measures})
    questionnaire = Questionnaire(root.text("title"), answers, measures, questions)
    root.problems.raise_if_any()
    return questionnaire


def _answers(root: TableReader) -> tuple[Answer, ...]:
    found: list[Answer] = []
    for index, _ in enumerate(root.tables("answers")):
        item = root.item("answers", index, "answer", name_field="value")
        item.reject_unknown({"value", "label", "plain", "counted"})
        value = _identifier(item, "value")
        if value and value in {a.value for a in found}:
            item.problem("value", f"answer '{value}' is listed twice")
        found.append(
            Answer(value, item.text("label"), item.text("plain"), item.boolean("counted", True))
        )
    first = ("answers", 0, "value")  # where a problem with the whole scale is shown
    if found and not any(a.counted for a in found):
        root.problems.add(first, "answers", "at least one answer must be counted")
    if found and all(a.counted for a in found):
        root.problems.add(
            first, "answers", 'one answer must be "don\'t know", with counted = false'
        )
    return tuple(found)


def _measures(root: TableReader) -> tuple[Measure, ...]:
    found: list[Measure] = []
    for index, _ in enumerate(root.tables("measures", required=False)):
        item = root.item("measures", index, "measure")
        item.reject_unknown({"id", "title", "target"})
        measure_id = _identifier(item, "id")
        if measure_id and measure_id in {m.id for m in found}:
            item.problem("id", f"measure '{measure_id}' is listed twice")
        found.append(Measure(measure_id, item.text("title"), item.share("target") or 0.0))
    return tuple(found)


def _questions(root: TableReader, measure_ids: set[str]) -> tuple[Question, ...]:
    found: list[Question] = []
    for index, _ in enumerate(root.tables("questions")):
        item = root.item("questions", index, "question")
        item.reject_unknown({"id", "kind", "text", "plain", "measure"})
        question_id = _identifier(item, "id")
        if question_id and question_id in {q.id for q in found}:
            item.problem("id", f"question '{question_id}' is listed twice")
        kind = item.table.get("kind", "scale")
        if kind not in KINDS:
            item.problem("kind", f"'kind' must be one of {', '.join(KINDS)} (found {kind!r})")
        measure = item.table.get("measure")
        if measure is not None and (kind != "scale" or measure not in measure_ids):
            known = ", ".join(sorted(measure_ids)) or "none"
            item.problem(
                "measure",
                f"'measure' must name a [[measures]] table for a scale question "
                f"(found {measure!r}; measures: {known})",
            )
        found.append(Question(question_id, kind, item.text("text"), item.text("plain"), measure))
    if found and not any(q.kind == "scale" for q in found):
        root.problems.add(
            ("questions", 0, "id"),
            "questions",
            "at least one question must be answered on the scale",
        )
    return tuple(found)


def _identifier(item: TableReader, key: str) -> str:
    value = item.text(key)
    if value and not _QUESTION_ID.match(value):
        item.problem(key, f"'{key}' must be lower-case letters, digits or '_' (found '{value}')")
    return value
