"""``jaganetral eval --cv K``: k-fold cross-validation of the whole detector (rules + learned stage).

Folds are whole near-duplicate clusters of the labelled set. For each fold a model is trained on
the other folds (with its own inner folds for calibration and threshold), a detector is built with
it, and the held-out rows are judged by that detector exactly as a scan would judge them. The
report is the same one ``eval`` prints, plus calibration on the held-out folds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from jaganetral.detect.engine import Detector
from jaganetral.detect.learned import LABELS, LearnedModel
from jaganetral.learning.clusters import grouped_folds, near_duplicate_groups
from jaganetral.learning.fit import expected_calibration_error, reliability
from jaganetral.learning.train import TrainSettings, train
from jaganetral.service.evaluation import EvalReport, score_row
from jaganetral.service.labelled import LabelledRow


@dataclass
class CrossValidation:
    k: int
    clusters: int
    report: EvalReport
    rules_report: EvalReport  # the rules alone on the same rows, for comparison
    scores: list[float] = field(default_factory=list)  # held-out calibrated probability (rows the model judged)
    truth: list[bool] = field(default_factory=list)
    thresholds: list[float] = field(default_factory=list)
    # (true label, the model's most probable label) of every held-out row; NOT_JUDGED where the rules
    # named nobody, so the model never saw the row
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def confusion_rows(self) -> list[dict[str, Any]]:
        """The label confusion matrix: one row per true label, a count per predicted label."""
        return [{"label": true, **{pred: self.confusion[(true, pred)] for pred in PREDICTED}} for true in LABELS]

    def as_dict(self) -> dict[str, Any]:
        return {
            "k": self.k,
            "clusters": self.clusters,
            "learned": self.report.as_dict(),
            "rules_only": self.rules_report.as_dict(),
            "thresholds": self.thresholds,
            "confusion": self.confusion_rows(),
            "calibration": {
                "rows": len(self.scores),
                "ece": round(expected_calibration_error(self.scores, self.truth), 4),
                "bins": [{"from": lo, "mean_p": round(m, 4), "observed": round(r, 4), "n": n}
                         for lo, m, r, n in reliability(self.scores, self.truth)],
            },
        }


NOT_JUDGED = "tidak_dinilai"
PREDICTED = (*LABELS, NOT_JUDGED)


def predicted_label(detector: Detector, model: LearnedModel, row: LabelledRow) -> str:
    """The model's most probable label for a row, or NOT_JUDGED where the rules name nobody."""
    got = detector.learning_input(row.activity, model.bits)
    if got is None:
        return NOT_JUDGED
    return LABELS[int(model.probabilities(got[0]).argmax())]


def with_model(rules: Detector, model: LearnedModel) -> Detector:
    """The rules' detector (same packs and settings) with a learned stage."""
    return Detector(rules.kb, rules.settings, rules.recognizers, learned=model)


def cross_validate(rules: Detector, rows: Sequence[LabelledRow],
                   extra: Sequence[LabelledRow] = (), k: int = 5, settings: TrainSettings | None = None,
                   progress: Callable[[int], None] | None = None) -> CrossValidation:
    """``extra`` rows (weak labels, our own posts) join every training fold and are never tested."""
    if k < 2:
        raise ValueError("--cv harus paling sedikit 2")
    groups = near_duplicate_groups([r.activity.text for r in rows])
    folds = grouped_folds(groups, k)
    cv = CrossValidation(k, len(set(groups)), EvalReport(), EvalReport())
    for fold in range(k):
        train_rows = [r for r, f in zip(rows, folds, strict=True) if f != fold]
        trained = train(rules, [*train_rows, *extra], settings)
        detector = with_model(rules, trained.model)
        cv.thresholds.append(trained.model.threshold)
        for row, f in zip(rows, folds, strict=True):
            if f != fold:
                continue
            finding = score_row(cv.report, detector, row.activity, row.label, row.gold)
            score_row(cv.rules_report, rules, row.activity, row.label, row.gold)
            cv.confusion[(row.label, predicted_label(detector, trained.model, row))] += 1
            if finding.evidence:  # the rules named someone, so the model judged it (its score is calibrated)
                cv.scores.append(finding.score)
                cv.truth.append(row.partisan)
        if progress:
            progress(fold + 1)
    return cv
