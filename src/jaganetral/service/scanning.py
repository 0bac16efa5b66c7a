"""Scanning many activities: build a detector from settings, judge JSONL lines, summarise the run.

This is the one door through which front ends (the CLI, a web app, a batch job) reach the
detector. Nothing here touches files or the clock except :class:`ScanTimer`; callers pass lines in
and get findings out.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from jaganetral.config import NO_MODEL, Settings
from jaganetral.detect.engine import Detector, DetectorSettings
from jaganetral.detect.model import ACTIVITY_KINDS, Activity, Evidence, Finding
from jaganetral.knowledge.loader import PackError, load_packs
from jaganetral.learning.artifact import ModelError
from jaganetral.learning.artifact import load as load_model
from jaganetral.service.activities import BadLine, Row, read_jsonl

__all__ = [
    "ACTIVITY_KINDS",
    "Activity",
    "BadLine",
    "Detector",
    "Evidence",
    "Finding",
    "ModelError",
    "PackError",
    "Row",
    "ScanFailure",
    "ScanSummary",
    "ScanTimer",
    "build_detector",
    "finding_line",
    "json_line",
    "scan_lines",
]


@dataclass(frozen=True)
class ScanFailure(BadLine):
    """A valid line that the detector could not judge (an internal error, not bad input)."""


def build_detector(settings: Settings) -> Detector:
    """Load the packs named in ``settings`` (built-in ones when None) and build a detector.

    The learned stage is the shipped artifact unless ``settings.model`` names another file or
    ``"none"``. Raises :class:`PackError` when a pack is broken, :class:`ModelError` when the
    artifact cannot be read.
    """
    kb = load_packs(settings.packs)
    learned = None if settings.model == NO_MODEL else load_model(settings.model)[0]
    return Detector(kb, DetectorSettings(region=settings.region, threshold=settings.threshold), learned=learned)


def scan_lines(detector: Detector, lines: Iterable[str]) -> Iterator[tuple[Row | BadLine, Finding | None]]:
    """Judge JSONL lines in order: ``(Row, Finding)`` per valid line, ``(BadLine, None)`` per invalid one.

    Blank lines are skipped. A line the detector fails on is yielded as ``(ScanFailure, None)``
    and the scan goes on.
    """
    for item in read_jsonl(lines):
        if isinstance(item, BadLine):
            yield item, None
            continue
        try:
            finding = detector.analyze(item.activity)
        except Exception as exc:  # one bad row must not stop a long scan
            yield ScanFailure(item.line, f"detektor gagal menilai baris ini: {type(exc).__name__}: {exc}"), None
            continue
        yield item, finding


def finding_line(finding: Finding) -> str:
    """One JSON line (without newline) for a finding; non-ASCII kept unless it is not valid UTF-8."""
    return json_line(finding.to_json())


def json_line(data: dict[str, Any]) -> str:
    """``data`` as one JSON line; falls back to ASCII escapes when the text is not valid UTF-8."""
    text = json.dumps(data, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from \ud800-style escapes in the input
        return json.dumps(data, ensure_ascii=True)
    return text


@dataclass
class ScanSummary:
    """Counts of one scan run."""

    rows: int = 0
    flagged: int = 0
    bad_lines: int = 0
    failed: int = 0
    by_violation: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def add(self, item: Row | BadLine, finding: Finding | None) -> None:
        if isinstance(item, ScanFailure):
            self.failed += 1
        elif isinstance(item, BadLine):
            self.bad_lines += 1
        elif finding is not None:
            self.rows += 1
            if finding.flag:
                self.flagged += 1
                self.by_violation[finding.violation or "(tanpa kode)"] += 1

    @property
    def posts_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def render(self) -> str:
        """The summary in Bahasa Indonesia, a few lines for stderr."""
        share = f" ({self.flagged / self.rows:.1%})" if self.rows else ""
        lines = [
            "Ringkasan pemindaian",
            f"  Baris dipindai      : {self.rows}",
            f"  Diduga melanggar    : {self.flagged}{share}",
        ]
        if self.by_violation:
            lines.append("  Per bentuk pelanggaran:")
            for code, count in sorted(self.by_violation.items(), key=lambda kv: (-kv[1], kv[0])):
                lines.append(f"    {code:<10} {count}")
        lines.append(f"  Baris rusak         : {self.bad_lines}")
        if self.failed:
            lines.append(f"  Gagal dinilai       : {self.failed}")
        lines.append(f"  Waktu               : {self.seconds:.2f} detik ({self.posts_per_second:.0f} pos/detik)")
        return "\n".join(lines)


@dataclass
class ScanTimer:
    """Wall-clock timing of a scan (monotonic)."""

    started: float = field(default_factory=time.perf_counter)

    def elapsed(self) -> float:
        return time.perf_counter() - self.started
