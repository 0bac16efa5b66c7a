"""Training the learned stage: features from the detector's own rule pass, a fit, calibration on
held-out folds, a threshold chosen for precision, then the final fit on every row.

Pure computation: rows in, :class:`Trained` out. Reading data and writing the artifact belong to
the CLI and :mod:`jaganetral.learning.artifact`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse

from jaganetral.detect.engine import Detector
from jaganetral.detect.learned import LABELS, Calibration, LearnedModel, log_odds
from jaganetral.learning.clusters import grouped_folds, near_duplicate_groups
from jaganetral.learning.fit import FitSettings, choose_threshold, fit_platt, fit_softmax, softmax
from jaganetral.service.labelled import LabelledRow

DEFAULT_BITS = 18
INNER_FOLDS = 3
CALIBRATION_DIGITS = 6  # decimals of Platt's a and b kept in the artifact


@dataclass(frozen=True)
class TrainSettings:
    bits: int = DEFAULT_BITS
    fit: FitSettings = field(default_factory=FitSettings)
    max_neutral_fpr: float = 1.0  # reported, not bounded: bounding it at 3-5 % costs half the recall today
    min_precision: float = 0.9


@dataclass
class Design:
    """The rows the learned stage judges (the rules name someone), as a sparse matrix."""

    x: sparse.csr_matrix
    y: np.ndarray
    weight: np.ndarray
    rows: list[LabelledRow]
    skipped: int  # rows where the rules name nobody: never flagged, not trained on


@dataclass
class Trained:
    model: LearnedModel
    info: dict[str, Any]


def design(detector: Detector, rows: Sequence[LabelledRow], bits: int) -> Design:
    indptr = [0]
    indices: list[int] = []
    values: list[float] = []
    kept: list[LabelledRow] = []
    for row in rows:
        got = detector.learning_input(row.activity, bits)
        if got is None:
            continue
        feats = got[0]
        keys = sorted(feats)
        indices.extend(keys)
        values.extend(feats[k] for k in keys)
        indptr.append(len(indices))
        kept.append(row)
    x = sparse.csr_matrix((np.asarray(values, dtype=np.float64), np.asarray(indices, dtype=np.int64),
                           np.asarray(indptr, dtype=np.int64)), shape=(len(kept), 1 << bits))
    y = np.asarray([r.y for r in kept], dtype=np.int64)
    w = np.asarray([r.weight for r in kept], dtype=np.float64)
    return Design(x, y, w, kept, len(rows) - len(kept))


def partisan_log_odds(x: sparse.csr_matrix, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    p = softmax(np.asarray(x @ w + b))
    return np.asarray([log_odds(float(v)) for v in p[:, 0] + p[:, 1]])


def train(detector: Detector, rows: Sequence[LabelledRow], settings: TrainSettings | None = None) -> Trained:
    """Fit on ``rows`` (hand labels and weak labels alike, by their weights). Calibration and the
    threshold come from out-of-fold scores of the hand-labelled rows (weight 1) only."""
    s = settings or TrainSettings()
    d = design(detector, rows, s.bits)
    if len(set(d.y.tolist())) < 2:
        raise ValueError("data latih harus memuat paling sedikit dua label pada baris yang menyebut kontestan")
    hand = d.weight >= 1.0
    groups = near_duplicate_groups([r.activity.text for r in d.rows])
    folds = np.asarray(grouped_folds(groups, INNER_FOLDS))
    z = np.zeros(len(d.rows))
    for k in range(INNER_FOLDS):
        test = folds == k
        if not test.any() or test.all():
            continue
        w, b = fit_softmax(d.x[~test], d.y[~test], len(LABELS), d.weight[~test], s.fit)
        z[test] = partisan_log_odds(d.x[test], w, b)
    truth = np.asarray([r.partisan for r in d.rows])
    neutral = d.y == LABELS.index("neutral_election")
    # rounded: the last digits of Platt's fit vary with the CPU's floating-point paths, and the artifact's
    # hash must not (the weights are rounded to float16 for the same reason)
    a, b0 = (round(v, CALIBRATION_DIGITS) for v in fit_platt(z[hand], truth[hand]))
    p = 1.0 / (1.0 + np.exp(-(a * z + b0)))
    choice = choose_threshold(p[hand], truth[hand], neutral[hand], s.max_neutral_fpr, s.min_precision)
    w, b = fit_softmax(d.x, d.y, len(LABELS), d.weight, s.fit)
    model = LearnedModel("lr-untrained", s.bits, w.astype(np.float16).astype(np.float32),
                         b.astype(np.float32), Calibration(a, b0), choice.threshold)
    counts = {label: int((d.y == i).sum()) for i, label in enumerate(LABELS)}
    info = {
        "rows_judged": len(d.rows),
        "rows_skipped_no_contestant": d.skipped,
        "rows_down_weighted": int((~hand).sum()),
        "labels": counts,
        "clusters": len(set(groups)),
        "calibration": {"a": a, "b": b0},
        "threshold": choice.threshold,
        "inner_cv": {"precision": round(choice.precision, 4), "recall": round(choice.recall, 4),
                     "f1": round(choice.f1, 4), "neutral_fpr": round(choice.neutral_fpr, 4)},
        "fit": {"l2": s.fit.l2, "max_iter": s.fit.max_iter, "balanced": s.fit.balanced, "bits": s.bits},
    }
    return Trained(model, info)
