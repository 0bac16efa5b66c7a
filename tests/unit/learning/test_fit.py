"""Fitting, calibration, threshold choice and reliability: small numeric cases and properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from jaganetral.learning.fit import (
    FitSettings,
    choose_threshold,
    expected_calibration_error,
    fit_platt,
    fit_softmax,
    reliability,
    softmax,
)


def toy(n: int = 120, seed: int = 3) -> tuple[sparse.csr_matrix, np.ndarray]:
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 3
    dense = rng.random((n, 12)) * 0.2
    dense[np.arange(n), y] += 1.0  # feature k marks class k
    return sparse.csr_matrix(dense), y


def test_softmax_learns_a_separable_problem() -> None:
    x, y = toy()
    w, b = fit_softmax(x, y, 3, settings=FitSettings(l2=0.001))
    pred = softmax(np.asarray(x @ w + b)).argmax(axis=1)
    assert (pred == y).mean() == 1.0


def test_softmax_is_deterministic_bit_for_bit() -> None:
    x, y = toy()
    w1, b1 = fit_softmax(x, y, 3)
    w2, b2 = fit_softmax(x, y, 3)
    assert w1.tobytes() == w2.tobytes() and b1.tobytes() == b2.tobytes()


def test_stronger_penalty_gives_smaller_weights() -> None:
    x, y = toy()
    weak, _ = fit_softmax(x, y, 3, settings=FitSettings(l2=0.001))
    strong, _ = fit_softmax(x, y, 3, settings=FitSettings(l2=1.0))
    assert np.abs(strong).sum() < np.abs(weak).sum()


def test_row_weights_count() -> None:
    """A label's rows weighted up pull the bias towards that label (balancing off)."""
    x, y = toy()
    heavy = np.where(y == 0, 10.0, 1.0)
    _, b_plain = fit_softmax(x, y, 3, settings=FitSettings(balanced=False))
    _, b_heavy = fit_softmax(x, y, 3, heavy, settings=FitSettings(balanced=False))
    assert b_heavy[0] - b_heavy[1:].mean() > b_plain[0] - b_plain[1:].mean()


def test_platt_recovers_a_known_calibration() -> None:
    rng = np.random.default_rng(7)
    z = rng.normal(0, 2, 4000)
    truth = rng.random(4000) < 1 / (1 + np.exp(-(0.5 * z - 1.0)))  # true a=0.5, b=-1
    a, b = fit_platt(z, truth)
    assert a == pytest.approx(0.5, abs=0.1)
    assert b == pytest.approx(-1.0, abs=0.15)


def test_threshold_is_chosen_for_precision() -> None:
    p = np.array([0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2])
    truth = np.array([1, 1, 1, 0, 1, 0, 1, 0, 0, 0], dtype=bool)
    neutral = ~truth
    c = choose_threshold(p, truth, neutral, max_neutral_fpr=0.0, min_precision=0.9)
    assert c.precision == 1.0 and c.threshold > 0.8  # nothing under 0.85 keeps every false flag out
    loose = choose_threshold(p, truth, neutral, max_neutral_fpr=1.0, min_precision=0.5)
    assert loose.f1 >= c.f1 and loose.threshold < c.threshold


def test_threshold_falls_back_to_most_precise() -> None:
    p = np.array([0.9, 0.8, 0.7])
    truth = np.array([False, True, False])
    c = choose_threshold(p, truth, ~truth, min_precision=0.99)
    assert c.precision == max(c.precision for c in [c])  # defined, no exception
    assert 0.05 <= c.threshold <= 0.95


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1), st.booleans()), min_size=1, max_size=200))
def test_reliability_bins_partition_the_rows(pairs: list[tuple[float, bool]]) -> None:
    p = [a for a, _ in pairs]
    t = [b for _, b in pairs]
    bins = reliability(p, t)
    assert sum(n for *_, n in bins) == len(p)
    for lo, mean, rate, _ in bins:
        assert lo - 1e-9 <= mean <= lo + 0.1 + 1e-9 and 0.0 <= rate <= 1.0
    assert 0.0 <= expected_calibration_error(p, t) <= 1.0


def test_perfectly_calibrated_scores_have_small_error() -> None:
    rng = np.random.default_rng(1)
    p = rng.random(20000)
    truth = rng.random(20000) < p
    assert expected_calibration_error(list(p), list(truth)) < 0.02
    assert expected_calibration_error(list(p), [not v for v in truth]) > 0.3
