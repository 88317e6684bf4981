"""Accuracy of the pre-flags on statements published by others (the shared corpus).

The corpus (``outcomes.jsonl``, described by the README beside it) holds outcome and provision
statements quoted from council, charity and national guidance with each source's own verdict.
It is read at run time and never copied into the project. Whole publishers are held out: the
held-out publishers were drawn once with the seed recorded in ``data/corpus_split.json``
(:func:`draw_heldout`); rules are tuned on the other publishers (``dev``) only. Publishers added
to the corpus after the draw are ``new``: no rule was written while reading them, so they are a
blind test until a new draw takes them into its pool.

Only the dev misses are listed by default. Listing the misses of held-out or new publishers
(``--show-blind-misses``) spends them: from then on their figures are no longer blind, which the
split file records (``heldout_read``) and the report says.

Conventions, applied the same way to every record:

* ``outcome`` and ``aspiration`` records go through the outcome check, ``provision`` records
  through the provision check; a flag is scored only on records whose check can raise it.
* US IEP goals are annual goals (the IEP's year is their time frame), so the ``iep`` group is
  checked with the time frame given by the plan, as a section E column would give it, and by
  their own convention: a goal names a criterion, unless it is a postsecondary goal.
* A published statement has no plan date, so ``outdated`` is not judged.

Cross-validation (``qa-audit eval --corpus --cross-validate``) leaves one dev publisher out at a
time and never reads the held-out publishers. Nothing in the rules or the baseline is fitted on
the corpus, so each fold's figures are those of the publisher it leaves out: the report gives
them per publisher, pooled, and as a mean over publishers with the worst one, which is what a
publisher the rules were not written against can expect.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from qa_audit.errors import QaAuditError
from qa_audit.nlp import flags as f
from qa_audit.nlp.evaluation import WEAK, Prediction, Score, score
from qa_audit.nlp.outcomes import outcome_check
from qa_audit.nlp.pipeline import parse
from qa_audit.nlp.provision import provision_check

CORPUS_FILE = "outcomes.jsonl"
SPLIT_FILE = "corpus_split.json"
PARTS = ("dev", "heldout", "new")
BLIND_PARTS = ("heldout", "new")
OUTCOME_KINDS = ("outcome", "aspiration")
ANNUAL_GROUPS = ("iep",)
KIND_LABELS = {
    "outcome": (WEAK, *(c for c in f.OUTCOME_CODES if c != f.OUTDATED)),
    "provision": (WEAK, f.PROVISION_NOT_QUANTIFIED),
}
KIND_LABELS["aspiration"] = KIND_LABELS["outcome"]
LABELS = (WEAK, *(c for c in f.OUTCOME_CODES if c != f.OUTDATED), f.PROVISION_NOT_QUANTIFIED)
BY = re.compile(r"\bby\b", re.IGNORECASE)


class CorpusError(QaAuditError):
    """The corpus folder or its file cannot be read."""


def default_corpus_dir() -> Path:
    """``../shared/corpus`` beside the project root (the folder holding ``qa_audit``)."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def load_corpus(folder: Path) -> list[dict]:
    path = Path(folder) / CORPUS_FILE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise CorpusError(f"No corpus file {CORPUS_FILE} was found in {folder}.") from err
    try:
        return [json.loads(line) for line in lines if line.strip()]
    except json.JSONDecodeError as err:
        raise CorpusError(f"Line {err.lineno} of {path} is not valid JSON.") from err


@dataclass(frozen=True)
class Split:
    seed: int
    share: float
    pool: dict[str, str]  # publisher -> group, as drawn from
    heldout: frozenset[str]
    heldout_read: str = ""  # why the held-out figures are no longer blind, if they are not

    def part(self, publisher: str) -> str:
        if publisher not in self.pool:
            return "new"
        return "heldout" if publisher in self.heldout else "dev"


def draw_heldout(pool: dict[str, str], seed: int, share: float) -> list[str]:
    """Draw ``share`` of the publishers of each group (at least one), with ``seed``."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible draw, not a secret
    chosen: list[str] = []
    for group in sorted(set(pool.values())):
        names = sorted(name for name, g in pool.items() if g == group)
        chosen += rng.sample(names, max(1, round(share * len(names))))
    return sorted(chosen)


def load_split() -> Split:
    path = resources.files("qa_audit.nlp") / "data" / SPLIT_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    return Split(
        data["seed"],
        data["share"],
        data["pool"],
        frozenset(data["heldout"]),
        data.get("heldout_read", ""),
    )


@dataclass(frozen=True)
class Checked:
    record: dict
    part: str
    prediction: Prediction
    evidence: tuple[str, ...]  # "code: evidence" of each flag raised


def check_corpus(records: Sequence[dict], split: Split) -> list[Checked]:
    """Run the pre-flags over every record and keep what the source and the rules say."""
    results = []
    for record, doc in zip(records, parse([r["text"] for r in records]), strict=True):
        if record["kind"] in OUTCOME_KINDS:
            given = record["group"] in ANNUAL_GROUPS
            check = outcome_check(doc, None, time_frame_given=given, annual_goal=given)
            raised, weak = check.flags, check.weak
        else:
            raised = provision_check(doc).flags
            weak = bool(raised)
        expected = set(record["flags"]) | ({WEAK} if record["verdict"] == "weak" else set())
        predicted = {fl.code for fl in raised} | ({WEAK} if weak else set())
        prediction = Prediction(record["text"], frozenset(expected), frozenset(predicted))
        evidence = tuple(f"{fl.code}: {fl.evidence}" for fl in raised)
        results.append(Checked(record, split.part(record["publisher"]), prediction, evidence))
    return results


def baseline(checked: Checked) -> Prediction:
    """The one-line rule: weak unless the statement contains the word "by"."""
    p = checked.prediction
    weak = frozenset() if BY.search(p.text) else frozenset({WEAK})
    return Prediction(p.text, p.expected, weak)


def scores(rows: Iterable[Checked], labels: Sequence[str] = LABELS) -> list[Score]:
    """Scores per label, each over the records whose check can raise that label."""
    rows = list(rows)
    return [
        score([r.prediction for r in rows if label in KIND_LABELS[r.record["kind"]]], [label])[0]
        for label in labels
    ]


def raised_on_good(rows: Iterable[Checked], label: str) -> int:
    """How many statements the source judged good carry ``label``: its false positives that are
    wrong beyond doubt. A source that calls a statement weak lists only the flags its own
    criticism supports, so a flag it does not list on a weak statement is unconfirmed rather than
    known to be wrong; the strict precision counts both."""
    return sum(
        WEAK not in r.prediction.expected and label in r.prediction.predicted
        for r in rows
        if label in KIND_LABELS[r.record["kind"]]
    )


def weak_score(rows: Iterable[Checked], how: Callable[[Checked], Prediction]) -> Score:
    return score([how(r) for r in rows], [WEAK])[0]


def rules(checked: Checked) -> Prediction:
    return checked.prediction


def good_flagged(
    rows: Iterable[Checked], how: Callable[[Checked], Prediction] = rules
) -> tuple[int, int]:
    """(good statements called weak, good statements), by the rules or by ``how``."""
    good = [r for r in rows if WEAK not in r.prediction.expected]
    return sum(WEAK in how(r).predicted for r in good), len(good)


@dataclass(frozen=True)
class PublisherFigures:
    """Weak figures on one publisher's statements, by the rules and by the baseline."""

    publisher: str
    statements: int
    rules: Score
    baseline: Score
    good_called_weak: tuple[int, int]  # outcome statements only, by the rules
    good_called_weak_baseline: tuple[int, int]


def by_publisher(rows: Sequence[Checked]) -> list[PublisherFigures]:
    """Figures for each publisher in ``rows``, in name order."""
    table = []
    for name in sorted({r.record["publisher"] for r in rows}):
        mine = [r for r in rows if r.record["publisher"] == name]
        outcomes = [r for r in mine if r.record["kind"] in OUTCOME_KINDS]
        table.append(
            PublisherFigures(
                name,
                len(mine),
                weak_score(mine, rules),
                weak_score(mine, baseline),
                good_flagged(outcomes, rules),
                good_flagged(outcomes, baseline),
            )
        )
    return table


@dataclass(frozen=True)
class CrossValidation:
    """Leave-one-publisher-out over the dev publishers: one fold per publisher."""

    folds: list[PublisherFigures]
    pooled: tuple[Score, Score]  # rules, baseline over every fold's left-out statements

    def mean_f1(self, which: str) -> float:
        return sum(getattr(fold, which).f1 for fold in self.folds) / len(self.folds)

    def worst(self, which: str) -> PublisherFigures:
        return min(self.folds, key=lambda fold: (getattr(fold, which).f1, fold.publisher))


def cross_validate(rows: Sequence[Checked]) -> CrossValidation:
    """Leave each dev publisher out in turn; held-out publishers are not read."""
    dev = [r for r in rows if r.part == "dev"]
    if not dev:
        raise CorpusError("The corpus holds no statements from dev publishers.")
    return CrossValidation(by_publisher(dev), (weak_score(dev, rules), weak_score(dev, baseline)))


def misses(rows: Iterable[Checked]) -> list[Checked]:
    """Records where the rules and the source disagree on the verdict or on a scored flag."""
    return [
        r
        for r in rows
        if (r.prediction.expected ^ r.prediction.predicted) & set(KIND_LABELS[r.record["kind"]])
    ]


def slices(rows: Sequence[Checked]) -> list[tuple[str, list[Checked]]]:
    """The named subsets the report breaks figures down by."""
    named = [("all", list(rows))]
    for field in ("group", "kind"):
        for value in sorted({r.record[field] for r in rows}):
            named.append((f"{field}={value}", [r for r in rows if r.record[field] == value]))
    for group in sorted({r.record["group"] for r in rows}):
        outcomes = [
            r for r in rows if r.record["group"] == group and r.record["kind"] in OUTCOME_KINDS
        ]
        if outcomes:
            named.append((f"{group} outcomes", outcomes))
    return named
