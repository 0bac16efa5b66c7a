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

UNCLEAR = "unclear"
ALL_LABELS = (*LABELS, UNCLEAR)
PARTISAN = frozenset({"support", "attack"})

Label = tuple[str, Sequence[str]]  # (label, target ids)


@dataclass
class Agreement:
    """Figures of ``other`` against ``reference`` (the reference is taken as the truth)."""

    shared: int = 0  # ids labelled in both
    only_reference: int = 0
    only_other: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (reference, other), all shared ids
    target_rows: int = 0  # both partisan, and the reference names a pack contestant
    target_hits: int = 0  # ... and the other reader names at least one of them

    def _count(self, ref: set[str] | None = None, oth: set[str] | None = None) -> int:
        return sum(n for (r, o), n in self.confusion.items()
                   if (ref is None or r in ref) and (oth is None or o in oth))

    @property
    def clear(self) -> int:
        """Shared ids neither annotation calls unclear: the rows the flag figures are computed on."""
        known = set(LABELS)
        return self._count(known, known)

    @property
    def exact(self) -> float:
        """Share of clear rows with the same label."""
        same = sum(self.confusion[(label, label)] for label in LABELS)
        return same / self.clear if self.clear else 0.0

    @property
    def kappa(self) -> float:
        """Cohen's kappa over every shared id and all six labels (``unclear`` included)."""
        total = sum(self.confusion.values())
        if not total:
            return 0.0
        observed = sum(self.confusion[(label, label)] for label in ALL_LABELS) / total
        expected = sum(self._count({label}) * self._count(None, {label}) for label in ALL_LABELS) / total**2
        return (observed - expected) / (1.0 - expected) if expected < 1.0 else 1.0

    def _flag_counts(self) -> tuple[int, int, int]:
        others = set(LABELS) - PARTISAN
        tp = self._count(set(PARTISAN), set(PARTISAN))
        fp = self._count(others, set(PARTISAN))
        fn = self._count(set(PARTISAN), others)
        return tp, fp, fn

    @property
    def precision(self) -> float:
        tp, fp, _ = self._flag_counts()
        return tp / (tp + fp) if tp + fp else 0.0

    @property
    def recall(self) -> float:
        tp, _, fn = self._flag_counts()
        return tp / (tp + fn) if tp + fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def neutral_election_fpr(self) -> float:
        """Share of the reference's clear neutral_election rows the other reader calls partisan."""
        total = self._count({"neutral_election"}, set(LABELS))
        return self._count({"neutral_election"}, set(PARTISAN)) / total if total else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "shared": self.shared,
            "only_reference": self.only_reference,
            "only_other": self.only_other,
            "clear_rows": self.clear,
            "exact_agreement": round(self.exact, 4),
            "kappa": round(self.kappa, 4),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "neutral_election_fpr": round(self.neutral_election_fpr, 4),
            "target_agreement": round(self.target_hits / self.target_rows, 4) if self.target_rows else 0.0,
            "target_rows": self.target_rows,
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
        named = {t for t in ref_targets if not t.startswith("other:")}
        if ref in PARTISAN and oth in PARTISAN and named:
            out.target_rows += 1
            out.target_hits += bool(named & set(oth_targets))
    return out
