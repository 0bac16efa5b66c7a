"""One shared phrase index: every recognizer's terms, matched over the tokens in one pass."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from jaganetral.detect.normalize import NormalizedText, Normalizer, Token


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


SQUASH_PREFIX = 5  # squashed terms are at least this long
NOT_ALNUM = re.compile(r"[\W_]+")


class PhraseIndex:
    def __init__(self, normalizer: Normalizer):
        self.normalizer = normalizer
        self._by_first: dict[str, list[tuple[tuple[str, ...], Entry]]] = defaultdict(list)
        self._hashtags: dict[str, list[Entry]] = defaultdict(list)
        self._squashed: dict[str, list[Entry]] = defaultdict(list)
        self._primary: frozenset[str] = frozenset()
        # per part: first token -> [(phrase, plain entries, entries with a case or context rule)], longest
        # first; and the set of first tokens
        self._parts: dict[int, tuple[dict[str, list[tuple[tuple[str, ...], list[Entry], list[Entry]]]],
                                     frozenset[str]]] = {}
        self._squash_by_prefix: dict[str, list[str]] = {}

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

    def freeze(self, primary: frozenset[str] = frozenset()) -> None:
        """Compile the index. Terms of the ``primary`` owners can be matched on their own first
        (``match(doc, part=0)``), the rest later (``part=1``) and only when needed."""
        self._primary = primary
        for items in self._by_first.values():
            items.sort(key=lambda it: -len(it[0]))
        for part in (0, 1):
            grouped: dict[str, list[tuple[tuple[str, ...], list[Entry], list[Entry]]]] = {}
            for norm, items in self._by_first.items():
                by_phrase: dict[tuple[str, ...], list[Entry]] = {}
                for phrase, entry in items:
                    if (entry.owner in primary) == (part == 0):
                        by_phrase.setdefault(phrase, []).append(entry)
                if by_phrase:
                    grouped[norm] = [
                        (phrase, [e for e in es if e.exact is None and not e.avoid],
                         [e for e in es if e.exact or e.avoid])
                        for phrase, es in by_phrase.items()
                    ]
            self._parts[part] = (grouped, frozenset(grouped))
        prefixes: dict[str, list[str]] = defaultdict(list)
        for key in sorted(self._squashed, key=len, reverse=True):
            prefixes[key[:SQUASH_PREFIX]].append(key)
        self._squash_by_prefix = dict(prefixes)

    @staticmethod
    def vocabulary_of(texts: Iterable[str]) -> set[str]:
        vocab: set[str] = set()
        for t in texts:
            for w in re.findall(r"[^\W\d_]+", t.lower()):
                vocab.add(w)
        return vocab

    def match(self, doc: NormalizedText, part: int | None = None, tags: list[Match] | None = None) -> list[Match]:
        """Every term in ``doc``; ``part`` 0 or 1 limits it to the primary owners' terms or the rest.
        ``tags`` are the hashtag matches when the caller already has them (``match_hashtags``)."""
        if part is None:
            tags = self.match_hashtags(doc)
            return self.match(doc, 0, tags) + self.match(doc, 1, tags)
        tokens = doc.tokens
        norms = doc.norms
        n = len(norms)
        out: list[Match] = []
        grouped, first = self._parts[part]
        new = tuple.__new__
        for i in [k for k, norm in enumerate(norms) if norm in first]:
            if tokens[i].in_hashtag:
                continue
            start = tokens[i].start
            for phrase, plain, ruled in grouped[norms[i]]:
                k = len(phrase)
                if k > 1 and (i + k > n or norms[i : i + k] != phrase):
                    continue
                end = tokens[i + k - 1].end
                for entry in plain:
                    out.append(new(Match, (i, i + k, start, end, entry, False)))
                for entry in ruled:
                    if entry.exact is not None and tuple(t.raw for t in tokens[i : i + k]) != entry.exact:
                        continue
                    if entry.avoid and _near(norms, i, i + k, entry.avoid):
                        continue
                    out.append(new(Match, (i, i + k, start, end, entry, False)))
        if doc.hashtags:
            primary = self._primary
            found = self.match_hashtags(doc) if tags is None else tags
            out.extend(m for m in found if (m.entry.owner in primary) == (part == 0))
        return out

    def match_hashtags(self, doc: NormalizedText) -> list[Match]:
        """Terms in the hashtags: a hashtag term whole, a one-word term, or terms written together."""
        out: list[Match] = []
        if not doc.hashtags:
            return out
        for h in doc.hashtags:
            i, j = _token_range(doc, h.start, h.end)
            whole = list(self._hashtags.get(h.body, ()) or self._hashtags.get(h.body.strip("0123456789_"), ()))
            words = [k for k in range(i, j) if doc.tokens[k].kind == "word"]
            if len(words) == 1:  # "#AMIN", "#Gerindra", "#2024AMIN": a one-word term written as a hashtag
                raw = doc.tokens[words[0]].raw
                whole += [e for phrase, e in self._by_first.get(doc.tokens[words[0]].norm, ())
                          if len(phrase) == 1 and (e.exact is None or e.exact == (raw,))]
            if whole:
                out.extend(Match(i, j, h.start, h.end, e, True) for e in whole)
                continue
            out.extend(self.squashed(h.body, i, j, h.start, h.end))
        return out

    def squashed(self, body: str, i: int, j: int, start: int, end: int) -> list[Match]:
        """Terms written together inside one word ("#prabowogibran2024", "@tkn_ganjarmahfud")."""
        flat = NOT_ALNUM.sub("", body.lower())
        out: list[Match] = []
        by_prefix = self._squash_by_prefix
        p = 0
        while p <= len(flat) - SQUASH_PREFIX:
            found = next((k for k in by_prefix.get(flat[p : p + SQUASH_PREFIX], ()) if flat.startswith(k, p)), None)
            if found is None:
                p += 1
                continue
            out.extend(Match(i, j, start, end, e, True) for e in self._squashed[found])
            p += len(found)  # leftmost-longest, no overlaps
        return out


def _near(norms: Sequence[str], i: int, j: int, avoid: frozenset[str]) -> bool:
    lo, hi = max(0, i - 2), min(len(norms), j + 2)
    return any(norms[k] in avoid for k in range(lo, hi) if k < i or k >= j)


def _token_range(doc: NormalizedText, start: int, end: int) -> tuple[int, int]:
    """Tokens i..j-1 that start inside original[start:end] (tokens are in text order)."""
    tokens = doc.tokens
    i = bisect.bisect_left(tokens, start, key=_start)
    j = bisect.bisect_left(tokens, end, lo=i, key=_start)
    return (i, j) if i < j else (0, 0)


def _start(t: Token) -> int:
    return t.start
