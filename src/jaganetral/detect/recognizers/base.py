"""The recognizer contract, in the shape of Presidio's ``EntityRecognizer``.

A recognizer registers its terms (class constants, or facts from the knowledge base) into the
shared phrase index once, then turns the matches in one field of one activity into Evidence.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, NamedTuple

from jaganetral.detect.context import ContestResolver
from jaganetral.detect.model import Activity, Evidence, Stance
from jaganetral.detect.normalize import NormalizedText
from jaganetral.detect.phrases import Entry, Match, PhraseIndex
from jaganetral.knowledge.base import KnowledgeBase
from jaganetral.knowledge.schema import Term


class FieldDoc(NamedTuple):
    """One field of an activity (text, target_text or target_account), normalised and matched."""

    field: str
    norm: NormalizedText
    matches: Mapping[str, list[Match]]

    def of(self, owner: str) -> list[Match]:
        return self.matches.get(owner, [])


class Context(NamedTuple):
    activity: Activity
    when: dt.date | None
    resolver: ContestResolver


class Recognizer(ABC):
    """Finds one kind of evidence. ``TERMS`` maps a category to its phrases."""

    name: ClassVar[str]
    TERMS: ClassVar[Mapping[str, Iterable[str]]] = {}
    ANCHORS: ClassVar[bool] = False  # finds contestants, parties or numbers (the rest only qualifies them)

    def register(self, index: PhraseIndex, kb: KnowledgeBase) -> None:
        for category, phrases in self.TERMS.items():
            for phrase in phrases:
                index.add(phrase, Entry(self.name, category))

    def vocabulary(self, kb: KnowledgeBase) -> Iterable[str]:
        """Words this recognizer knows (for the normaliser's leetspeak and elongation repair)."""
        for phrases in self.TERMS.values():
            yield from phrases

    @abstractmethod
    def analyze(self, doc: FieldDoc, ctx: Context, found: list[Evidence]) -> list[Evidence]:
        """Evidence in ``doc``; ``found`` holds what earlier recognizers found in the same field."""

    def evidence(
        self,
        doc: FieldDoc,
        match: Match,
        kind: str,
        weight: float,
        stance: Stance | None = None,
        targets: tuple[str, ...] = (),
        note: str = "",
    ) -> Evidence:
        return Evidence(doc.field, match.start, match.end, doc.norm.original[match.start : match.end], self.name,
                        kind, weight, stance, targets, note, match.i)


def term_entry(index: PhraseIndex, owner: str, category: str, value: Any, term: Term,
               avoid: frozenset[str] = frozenset()) -> Entry:
    """The index entry of a pack term, with its case rule and the words that cancel it."""
    exact = tuple(t.raw for t in index.normalizer(term.text).tokens) if term.exact_case else None
    words = {n for a in term.avoid for n in index.normalizer(a).norms}
    return Entry(owner, category, value, exact, frozenset(words) | avoid)


def spans(matches: Iterable[Match]) -> list[tuple[Match, list[Entry]]]:
    """Group matches by span and drop spans inside a longer one (one span, one evidence)."""
    ordered = sorted(matches, key=_span_order)
    out: list[tuple[Match, list[Entry]]] = []
    reach = -1
    last: tuple[int, int] | None = None
    for m in ordered:
        if (m.i, m.j) == last:
            out[-1][1].append(m.entry)  # another meaning of the same span
            continue
        if m.j <= reach:
            continue
        out.append((m, [m.entry]))
        last = (m.i, m.j)
        reach = m.j
    return out


def _span_order(m: Match) -> tuple[int, int]:
    return (m.i, m.i - m.j)  # by start, longest first
