"""Agreement between two annotations of the same posts: how far a second, independent reader
agrees with the reference labels, measured with the same flag figures ``eval`` gives the detector.

It answers "how good can the detector get against these labels?": a careful reader who agrees
with the reference at flag F1 0.96 shows the labels are consistent, and a model far below that is
short of judgement, not of label quality.

Pure: labels in (``id -> (label, targets)``), figures out. Reading the files belongs to the caller.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from jaganetral.detect.learned import LABELS
from jaganetral.service.evaluation import EvalReport
from jaganetral.service.labelled import PARTISAN

UNCLEAR = "unclear"
ALL_LABELS = (*LABELS, UNCLEAR)

Label = tuple[str, Sequence[str]]  # (label, target ids)


@dataclass
class Agreement:
    """Figures of ``other`` against ``reference`` (the reference is taken as the truth)."""

    shared: int = 0  # ids labelled in both
    only_reference: int = 0
    only_other: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (reference, other), all shared ids
    # the other reader's labels as flags (support/attack) and targets, counted as ``eval`` counts the
    # detector's findings, over the rows neither calls unclear
    flags: EvalReport = field(default_factory=EvalReport)

    def _count(self, ref: set[str] | None = None, oth: set[str] | None = None) -> int:
        return sum(n for (r, o), n in self.confusion.items()
                   if (ref is None or r in ref) and (oth is None or o in oth))

    @property
    def exact(self) -> float:
        """Share of the rows neither calls unclear with the same label."""
        same = sum(self.confusion[(label, label)] for label in LABELS)
        return same / self.flags.n if self.flags.n else 0.0

    @property
    def kappa(self) -> float:
        """Cohen's kappa over every shared id and all six labels (``unclear`` included)."""
        total = sum(self.confusion.values())
        if not total:
            return 0.0
        observed = sum(self.confusion[(label, label)] for label in ALL_LABELS) / total
        expected = sum(self._count({label}) * self._count(None, {label}) for label in ALL_LABELS) / total**2
        return (observed - expected) / (1.0 - expected) if expected < 1.0 else 1.0

    def as_dict(self) -> dict[str, Any]:
        f = self.flags
        return {
            "shared": self.shared,
            "only_reference": self.only_reference,
            "only_other": self.only_other,
            "clear_rows": f.n,
            "exact_agreement": round(self.exact, 4),
            "kappa": round(self.kappa, 4),
            "precision": round(f.precision, 4),
            "recall": round(f.recall, 4),
            "f1": round(f.f1, 4),
            "neutral_election_fpr": round(f.false_positive_rate("neutral_election"), 4),
            "target_agreement": round(f.contestant_accuracy, 4),
            "target_rows": f.contestant_total,
            "confusion": [{"label": r, **{o: self.confusion[(r, o)] for o in ALL_LABELS}} for r in ALL_LABELS],
        }


def compare(reference: Mapping[str, Label], other: Mapping[str, Label]) -> Agreement:
    """Agreement of ``other`` with ``reference`` over the ids both label. Raises ``ValueError`` on a
    label outside the six known ones."""
    out = Agreement(only_reference=len(reference.keys() - other.keys()),
                    only_other=len(other.keys() - reference.keys()))
    for key in sorted(reference.keys() & other.keys()):
        (ref, ref_targets), (oth, oth_targets) = reference[key], other[key]
        for label in (ref, oth):
            if label not in ALL_LABELS:
                raise ValueError(f"label tidak dikenal pada id {key!r}: {label!r}")
        out.shared += 1
        out.confusion[(ref, oth)] += 1
        if UNCLEAR not in (ref, oth):
            gold = [t for t in ref_targets if not t.startswith("other:")]
            out.flags.count(ref, oth in PARTISAN, gold, oth_targets)
    return out
