"""Readable text renderings of findings: the ``scan --table`` listing and span marking for ``check``."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence

from jaganetral.service.scanning import Evidence, Finding

OPEN, CLOSE = "«", "»"


def terminal_width(default: int = 100) -> int:
    return max(60, min(shutil.get_terminal_size((default, 24)).columns, 120))


def wrap(text: str, width: int, indent: str, first: str | None = None) -> list[str]:
    """Wrapped lines; ids such as ``pilbup-basel2024:02`` are never split at their hyphens."""
    first = indent if first is None else first
    return textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=indent,
                         break_on_hyphens=False, break_long_words=False) or [first.rstrip()]


def violation_cell(finding: Finding) -> str:
    code = finding.violation or "-"
    return f"{code} (+{', '.join(finding.also)})" if finding.also else code


def render_table(findings: Sequence[Finding], width: int | None = None) -> str:
    """Flagged findings as a table: id, violation, score, targets, then the wrapped explanation."""
    width = width or terminal_width()
    if not findings:
        return "Tidak ada temuan yang diduga melanggar."
    ids = [f.activity_id for f in findings]
    id_w = min(max(len("ID"), *(len(i) for i in ids)), 24)
    viol_w = max(len("PELANGGARAN"), *(len(violation_cell(f)) for f in findings))
    head = f"{'ID':<{id_w}}  {'PELANGGARAN':<{viol_w}}  {'SKOR':>5}  TARGET"
    rule = f"{'-' * id_w}  {'-' * viol_w}  {'-' * 5}  {'-' * max(6, width - id_w - viol_w - 13)}"
    lines = [f"Temuan yang diduga melanggar: {len(findings)}", "", head, rule]
    indent = " " * (id_w + 2)
    for f in findings:
        ident = f.activity_id if len(f.activity_id) <= id_w else f.activity_id[: id_w - 1] + "…"
        targets = ", ".join(f.targets) or "-"
        lines.append(f"{ident:<{id_w}}  {violation_cell(f):<{viol_w}}  {f.score:>5.2f}  {targets}")
        lines.extend(wrap(f.explanation, width, indent))
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def merge_spans(evidence: Sequence[Evidence], field: str) -> list[tuple[int, int]]:
    """The evidence spans of one field, overlapping and touching spans merged."""
    spans = sorted((e.start, e.end) for e in evidence if e.field == field and e.end > e.start)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mark_spans(value: str, spans: Sequence[tuple[int, int]]) -> str:
    """``value`` with every span wrapped as «...»."""
    out: list[str] = []
    pos = 0
    for start, end in spans:
        start, end = max(start, pos), min(end, len(value))
        if start >= end:
            continue
        out += [value[pos:start], OPEN, value[start:end], CLOSE]
        pos = end
    out.append(value[pos:])
    return "".join(out)
