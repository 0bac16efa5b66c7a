"""Labelled rows (``eval``, ``train``, ``eval --cv``), read from JSONL lines (the caller opens the files).

A row is an activity plus ``label`` (one of :data:`LABELS`, or ``unclear``: counted and left out),
``target`` (contestant ids; ``other:`` ids are left out, they name no pack contestant) and an
optional ``weight`` in (0, 1]."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from jaganetral.detect.learned import LABELS
from jaganetral.detect.model import Activity
from jaganetral.service.activities import BadLine, read_jsonl

PARTISAN = frozenset({"support", "attack"})  # labels that should be flagged


@dataclass(frozen=True)
class LabelledRow:
    activity: Activity
    label: str
    gold: tuple[str, ...]  # contestant ids named by the label (``other:`` ids left out)
    weight: float = 1.0  # hand labels 1.0; a row's optional "weight" (0, 1] down-weights weak labels

    @property
    def y(self) -> int:
        return LABELS.index(self.label)

    @property
    def partisan(self) -> bool:
        return self.label in PARTISAN


@dataclass
class LabelledSet:
    rows: list[LabelledRow]
    unclear: int
    bad: list[BadLine]


def read_labelled(lines: Iterable[str]) -> LabelledSet:
    """Rows labelled with one of :data:`LABELS`; ``unclear`` rows counted and left out; bad lines kept."""
    out = LabelledSet([], 0, [])
    for item in read_jsonl(lines):
        if isinstance(item, BadLine):
            out.bad.append(item)
            continue
        label = item.raw.get("label")
        if label == "unclear":
            out.unclear += 1
            continue
        if label not in LABELS:
            out.bad.append(BadLine(item.line, f"label tidak dikenal: {label!r}"))
            continue
        weight = item.raw.get("weight", 1.0)
        if not isinstance(weight, int | float) or isinstance(weight, bool) or not 0.0 < weight <= 1.0:
            out.bad.append(BadLine(item.line, f"weight harus bilangan dalam (0, 1]: {weight!r}"))
            continue
        gold = tuple(t for t in item.raw.get("target") or [] if isinstance(t, str) and not t.startswith("other:"))
        out.rows.append(LabelledRow(item.activity, label, gold, float(weight)))
    return out
