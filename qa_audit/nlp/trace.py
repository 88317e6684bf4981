"""Trace each recommendation of the professional advice into the plan, by content.

Every recommendation is compared with every plan statement that could carry it (section E
outcomes and F, G, H1, H2 provision) by a blend of two similarities, both blind to how often,
how long and in what group (the amounts are checked once the pairs are made): the cosine of
their sentence embeddings (:mod:`qa_audit.nlp.sentence_model`), which sees a rewording that
shares no word, and the TF-IDF cosine (scikit-learn) of their lemmas plus the SEND ideas each
one expresses (:mod:`qa_audit.nlp.paraphrases`), averaged with the same over character n-grams
of those lemmas (so "typing" meets "touch-typing"). Recommendations and statements are paired
one to one; a pair at or above :data:`THRESHOLD` is a reflection, and a reflection that lost
the amount the advice asked for, on evidence a person can point at
(:func:`qa_audit.nlp.quantities.watered_down`), is watered down. A reflection that names none of
the people the advice names (no one, or someone else in place of a qualified professional) is
its own finding (:func:`qa_audit.nlp.quantities.who_left_out`). Provision paired with no reflected
recommendation is unsupported, for an auditor to check.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from qa_audit.documents.advice_document import AdviceDocument
from qa_audit.documents.model import ParsedPlan
from qa_audit.nlp.nil_entries import is_nil_entry
from qa_audit.nlp.paraphrases import ideas
from qa_audit.nlp.pipeline import cues, inside, parse
from qa_audit.nlp.quantities import Quantities, lost, quantities, watered_down, who_left_out
from qa_audit.nlp.themes import MIN_WORD_LENGTH, load_themes

THRESHOLD = 0.24
"""Similarity at which a plan statement is taken to carry a recommendation. Chosen with
:data:`LEXICAL_WEIGHT` and :data:`SHARED_FLOOR` by the mean F1 of missing, watered down and
unsupported over the ``dev``, ``tune``, ``heldout``, ``fresh``, ``fresh2``, ``blind``,
``blind2`` and ``blind3`` pairs together (24 plans each; weights 0.5 to 0.7, thresholds 0.20 to
0.30), never on ``blind4``, which is only reported on. 0.22 scored 0.003 higher but stands near
an edge: ``blind2``'s missing recall is 0.92 at 0.24, 0.88 at 0.22 and 0.77 at 0.20."""
AMOUNT_BONUS = 0.1
"""Added to the similarity of a plan statement that keeps every amount and role the
recommendation states: a rewording that keeps "15 minutes three times a week, by a teaching
assistant" is likelier to be the same provision than one that shares only its words."""
SHARED_FLOOR = 0.1
"""Word similarity (:func:`word_similarity`) a statement needs before the amounts it keeps add
:data:`AMOUNT_BONUS`: keeping "every day, by school staff" corroborates a statement that says
something of the same provision, but on its own it would pair a cutlery routine with a place at
breakfast club."""
NEAREST_FLOOR = 0.16
"""Similarity from which a recommendation the plan does not carry still names the nearest plan
statement, for an auditor to judge: a rewording the tracer cannot see is often that one."""
LEXICAL_WEIGHT = 0.6
"""Share of the similarity taken from shared words and ideas; the rest is the sentence
embeddings' (:mod:`qa_audit.nlp.sentence_model`), which see a rewording that shares no word.
Chosen with :data:`THRESHOLD` (see there)."""
CHAR_WEIGHT = 0.5
"""Share of the similarity taken from character n-grams of the lemmas (the rest: whole lemmas)."""
PROVISION_SECTIONS = ("F", "G", "H1", "H2")
OUTCOME_HEADING = re.compile(r"outcome|target|aim", re.IGNORECASE)
AMOUNT_LABELS = ("FREQUENCY", "DURATION", "GROUP_SIZE")


@dataclass(frozen=True)
class PlanStatement:
    section: str
    text: str

    def to_dict(self) -> dict:
        return {"section": self.section, "text": self.text}


@dataclass
class TracedRecommendation:
    text: str
    where: PlanStatement | None
    score: float
    lost: list[str] = field(default_factory=list)  # amounts the plan did not keep
    who_left_out: list[str] = field(default_factory=list)  # named by the advice, not the plan
    nearest: PlanStatement | None = None  # when not reflected: the closest statement, if any

    @property
    def reflected(self) -> bool:
        return self.where is not None

    @property
    def watered_down(self) -> bool:
        return self.reflected and bool(self.lost)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "reflected": self.reflected,
            "watered_down": self.watered_down,
            "where": self.where.to_dict() if self.where else None,
            "score": round(self.score, 3),
            "lost": self.lost,
            "who_left_out": self.who_left_out,
            "nearest": self.nearest.to_dict() if self.nearest else None,
        }


@dataclass
class TracedAdvice:
    file: str
    source: str
    recommendations: list[TracedRecommendation]

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "source": self.source,
            "recommendations": [r.to_dict() for r in self.recommendations],
        }


@dataclass
class Trace:
    plan: str
    advice: list[TracedAdvice]
    unsupported: list[PlanStatement]

    def to_dict(self) -> dict:
        return {
            "plan": self.plan,
            "advice": [a.to_dict() for a in self.advice],
            "unsupported": [s.to_dict() for s in self.unsupported],
        }


def plan_statements(plan: ParsedPlan) -> list[PlanStatement]:
    """What a recommendation can be carried into: outcomes (E) and provision (F, G, H)."""
    found = [PlanStatement("E", o.text) for o in plan.outcomes]
    found += [
        PlanStatement(p.section, p.statement) for p in plan.provision if not is_nil_entry(p.text)
    ]
    return found


def trace(
    plan_name: str,
    plan: ParsedPlan,
    advice: Sequence[tuple[str, AdviceDocument]],
    threshold: float = THRESHOLD,
) -> Trace:
    statements = plan_statements(plan)
    texts = [r.text for _, document in advice for r in document.recommendations]
    docs = list(parse([*texts, *(s.text for s in statements)]))
    advice_docs, plan_docs = docs[: len(texts)], docs[len(texts) :]
    outcome_rows = [
        bool(OUTCOME_HEADING.search(r.heading)) for _, d in advice for r in d.recommendations
    ]
    advice_amounts = [quantities(doc) for doc in advice_docs]
    plan_amounts = [quantities(doc) for doc in plan_docs]
    words = word_similarity(advice_docs, plan_docs)
    scores = _blend(words, meaning_similarity(advice_docs, plan_docs))
    kept = _amounts_kept(advice_amounts, plan_docs, plan_amounts)
    scores += AMOUNT_BONUS * kept * (words >= SHARED_FLOOR)
    scores = _candidates_only(scores, outcome_rows, statements)
    chosen = _assign(scores)
    traced = [
        _traced(
            doc,
            advice_amounts[row],
            scores[row],
            chosen[row],
            statements,
            plan_docs,
            plan_amounts,
            threshold,
        )
        for row, doc in enumerate(advice_docs)
    ]
    result, start = [], 0
    for name, document in advice:
        end = start + len(document.recommendations)
        result.append(TracedAdvice(name, document.source, traced[start:end]))
        start = end
    carried = {r.where for r in traced if r.where is not None}
    unsupported = [s for s in statements if s.section in PROVISION_SECTIONS and s not in carried]
    return Trace(plan_name, result, unsupported)


def _amounts_kept(
    advice: list[Quantities], plan_docs: list[Doc], plan: list[Quantities]
) -> np.ndarray:
    """1 where the plan statement (column) keeps all that the recommendation (row) states of
    how often, how long and by whom; 0 where it loses some or the recommendation states none."""
    kept = np.zeros((len(advice), len(plan)))
    for row, wanted in enumerate(advice):
        if wanted.stated:
            for column, (doc, amounts) in enumerate(zip(plan_docs, plan, strict=True)):
                kept[row, column] = not lost(wanted, doc, amounts)
    return kept


def _candidates_only(
    scores: np.ndarray, outcome_rows: list[bool], statements: list[PlanStatement]
) -> np.ndarray:
    """A recommendation found under an outcomes heading is carried by an outcome (E); any
    other by provision (F, G, H): the other scores are set to 0."""
    is_outcome = np.array([s.section == "E" for s in statements], dtype=bool)
    for row, wants_outcome in enumerate(outcome_rows):
        scores[row, is_outcome != wants_outcome] = 0.0
    return scores


def _assign(scores: np.ndarray) -> list[int | None]:
    """The statement each recommendation is paired with: the best one-to-one pairing of
    recommendations and statements (Hungarian method), so two recommendations never claim the
    same statement and the stronger claim wins. None when there are more recommendations."""
    from scipy.optimize import linear_sum_assignment

    chosen: list[int | None] = [None] * scores.shape[0]
    if scores.size:
        rows, columns = linear_sum_assignment(scores, maximize=True)
        for row, column in zip(rows, columns, strict=True):
            chosen[int(row)] = int(column)
    return chosen


def _traced(
    doc: Doc,
    amounts: Quantities,
    row: np.ndarray,
    best: int | None,
    statements: list[PlanStatement],
    plan_docs: list[Doc],
    plan_amounts: list[Quantities],
    threshold: float,
) -> TracedRecommendation:
    if best is None:
        return TracedRecommendation(doc.text, None, 0.0)
    score = float(row[best])
    if score < threshold:
        nearest = statements[best] if score >= NEAREST_FLOOR else None
        return TracedRecommendation(doc.text, None, score, nearest=nearest)
    plan_doc, plan_amount = plan_docs[best], plan_amounts[best]
    return TracedRecommendation(
        doc.text,
        statements[best],
        score,
        watered_down(amounts, plan_doc, plan_amount),
        who_left_out(amounts, plan_doc, plan_amount),
    )


def _blend(words: np.ndarray, meaning: np.ndarray) -> np.ndarray:
    """Similarity of each recommendation (rows) to each plan statement (columns): the cosine of
    their sentence embeddings, blended with the cosine of their words (:data:`LEXICAL_WEIGHT`).
    Both leave out how often, how long and in what group: what is done and by whom decides
    which statement carries a recommendation, and the amounts are compared afterwards."""
    return LEXICAL_WEIGHT * words + (1 - LEXICAL_WEIGHT) * meaning


def meaning_similarity(advice: Sequence[Doc], plan: Sequence[Doc]) -> np.ndarray:
    """Cosine similarity of the sentence embeddings of each recommendation (rows) and plan
    statement, their amounts left out."""
    from qa_audit.nlp.sentence_model import embed

    if not advice or not plan:
        return np.zeros((len(advice), len(plan)))
    vectors = embed([_without_amounts(doc) for doc in [*advice, *plan]])
    return vectors[: len(advice)] @ vectors[len(advice) :].T


def word_similarity(advice: Sequence[Doc], plan: Sequence[Doc]) -> np.ndarray:
    """Cosine similarity of the words of each recommendation (rows) and plan statement."""
    # Imported here: a reading child re-imports its parent's main module, and scikit-learn
    # alone would take much of the child's memory limit.
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    if not advice or not plan:
        return np.zeros((len(advice), len(plan)))
    lemmas = [_content_lemmas(doc) for doc in [*advice, *plan]]
    words = TfidfVectorizer(analyzer=lambda tokens: tokens, sublinear_tf=True)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    joined = [" ".join(tokens) for tokens in lemmas]
    total = np.zeros((len(advice), len(plan)))
    for vectorizer, data, weight in (
        (words, lemmas, 1 - CHAR_WEIGHT),
        (chars, joined, CHAR_WEIGHT),
    ):
        try:
            matrix = vectorizer.fit_transform(data)
        except ValueError:  # no usable words at all
            continue
        total += weight * cosine_similarity(matrix[: len(advice)], matrix[len(advice) :])
    return total


def _amount_spans(doc: Doc) -> list[Span]:
    return [span for label in AMOUNT_LABELS for span in cues(doc, label)]


def _without_amounts(doc: Doc) -> str:
    """The text less its frequency, duration and group size cues."""
    amounts = _amount_spans(doc)
    kept = "".join(t.text_with_ws for t in doc if not inside(doc[t.i : t.i + 1], amounts))
    return " ".join(kept.split())


def _content_lemmas(doc: Doc) -> list[str]:
    """Lemmas that say what is done and by whom, not how often or how long: no stop words,
    generic plan words, numbers, or words inside a frequency, duration or group size cue.
    Acronyms (PE, ELSA) count whatever their length."""
    generic = load_themes().generic_words
    amounts = _amount_spans(doc)
    words = [
        token.lemma_
        for token in doc
        if token.is_alpha
        and (len(token) >= MIN_WORD_LENGTH or token.text.isupper())
        and token.lemma_ not in STOP_WORDS
        and token.lemma_ not in generic
        and not inside(doc[token.i : token.i + 1], amounts)
    ]
    return words + ideas(doc)
