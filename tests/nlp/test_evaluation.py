import pytest

from qa_audit.nlp import flags
from qa_audit.nlp.evaluation import Prediction, Score, evaluate, good_outcomes_flagged, score
from qa_audit.nlp.labelled import SPLITS, load_records

KNOWN_CODES = {*flags.OUTCOME_CODES, flags.PROVISION_NOT_QUANTIFIED}


@pytest.mark.parametrize("split", SPLITS)
def test_labelled_data_is_consistent(split):
    outcomes = load_records("outcomes", split)
    provision = load_records("provision", split)
    for record in outcomes + provision:
        assert set(record["flags"]) <= KNOWN_CODES, record
        assert record["weak"] == bool(record["flags"]), record
    assert len({r["text"] for r in outcomes}) == len(outcomes)


def test_labelled_data_is_large_enough_and_splits_do_not_overlap():
    texts = {split: {r["text"] for r in load_records("outcomes", split)} for split in SPLITS}
    provision = {split: {r["text"] for r in load_records("provision", split)} for split in SPLITS}
    assert sum(map(len, texts.values())) >= 240
    assert sum(map(len, provision.values())) >= 120
    assert not texts["dev"] & texts["heldout"]
    assert not provision["dev"] & provision["heldout"]


def test_score_arithmetic():
    predictions = [
        Prediction("a", frozenset({"weak"}), frozenset({"weak"})),
        Prediction("b", frozenset({"weak"}), frozenset()),
        Prediction("c", frozenset(), frozenset({"weak"})),
        Prediction("d", frozenset(), frozenset()),
    ]
    [s] = score(predictions, ["weak"])
    assert (s.tp, s.fp, s.fn, s.support) == (1, 1, 1, 2)
    assert s.precision == s.recall == s.f1 == 0.5
    assert Score("x", 0, 0, 0).f1 == 1.0


def test_heldout_meets_the_targets():
    scores = {s.label: s for s in evaluate("heldout")}
    assert scores["weak"].f1 >= 0.90
    assert scores["weak"].support >= 50
    assert good_outcomes_flagged("heldout", flags.PROVISION_NOT_OUTCOME) == []
