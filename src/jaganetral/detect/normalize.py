"""Single-pass normaliser for Indonesian social-media text.

The text is cut into tokens (words, numbers, hashtag parts, mentions, emoji, ``?``/``!``); each
token keeps the span of the original text it came from, so evidence found on the normalised
tokens maps back to exact original offsets. Per token: lower case, elongation ("pilihhh" →
"pilih"), slang ("yg" → "yang"), leetspeak ("M3nang" → "menang", only when the decoded word is
known), letters split from digits ("2periode" → "2 periode"), hashtags split into words
("#02Melanjutkan" → "02 melanjutkan"), emoji stripped of variation selectors and skin tones.

Numbers are never rewritten: "02" stays "02". Normalising the normalised text changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from jaganetral.detect.slang import SLANG

TOKEN_RE = re.compile(
    r"(?P<url>https?://\S+|www\.\S+)"
    r"|(?P<mention>@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)"
    r"|(?P<hashtag>#[^\W_][\w]*)"
    r"|(?P<word>[^\W_]+(?:['’`][^\W_]+)*)"
    r"|(?P<punct>[?!]+)"
    r"|(?P<emoji>[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u3030\u303D])"
)
URL, MENTION, HASHTAG, WORD, PUNCT, EMOJI = 1, 2, 3, 4, 5, 6  # TOKEN_RE's groups, in order
HASHTAG_PART_RE = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+|[^\W_0-9]+")
RUN3_RE = re.compile(r"([^\W\d_])\1{2,}")
DIGITS = frozenset("0123456789")
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "6": "g", "7": "t", "8": "b", "9": "g"})
NUMBER_WORDS = frozenset({"no", "nomor"})
_CACHE_LIMIT = 200_000


class Token(NamedTuple):
    """One token: its normal form and the span of the original text it came from."""

    norm: str
    start: int
    end: int
    kind: str  # word, num, mention, emoji, punct
    raw: str
    in_hashtag: bool = False


class Hashtag(NamedTuple):
    body: str  # lower case, without '#'
    start: int
    end: int
    raw: str


class NormalizedText(NamedTuple):
    original: str
    tokens: tuple[Token, ...]
    hashtags: tuple[Hashtag, ...]
    norms: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.norms)


class Normalizer:
    """Normalises text; ``vocabulary`` lists known words (for leetspeak and elongation)."""

    def __init__(self, vocabulary: Iterable[str] = ()):
        self.vocabulary = frozenset(vocabulary) | frozenset(SLANG.values())
        self._cache: dict[str, tuple[tuple[str, int, int, str], ...]] = {}
        self._simple: dict[str, tuple[str, str]] = {}  # raw word -> (norm, kind) when it is one whole token

    def __call__(self, text: str) -> NormalizedText:
        tokens: list[Token] = []
        hashtags: list[Hashtag] = []
        simple = self._simple
        append = tokens.append
        new = tuple.__new__
        for m in TOKEN_RE.finditer(text):
            group = m.lastindex
            raw = m.group()
            if group == WORD:
                hit = simple.get(raw)
                if hit is not None:  # the common case: one word, one token, whole span
                    start, end = m.span()
                    append(new(Token, (hit[0], start, end, hit[1], raw, False)))
                else:
                    self._word(raw, m.start(), tokens, False)
            elif group == HASHTAG:
                start = m.start()
                body = raw[1:]
                hashtags.append(Hashtag(body.lower(), start, m.end(), raw))
                for part in HASHTAG_PART_RE.finditer(body):
                    self._word(part.group(), start + 1 + part.start(), tokens, True)
            elif group == MENTION:
                append(new(Token, (raw.lower(), m.start(), m.end(), "mention", raw, False)))
            elif group == EMOJI:
                if "\U0001f3fb" <= raw <= "\U0001f3ff":
                    continue  # skin-tone modifier
                append(Token(raw, m.start(), m.end(), "emoji", raw))
            elif group == PUNCT:
                append(Token("?" if "?" in raw else "!", m.start(), m.end(), "punct", raw))
        norms = [t[0] for t in tokens]
        if "no" in norms:
            _number_words(tokens)
            norms = [t[0] for t in tokens]
        return NormalizedText(text, tuple(tokens), tuple(hashtags), tuple(norms))

    def _word(self, raw: str, start: int, out: list[Token], in_hashtag: bool) -> None:
        parts = self._cache.get(raw)
        if parts is None:
            parts = tuple(
                (norm, a, b, "num" if norm.isdigit() and set(norm) <= DIGITS else "word")
                for norm, a, b in self._normalize_word(raw)
            )
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
                self._simple.clear()
            self._cache[raw] = parts
            if len(parts) == 1 and parts[0][1] == 0 and parts[0][2] == len(raw):
                self._simple[raw] = (parts[0][0], parts[0][3])
        new = tuple.__new__
        for norm, a, b, kind in parts:
            piece = raw if a == 0 and b == len(raw) else raw[a:b]
            out.append(new(Token, (norm, start + a, start + b, kind, piece, in_hashtag)))

    def _normalize_word(self, raw: str) -> tuple[tuple[str, int, int], ...]:
        lower = "".join(ch for ch in raw.lower() if ch.isalnum() and (ch in DIGITS or not ch.isnumeric()))
        if not lower:
            return ()
        has_digit = any(ch in DIGITS for ch in lower)
        if has_digit and not all(ch in DIGITS for ch in lower):
            decoded = lower.translate(LEET)
            if decoded.isalpha() and decoded in self.vocabulary:
                return ((decoded, 0, len(raw)),)
            return self._split_digits(raw)
        if has_digit:
            return ((lower, 0, len(raw)),)
        return tuple((w, 0, len(raw)) for w in self._letters(lower).split())

    def _split_digits(self, raw: str) -> tuple[tuple[str, int, int], ...]:
        out: list[tuple[str, int, int]] = []
        for m in re.finditer(r"[0-9]+|[^0-9]+", raw):
            piece = "".join(ch for ch in m.group().lower() if ch.isalnum() and (ch in DIGITS or not ch.isnumeric()))
            if not piece:
                continue
            if piece.isdigit() and set(piece) <= DIGITS:
                out.append((piece, m.start(), m.end()))
            else:
                out.extend((w, m.start(), m.end()) for w in self._letters(piece).split())
        return tuple(out)

    def _letters(self, word: str) -> str:
        if word in self.vocabulary:
            return word
        if word in SLANG:
            return SLANG[word]
        collapsed = RUN3_RE.sub(r"\1", word)
        if collapsed in SLANG:
            return SLANG[collapsed]
        if collapsed in self.vocabulary:
            return collapsed
        if len(collapsed) > 3 and collapsed[-1] == collapsed[-2]:
            shorter = collapsed[:-1]
            if shorter in self.vocabulary:
                return shorter
            if shorter in SLANG:
                return SLANG[shorter]
        return collapsed


def _number_words(tokens: list[Token]) -> None:
    """"no 2", "nmr 2" → "nomor 2": "no" means nomor only before a number."""
    for i in range(len(tokens) - 1):
        t = tokens[i]
        if t.norm == "no" and tokens[i + 1].kind == "num":
            tokens[i] = t._replace(norm="nomor")
