"""Base for recognizers of language cues (calls to vote, praise, derision, civic and news language).

Such a recognizer is a table: category → (weight, stance, note) and category → phrases. Its
evidence names no contestant; the decision layer attaches it to the nearest contestant named.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from jaganetral.detect.model import Evidence, Stance
from jaganetral.detect.recognizers.base import Context, FieldDoc, Recognizer, spans


class CueRecognizer(Recognizer):
    WEIGHTS: ClassVar[Mapping[str, tuple[float, Stance, str]]] = {}

    def analyze(self, doc: FieldDoc, ctx: Context, found: list[Evidence]) -> list[Evidence]:
        out: list[Evidence] = []
        for match, entries in spans(doc.of(self.name)):
            category = max((e.category for e in entries), key=lambda c: self.WEIGHTS[c][0])
            weight, stance, note = self.WEIGHTS[category]
            out.append(self.evidence(doc, match, category, weight, stance, (), note))
        return out
