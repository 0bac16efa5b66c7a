"""Evidence spans as ``<mark>`` in an activity's text, built safely: every piece is escaped."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup, escape


def highlight(text: str | None, spans: Iterable[Mapping[str, Any]]) -> Markup:
    """``text`` with each span (start, end, label) wrapped in <mark>; overlapping or bad spans skipped."""
    text = text or ""
    out: list[str] = []
    pos = 0
    for span in sorted(spans, key=lambda s: (int(s["start"]), -int(s["end"]))):
        start, end = int(span["start"]), int(span["end"])
        if start < pos or not 0 <= start < end <= len(text):
            continue
        out.append(str(escape(text[pos:start])))
        label = str(span.get("label") or "")
        out.append(str(Markup('<mark title="{}">{}</mark>').format(label, text[start:end])))
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))
