"""Fitting: multinomial logistic regression (L-BFGS), Platt calibration, a threshold chosen for precision.

Everything is deterministic: the same rows in the same order give the same weights, bit for bit
(L-BFGS from zeros, no random initialisation, no threads of our own).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import optimize, sparse  # optimize: Platt's two parameters only

Array = npt.NDArray[np.float64]


@dataclass(frozen=True)
class FitSettings:
    l2: float = 0.01  # penalty per weight; the loss is the (weighted) mean over rows
    max_iter: int = 400
    balanced: bool = True  # weigh each label's rows so that every label counts alike


def fit_softmax(x: sparse.csr_matrix, y: npt.NDArray[np.int64], n_classes: int, row_weight: Array | None = None,
                settings: FitSettings | None = None) -> tuple[Array, Array]:
    """Weights (n_features, n_classes) and bias (n_classes,) minimising weighted cross-entropy + L2."""
    s = settings or FitSettings()
    n, full = x.shape
    # Columns no row uses get no gradient but the penalty's, so their best weight is exactly 0:
    # fit only the used columns (hashing leaves most of 2**bits empty), then spread back.
    used = np.unique(x.indices)
    if len(used) < full:
        w_used, bias = fit_softmax(x[:, used], y, n_classes, row_weight, s)
        weights = np.zeros((full, n_classes))
        weights[used] = w_used
        return weights, bias
    d = full
    w_row = np.ones(n) if row_weight is None else np.asarray(row_weight, dtype=np.float64)
    if s.balanced:
        counts = np.bincount(y, weights=w_row, minlength=n_classes)
        per_class = np.where(counts > 0, w_row.sum() / (n_classes * np.maximum(counts, 1e-12)), 0.0)
        w_row = w_row * per_class[y]
    total = float(w_row.sum())
    onehot = np.zeros((n, n_classes))
    onehot[np.arange(n), y] = 1.0
    xt = x.T.tocsr()
    lam = s.l2

    def loss(theta: Array) -> tuple[float, Array]:
        w = theta[: d * n_classes].reshape(d, n_classes)
        b = theta[d * n_classes:]
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        value = -float((w_row[:, None] * onehot * logp).sum()) / total + 0.5 * lam * float((w * w).sum())
        g = (np.exp(logp) - onehot) * w_row[:, None] / total
        gw = np.asarray(xt @ g) + lam * w
        return value, np.concatenate([gw.ravel(), g.sum(axis=0)])

    theta = lbfgs(loss, np.zeros(d * n_classes + n_classes), s.max_iter)
    return theta[: d * n_classes].reshape(d, n_classes), theta[d * n_classes:]


def lbfgs(fun: Callable[[Array], tuple[float, Array]], x0: Array, max_iter: int, memory: int = 10,
          gtol: float = 1e-5, ftol: float = 1e-9) -> Array:
    """Limited-memory BFGS with a backtracking (Armijo) line search, in numpy: deterministic, and
    far cheaper per step than scipy's L-BFGS-B on a few hundred thousand weights."""
    x = x0
    f, g = fun(x)
    history: list[tuple[Array, Array, float]] = []
    for _ in range(max_iter):
        q = g.copy()
        alphas: list[float] = []
        for s_k, y_k, rho in reversed(history):
            a = rho * float(s_k @ q)
            q -= a * y_k
            alphas.append(a)
        if history:
            s_k, y_k, _ = history[-1]
            q *= float(s_k @ y_k) / float(y_k @ y_k)
        else:
            q /= max(1.0, float(np.abs(g).max()))
        for (s_k, y_k, rho), a in zip(history, reversed(alphas), strict=True):
            q += s_k * (a - rho * float(y_k @ q))
        direction = -q
        slope = float(g @ direction)
        if slope >= 0:  # not a descent direction: restart from the gradient
            history.clear()
            direction, slope = -g, -float(g @ g)
        step = 1.0
        while True:
            x_new = x + step * direction
            f_new, g_new = fun(x_new)
            if f_new <= f + 1e-4 * step * slope or step < 1e-12:
                break
            step *= 0.5
        s_new, y_new = x_new - x, g_new - g
        sy = float(s_new @ y_new)
        if sy > 1e-12:
            history.append((s_new, y_new, 1.0 / sy))
            if len(history) > memory:
                history.pop(0)
        done = f - f_new <= ftol * max(1.0, abs(f))
        x, f, g = x_new, f_new, g_new
        if done or float(np.abs(g).max()) < gtol:
            break
    return x


def softmax(z: Array) -> Array:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


def fit_platt(z: Array, truth: npt.NDArray[np.bool_]) -> tuple[float, float]:
    """a, b of p = sigmoid(a z + b), fitted on held-out log-odds with Platt's smoothed targets."""
    pos = float(truth.sum())
    neg = float(len(truth) - pos)
    target = np.where(truth, (pos + 1) / (pos + 2), 1 / (neg + 2))

    def loss(ab: Array) -> tuple[float, Array]:
        t = ab[0] * z + ab[1]
        p = 1.0 / (1.0 + np.exp(-t))
        p = np.clip(p, 1e-12, 1 - 1e-12)
        value = -float((target * np.log(p) + (1 - target) * np.log(1 - p)).sum())
        d = p - target
        return value, np.array([float((d * z).sum()), float(d.sum())])

    result = optimize.minimize(loss, np.array([1.0, 0.0]), jac=True, method="L-BFGS-B")
    return float(result.x[0]), float(result.x[1])


@dataclass(frozen=True)
class ThresholdChoice:
    threshold: float
    precision: float
    recall: float
    f1: float
    neutral_fpr: float


def choose_threshold(p: Array, truth: npt.NDArray[np.bool_], neutral: npt.NDArray[np.bool_],
                     max_neutral_fpr: float = 1.0, min_precision: float = 0.9) -> ThresholdChoice:
    """Precision first (a false flag accuses a civil servant): the threshold with the best F1 among
    those whose precision is at least ``min_precision`` and whose neutral-election false-positive
    rate is at most ``max_neutral_fpr``; failing that, the best F1 at that precision alone; failing
    that, the most precise threshold."""
    choices = [_at(float(t), p, truth, neutral) for t in np.round(np.arange(0.05, 0.96, 0.01), 2)]
    precise = [c for c in choices if c.precision >= min_precision]
    both = [c for c in precise if c.neutral_fpr <= max_neutral_fpr]
    for pool in (both, precise):
        if pool:
            return max(pool, key=lambda c: (c.f1, -c.threshold))
    return max(choices, key=lambda c: (c.precision, c.f1))


def _at(thr: float, p: Array, truth: npt.NDArray[np.bool_], neutral: npt.NDArray[np.bool_]) -> ThresholdChoice:
    flag = p >= thr
    tp = int((flag & truth).sum())
    fp = int((flag & ~truth).sum())
    fn = int((~flag & truth).sum())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    nfpr = float((flag & neutral).sum()) / max(1, int(neutral.sum()))
    return ThresholdChoice(thr, precision, recall, f1, nfpr)


def reliability(p: Sequence[float], truth: Sequence[bool], bins: int = 10) -> list[tuple[float, float, float, int]]:
    """Per probability bin: (low, mean predicted, observed rate, count); empty bins left out."""
    out = []
    for k in range(bins):
        lo, hi = k / bins, (k + 1) / bins
        idx = [i for i, v in enumerate(p) if lo <= v < hi or (k == bins - 1 and v == 1.0)]
        if idx:
            out.append((lo, sum(p[i] for i in idx) / len(idx), sum(truth[i] for i in idx) / len(idx), len(idx)))
    return out


def expected_calibration_error(p: Sequence[float], truth: Sequence[bool], bins: int = 10) -> float:
    n = len(p)
    return sum(c / n * abs(mean - rate) for _, mean, rate, c in reliability(p, truth, bins)) if n else math.nan
