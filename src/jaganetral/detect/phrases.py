"""One shared phrase index: every recognizer's terms, matched over the tokens in one pass."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple
from typing import Any

from jaganetral.detect.normalize import NormalizedText, Normalizer


@dataclass(frozen=True, slots=True)
class Entry:
    """What a term means: which recognizer registered it, a category, and a value."""

    owner: str
    category: str
    value: Any = None
    exact: tuple[str, ...] | None = None  # raw tokens that must match case-sensitively
    avoid: frozenset[str] = frozenset()  # neighbouring words that cancel the match


class Match(NamedTuple):
    i: int  # first token
    j: int  # one past the last token
    start: int  # original offsets
    end: int
    entry: Entry
    via_hashtag: bool = False


class PhraseIndex:
    def __init__(self, normalizer: Normalizer):
        self.normalizer = normalizer
        self._by_first: dict[str, list[tuple[tuple[str, ...], Entry]]] = defaultdict(list)
        self._hashtags: dict[str, list[Entry]] = defaultdict(list)
        self._squashed: dict[str, list[Entry]] = defaultdict(list)
        self._squash_re: re.Pattern[str] | None = None

    def add(self, text: str, entry: Entry) -> None:
        text = text.strip()
        if text.startswith("#"):
            # a hashtag term matches a hashtag, whole or inside a longer one, never plain words
            self._hashtags[text[1:].lower()].append(entry)
            squashed = "".join(ch for ch in text[1:].lower() if ch.isalnum())
            if len(squashed) >= 5:
                self._squashed[squashed].append(entry)
            return
        norms = self.normalizer(text).norms
        if not norms:
            return
        self._by_first[norms[0]].append((norms, entry))
        squashed = "".join(norms)
        if len(squashed) >= 5 and entry.exact is None:
            self._squashed[squashed].append(entry)

    def freeze(self) -> None:
        for items in self._by_first.values():
            items.sort(key=lambda it: -len(it[0]))
        keys = sorted(self._squashed, key=len, reverse=True)
        self._squash_re = re.compile("|".join(re.escape(k) for k in keys)) if keys else None

    @staticmethod
    def vocabulary_of(texts: Iterable[str]) -> set[str]:
        vocab: set[str] = set()
        for t in texts:
            for w in re.findall(r"[^\W\d_]+", t.lower()):
                vocab.add(w)
        return vocab

    def match(self, doc: NormalizedText) -> list[Match]:
        tokens = doc.tokens
        norms = doc.norms
        n = len(norms)
        out: list[Match] = []
        by_first = self._by_first
        for i, norm in enumerate(norms):
            cands = by_first.get(norm)
            if not cands or tokens[i].in_hashtag:
                continue
            for phrase, entry in cands:
                k = len(phrase)
                if i + k > n or (k > 1 and tuple(norms[i : i + k]) != phrase):
                    continue
                if entry.exact is not None and tuple(t.raw for t in tokens[i : i + k]) != entry.exact:
                    continue
                if entry.avoid and _near(norms, i, i + k, entry.avoid):
                    continue
                out.append(Match(i, i + k, tokens[i].start, tokens[i + k - 1].end, entry))
        if doc.hashtags:
            out.extend(self._match_hashtags(doc))
        return out

    def _match_hashtags(self, doc: NormalizedText) -> list[Match]:
        out: list[Match] = []
        for h in doc.hashtags:
            i, j = _token_range(doc, h.start, h.end)
            whole = list(self._hashtags.get(h.body, ()))
            if j - i == 1:  # "#AMIN", "#Gerindra": a one-word term written as a hashtag
                body = h.raw[1:]
                whole += [e for phrase, e in self._by_first.get(doc.tokens[i].norm, ())
                          if len(phrase) == 1 and (e.exact is None or e.exact == (body,))]
            if whole:
                out.extend(Match(i, j, h.start, h.end, e, True) for e in whole)
                continue
            out.extend(self.squashed(h.body, i, j, h.start, h.end))
        return out

    def squashed(self, body: str, i: int, j: int, start: int, end: int) -> list[Match]:
        """Terms written together inside one word ("#prabowogibran2024", "@tkn_ganjarmahfud")."""
        if self._squash_re is None:
            return []
        flat = "".join(ch for ch in body.lower() if ch.isalnum())
        hits = self._squash_re.finditer(flat)
        return [Match(i, j, start, end, e, True) for m in hits for e in self._squashed[m.group()]]


def _near(norms: list[str], i: int, j: int, avoid: frozenset[str]) -> bool:
    lo, hi = max(0, i - 2), min(len(norms), j + 2)
    return any(norms[k] in avoid for k in range(lo, hi) if k < i or k >= j)


def _token_range(doc: NormalizedText, start: int, end: int) -> tuple[int, int]:
    idx = [k for k, t in enumerate(doc.tokens) if start <= t.start < end]
    if not idx:
        return 0, 0
    return idx[0], idx[-1] + 1
