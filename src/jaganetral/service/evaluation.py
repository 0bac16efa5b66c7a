"""Measuring the detector on hand-labelled posts.

The flag is right when the label is support or attack; ``unclear`` rows are left out.
Contestant accuracy: among rows labelled partisan and flagged whose label names at least one
contestant id (ids starting ``other:`` do not count), the share whose output targets include at
least one of them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from jaganetral.detect.engine import Detector
from jaganetral.detect.learned import LABELS
from jaganetral.detect.model import Activity, Finding
from jaganetral.service.activities import BadLine
from jaganetral.service.labelled import PARTISAN, read_labelled

__all__ = ["LABELS", "EvalReport", "evaluate", "render", "score_row"]


@dataclass
class EvalReport:
    n: int = 0
    skipped_unclear: int = 0
    bad_lines: list[BadLine] = field(default_factory=list)
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    contestant_total: int = 0
    contestant_hit: int = 0
    by_label: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def contestant_accuracy(self) -> float:
        return self.contestant_hit / self.contestant_total if self.contestant_total else 0.0

    def count(self, label: str, flag: bool, gold: Sequence[str], targets: Sequence[str]) -> bool | None:
        """Count one judged row: its true ``label`` and pack contestant ids (``gold``), whether it was
        flagged and for whom. Returns whether the contestant was right (None: not a contestant row)."""
        self.n += 1
        truth = label in PARTISAN
        self.by_label[label]["flagged" if flag else "clear"] += 1
        if flag and truth:
            self.tp += 1
        elif flag:
            self.fp += 1
        elif truth:
            self.fn += 1
        else:
            self.tn += 1
        if not (truth and flag and gold):
            return None
        self.contestant_total += 1
        hit = bool(set(gold) & set(targets))
        self.contestant_hit += hit
        return hit

    def false_positive_rate(self, label: str) -> float:
        c = self.by_label.get(label, Counter())
        total = c["flagged"] + c["clear"]
        return c["flagged"] / total if total else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.n,
            "unclear_skipped": self.skipped_unclear,
            "bad_lines": len(self.bad_lines),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "contestant_accuracy": round(self.contestant_accuracy, 4),
            "contestant_rows": self.contestant_total,
            "neutral_election_fpr": round(self.false_positive_rate("neutral_election"), 4),
            "confusion": {k: dict(v) for k, v in sorted(self.by_label.items())},
        }


def evaluate(detector: Detector, lines: Iterable[str]) -> EvalReport:
    labelled = read_labelled(lines)
    report = EvalReport(skipped_unclear=labelled.unclear, bad_lines=labelled.bad)
    for row in labelled.rows:
        score_row(report, detector, row.activity, row.label, row.gold)
    return report


def score_row(report: EvalReport, detector: Detector, activity: Activity, label: str,
              gold: Sequence[str]) -> Finding:
    """Judge one labelled row (``gold``: its pack contestant ids) and count it into ``report``."""
    finding = detector.analyze(activity)
    hit = report.count(label, finding.flag, gold, finding.targets)
    if finding.flag != (label in PARTISAN) or hit is False:
        report.errors.append({"id": activity.id, "label": label, "gold": list(gold), "flag": finding.flag,
                              "score": round(finding.score, 3), "targets": list(finding.targets),
                              "text": activity.text})
    return finding


def render(report: EvalReport) -> str:
    lines = [
        f"Baris dinilai: {report.n} (unclear dilewati: {report.skipped_unclear}, baris rusak: {len(report.bad_lines)})",
        f"Flag  precision {report.precision:.3f}  recall {report.recall:.3f}  F1 {report.f1:.3f}"
        f"  (TP {report.tp}, FP {report.fp}, FN {report.fn}, TN {report.tn})",
        f"Akurasi kontestan {report.contestant_accuracy:.3f} ({report.contestant_hit}/{report.contestant_total})",
        f"False-positive rate neutral_election {report.false_positive_rate('neutral_election'):.3f}",
        "",
        "Matriks kebingungan per label:",
        f"{'label':<18}{'flag':>8}{'tidak':>8}{'FPR/recall':>12}",
    ]
    for label in LABELS:
        c = report.by_label.get(label, Counter())
        total = c["flagged"] + c["clear"]
        rate = c["flagged"] / total if total else 0.0
        lines.append(f"{label:<18}{c['flagged']:>8}{c['clear']:>8}{rate:>12.3f}")
    return "\n".join(lines)
