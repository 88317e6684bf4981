"""Accuracy of the pre-flags against the hand-labelled statements (:mod:`qa_audit.nlp.labelled`).

Outcome statements are judged against :data:`DEFAULT_REFERENCE_DATE` unless a record gives its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from qa_audit.nlp import flags as f
from qa_audit.nlp.labelled import Kind, Split, load_records
from qa_audit.nlp.outcomes import outcome_check
from qa_audit.nlp.pipeline import parse
from qa_audit.nlp.provision import provision_check

DEFAULT_REFERENCE_DATE = date(2026, 1, 15)
WEAK = "weak"


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of one label; ``support`` is the number of true positives
    plus false negatives (how many statements really carry the label)."""

    label: str
    tp: int
    fp: int
    fn: int

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.support if self.support else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Prediction:
    text: str
    expected: frozenset[str]  # labels, including "weak" for weak outcomes
    predicted: frozenset[str]


def predict(kind: Kind, split: Split) -> list[Prediction]:
    records = load_records(kind, split)
    docs = parse([r["text"] for r in records])
    results = []
    for record, doc in zip(records, docs, strict=True):
        expected = set(record["flags"]) | ({WEAK} if record.get("weak") else set())
        if kind == "outcomes":
            when = record.get("reference_date")
            reference = date.fromisoformat(when) if when else DEFAULT_REFERENCE_DATE
            check = outcome_check(doc, reference)
            predicted = {fl.code for fl in check.flags} | ({WEAK} if check.weak else set())
        else:
            predicted = {fl.code for fl in provision_check(doc).flags}
        results.append(Prediction(record["text"], frozenset(expected), frozenset(predicted)))
    return results


def score(predictions: Sequence[Prediction], labels: Sequence[str]) -> list[Score]:
    return [
        Score(
            label,
            tp=sum(label in p.expected and label in p.predicted for p in predictions),
            fp=sum(label not in p.expected and label in p.predicted for p in predictions),
            fn=sum(label in p.expected and label not in p.predicted for p in predictions),
        )
        for label in labels
    ]


def evaluate(split: Split) -> list[Score]:
    """Scores for ``weak``, each outcome flag, and ``provision_not_quantified`` on a split."""
    outcome_scores = score(predict("outcomes", split), [WEAK, *f.OUTCOME_CODES])
    provision_scores = score(predict("provision", split), [f.PROVISION_NOT_QUANTIFIED])
    return [*outcome_scores, *provision_scores]


def good_outcomes_flagged(split: Split, code: str) -> list[str]:
    """Outcomes labelled not weak that the analyser nevertheless flags with ``code``."""
    return [
        p.text for p in predict("outcomes", split) if WEAK not in p.expected and code in p.predicted
    ]
