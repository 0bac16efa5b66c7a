"""Training on our own small fixture: determinism, the artifact, calibration on held-back folds,
and explanations that keep the rules' evidence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import numpy as np
import pytest

from jaganetral.detect.engine import Detector
from jaganetral.detect.learned import LABELS
from jaganetral.detect.model import Activity
from jaganetral.knowledge.base import KnowledgeBase
from jaganetral.learning.artifact import ModelError, finalize, from_bytes
from jaganetral.learning.crossval import cross_validate, with_model
from jaganetral.learning.train import TrainSettings, design, train
from jaganetral.service.labelled import LabelledRow, read_labelled

SMALL = TrainSettings(bits=12)


@pytest.fixture(scope="module")
def rules(kb: KnowledgeBase) -> Detector:
    return Detector(kb)


@pytest.fixture(scope="module")
def rows(fixture_jsonl: str) -> list[LabelledRow]:
    return read_labelled(fixture_jsonl.splitlines()).rows


def test_every_fixture_row_reaches_the_learned_stage(rules: Detector, rows: list[LabelledRow]) -> None:
    d = design(rules, rows, 12)
    assert d.skipped == 0 and d.x.shape == (len(rows), 1 << 12)


def test_same_data_same_model_hash(rules: Detector, rows: list[LabelledRow]) -> None:
    a = finalize(train(rules, rows, SMALL).model, {"data": "fixture"})
    b = finalize(train(rules, rows, SMALL).model, {"data": "fixture"})
    assert a[1] == b[1] and a[0].sha256 == b[0].sha256
    c = finalize(train(rules, rows[:-1], SMALL).model, {"data": "fixture"})
    assert c[0].sha256 != a[0].sha256  # one row less is another model
    cal = a[0].calibration  # kept to 6 decimals: the last digits of a float fit differ between CPUs
    assert (round(cal.a, 6), round(cal.b, 6)) == (cal.a, cal.b)


def test_artifact_round_trip(rules: Detector, rows: list[LabelledRow]) -> None:
    model, blob = finalize(train(rules, rows, SMALL).model, {"training_files": [{"name": "fixture"}]})
    back, manifest = from_bytes(blob)
    assert back.sha256 == model.sha256 and back.version == model.version
    assert np.array_equal(back.weights, model.weights) and back.threshold == model.threshold
    assert manifest == {"training_files": [{"name": "fixture"}]}
    assert b"Prabowo" not in blob and b"pemimpin" not in blob  # weights, never texts
    with pytest.raises(ModelError):
        from_bytes(b"not a model")
    with pytest.raises(ModelError):
        from_bytes(blob[:-10])


def test_learned_detector_separates_the_fixture(rules: Detector, rows: list[LabelledRow]) -> None:
    model = train(rules, rows, SMALL).model
    det = with_model(rules, model)
    assert det.version.startswith(rules.version + "+lr-")
    flagged = [det.analyze(r.activity).flag for r in rows]
    truth = [r.partisan for r in rows]
    agree = sum(f == t for f, t in zip(flagged, truth, strict=True)) / len(rows)
    assert agree > 0.9


def test_explanation_keeps_evidence_spans_and_names_the_model(rules: Detector, rows: list[LabelledRow],
                                                               activity: Callable[..., Activity]) -> None:
    model, _ = finalize(train(rules, rows, SMALL).model, {})
    det = with_model(rules, model)
    text = "Mantap Prabowo, pemimpin yang tegas dan merakyat, lanjutkan!"
    f = det.analyze(activity(text, "2024-01-20"))
    assert f.flag and "pilpres2024:02" in f.targets and f.violation
    assert f.evidence and any(text[e.start:e.end] == e.text and "Prabowo" in e.text for e in f.evidence)
    assert "Bukti:" in f.explanation and '"Prabowo"' in f.explanation
    assert model.version in f.explanation and "peluang kampanye" in f.explanation
    assert 0.0 <= f.score <= 1.0


def test_nothing_named_stays_unflagged_and_cheap(rules: Detector, rows: list[LabelledRow],
                                                 activity: Callable[..., Activity]) -> None:
    det = with_model(rules, train(rules, rows, SMALL).model)
    f = det.analyze(activity("Mantap sekali, pemimpin tegas, lanjutkan!", "2024-01-20"))
    assert not f.flag and f.score == 0.0 and not f.evidence


def test_calibration_on_held_back_folds(rules: Detector, rows: list[LabelledRow]) -> None:
    """Scores on held-out folds: the mean calibrated score tracks the observed partisan rate, and
    higher scores are partisan more often (a flag at 0.9 should be right about 9 times in 10)."""
    cv = cross_validate(rules, rows, k=3, settings=SMALL)
    p = np.asarray(cv.scores)
    truth = np.asarray(cv.truth)
    assert len(p) == len(rows)
    assert abs(p.mean() - truth.mean()) < 0.15
    assert truth[p >= 0.5].mean() > truth[p < 0.5].mean()
    assert cv.as_dict()["calibration"]["ece"] < 0.25
    assert cv.report.n == cv.rules_report.n == len(rows)
    matrix = cv.as_dict()["confusion"]
    assert [r["label"] for r in matrix] == list(LABELS)
    by_label = Counter(r.label for r in rows)
    assert all(sum(v for k, v in r.items() if k != "label") == by_label[r["label"]] for r in matrix)
    diagonal = sum(r[r["label"]] for r in matrix)
    assert diagonal > len(rows) / 2  # held-out rows mostly get their own label on this separable fixture


def test_training_needs_two_labels(rules: Detector, rows: list[LabelledRow]) -> None:
    with pytest.raises(ValueError, match="dua label"):
        train(rules, [r for r in rows if r.label == "support"], SMALL)
