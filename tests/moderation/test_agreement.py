"""Percent agreement and linear-weighted kappa against values worked out by hand.

Scale positions: outstanding 0, good 1, requires-improvement 2, inadequate 3. Linear weighted
kappa = 1 - (observed weighted disagreement) / (chance weighted disagreement), where a pair of
grades i, j disagrees by |i - j|, observed is the mean over pairs, and chance is
sum over i, j of p_i * q_j * |i - j| with p, q the first and second auditors' grade shares.
"""

import pytest

from qa_audit.moderation.agreement import NO_PAIRS, NO_VARIATION, ONE_PAIR, agreement

SCALE = ["outstanding", "good", "requires-improvement", "inadequate"]
O, G, RI, I = SCALE  # noqa: E741


def test_mixed_pairs_by_hand():
    pairs = [(G, G), (G, RI), (RI, RI), (O, G), (I, I)]
    result = agreement(pairs, SCALE)
    # Agreed: (G,G), (RI,RI), (I,I) = 3 of 5 = 60%.
    assert (result.pairs, result.agreed, result.percent) == (5, 3, 60.0)
    # Observed: (G,RI) 1 step, (O,G) 1 step -> 2 / 5 = 0.4.
    # First auditor counts  O1 G2 RI1 I1; second O0 G2 RI2 I1 (out of 5 each).
    # Chance, in 25ths: O row 1*(2*1 + 2*2 + 1*3) = 9; G row 2*(2*1 + 1*2) = 8;
    # RI row 1*(2*1 + 1*1) = 3; I row 1*(2*2 + 2*1) = 6 -> 26/25 = 1.04.
    # Kappa = 1 - 0.4 / 1.04 = 1 - 5/13 = 8/13.
    assert result.kappa == pytest.approx(8 / 13)
    assert result.note is not None  # fewer than ten pairs


def test_opposite_extremes_give_minus_one():
    # Observed: both pairs 3 steps apart -> 3. Shares p = q = (1/2, 0, 0, 1/2).
    # Chance: 1/2 * 1/2 * 3 twice = 1.5. Kappa = 1 - 3 / 1.5 = -1.
    result = agreement([(O, I), (I, O)], SCALE)
    assert result.percent == 0
    assert result.kappa == pytest.approx(-1.0)


def test_near_misses_cost_less_than_far_misses():
    # Same grade shares, one pair a step apart vs three steps apart.
    near = agreement([(O, O), (G, G), (RI, RI), (I, I), (G, RI)], SCALE)
    far = agreement([(O, O), (G, G), (RI, RI), (I, I), (O, I)], SCALE)
    assert near.percent == far.percent == 80
    assert near.kappa > far.kappa


def test_all_agree_with_variation_is_one():
    result = agreement([(O, O), (G, G), (RI, RI)], SCALE)
    assert (result.percent, result.kappa) == (100.0, pytest.approx(1.0))


def test_no_variation_leaves_kappa_undefined():
    # Every grade is Good: chance agreement is total, kappa is 0/0.
    result = agreement([(G, G), (G, G), (G, G)], SCALE)
    assert (result.pairs, result.percent, result.kappa) == (3, 100.0, None)
    assert result.note == NO_VARIATION


def test_a_single_disagreeing_pair_has_kappa_zero():
    # Observed 1 step; shares p = (0,1,0,0), q = (0,0,1,0): chance 1 step. 1 - 1/1 = 0.
    result = agreement([(G, RI)], SCALE)
    assert (result.pairs, result.percent, result.kappa) == (1, 0.0, 0.0)
    assert result.note == ONE_PAIR


def test_a_single_agreeing_pair_has_no_variation():
    result = agreement([(G, G)], SCALE)
    assert (result.pairs, result.percent, result.kappa, result.note) == (
        1,
        100.0,
        None,
        NO_VARIATION,
    )


def test_zero_pairs():
    result = agreement([], SCALE)
    assert (result.pairs, result.agreed, result.percent, result.kappa) == (0, 0, None, None)
    assert result.note == NO_PAIRS


def test_missing_and_not_applicable_grades_are_left_out():
    result = agreement([(G, None), ("n/a", G), (None, None), (RI, RI), (G, RI)], SCALE)
    assert (result.pairs, result.agreed, result.percent) == (2, 1, 50.0)
