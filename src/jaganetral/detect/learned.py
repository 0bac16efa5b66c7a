"""The learned stage: a linear model over hashed text n-grams and the rules' own evidence.

Pure (numpy only, no files): the artifact is read by :mod:`jaganetral.learning.artifact` and
handed to the detector. The model never decides alone: it runs only where the rules found a
contestant, party or ballot number, it weighs the rules' evidence as features, and the contestant
still comes from the knowledge pack.

Features are hashed (CRC-32 of a prefixed string, modulo ``2**bits``), so the artifact holds
weights, never a vocabulary or a text. Kinds of feature:

* ``w:`` normalised words (slang, elongation and leetspeak undone by the detector's normaliser),
  word bigrams (the two words' indices mixed, see ``BIGRAM_MIX``), ``c:`` character 3–5-grams
  inside each word (with word boundaries), all scaled together to unit length;
* ``R:``/``E:`` the rules' judgement: score bands, flag and stance, each evidence kind with its
  stance, whether it names a target, the activity kind.
"""

from __future__ import annotations

import itertools
import math
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from jaganetral.detect.model import Evidence

LABELS = ("support", "attack", "neutral_election", "political_other", "nonpolitical")
SCORE_BANDS = (0.2, 0.35, 0.45, 0.6, 0.8)
BIGRAM_MIX = 1_000_003  # a prime: bigram index = (index(a) * BIGRAM_MIX + index(b) + 1) mod 2**bits


def feature_index(name: str, bits: int) -> int:
    return zlib.crc32(name.encode("utf-8")) & ((1 << bits) - 1)


@dataclass(frozen=True)
class RuleView:
    """What the rules concluded, as the learned stage sees it."""

    kind: str
    score: float
    flagged: bool
    stance: str | None
    evidence: Sequence[Evidence]


class Featurizer:
    """Hashed features of one activity, and the surface words behind each word feature (for cues).

    Each word's hashed features are remembered (words repeat from post to post)."""

    LIMIT = 200_000  # words remembered; the memo starts afresh beyond that

    def __init__(self, bits: int) -> None:
        self.bits = bits
        self._words: dict[str, tuple[int, tuple[int, ...]]] = {}

    def _word(self, w: str) -> tuple[int, tuple[int, ...]]:
        known = self._words.get(w)
        if known is None:
            bits = self.bits
            padded = f" {w} "
            grams = {feature_index("c:" + padded[k:k + n], bits)
                     for n in (3, 4, 5) for k in range(len(padded) - n + 1)}
            known = (feature_index("w:" + w, bits), tuple(sorted(grams)))
            if len(self._words) >= self.LIMIT:
                self._words.clear()
            self._words[w] = known
        return known

    def __call__(self, norms: Iterable[str], rules: RuleView) -> tuple[dict[int, float], dict[int, str]]:
        words = [w for w in norms if w and not w.startswith(("@", "http"))]
        text: dict[int, float] = {}
        names: dict[int, str] = {}
        indices: list[int] = []
        for w in words:
            i, grams = self._word(w)
            indices.append(i)
            text[i] = 1.0
            names.setdefault(i, w)
            text.update(dict.fromkeys(grams, 1.0))
        mask = (1 << self.bits) - 1
        for (a, ia), (b, ib) in itertools.pairwise(zip(words, indices, strict=True)):
            # a bigram's index mixes its words' indices (no string to build and hash per pair)
            i = (ia * BIGRAM_MIX + ib + 1) & mask
            text[i] = 1.0
            if i not in names:
                names[i] = f"{a} {b}"
        scale = 1.0 / math.sqrt(len(text)) if text else 0.0
        out = {i: scale for i in text}
        for name, value in rule_features(rules):
            i = feature_index(name, self.bits)
            out[i] = out.get(i, 0.0) + value
        return out, names


def rule_features(rules: RuleView) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = [("R:bias", 1.0), ("R:score", rules.score), (f"R:kind:{rules.kind}", 1.0)]
    out.extend((f"R:s>{band}", 1.0) for band in SCORE_BANDS if rules.score >= band)
    if rules.flagged:
        out.append((f"R:flag:{rules.stance}", 1.0))
    seen: set[str] = set()
    for e in rules.evidence:
        for name in (f"E:{e.kind}:{e.stance}", f"E:{e.kind}:tgt" if e.targets else "", f"E:field:{e.field}"):
            if name and name not in seen:
                seen.add(name)
                out.append((name, 1.0))
    return out


@dataclass(frozen=True)
class Calibration:
    """Platt scaling of the partisan log-odds: p = 1 / (1 + exp(-(a * z + b)))."""

    a: float = 1.0
    b: float = 0.0

    def __call__(self, z: float) -> float:
        return _sigmoid(self.a * z + self.b)


@dataclass(frozen=True)
class LearnedModel:
    """Multinomial logistic regression over hashed features, calibrated, with its flag threshold."""

    version: str  # "lr-" + the first 12 hex digits of the artifact's SHA-256
    bits: int
    weights: npt.NDArray[np.float32]  # (2**bits, len(LABELS))
    bias: npt.NDArray[np.float32]  # (len(LABELS),)
    calibration: Calibration
    threshold: float  # on the calibrated partisan probability
    sha256: str = ""

    def probabilities(self, features: dict[int, float]) -> npt.NDArray[np.float64]:
        if features:
            idx = np.fromiter(features.keys(), dtype=np.int64, count=len(features))
            val = np.fromiter(features.values(), dtype=np.float32, count=len(features))
            logits = (val @ self.weights[idx]).astype(np.float64) + self.bias
        else:
            logits = self.bias.astype(np.float64)
        logits = logits - logits.max()
        e = np.exp(logits)
        return np.asarray(e / e.sum(), dtype=np.float64)

    def partisan(self, probs: npt.NDArray[np.float64]) -> float:
        """Calibrated probability that the activity campaigns for or against someone."""
        return self.calibration(log_odds(float(probs[0] + probs[1])))

    def cues(self, features: dict[int, float], names: dict[int, str], limit: int = 5) -> list[str]:
        """The words of the text that pushed hardest towards campaigning (support or attack)."""
        if not names:
            return []
        idx = np.fromiter(names.keys(), dtype=np.int64, count=len(names))
        rows = self.weights[idx].astype(np.float64)
        value = np.fromiter((features.get(i, 0.0) for i in names), dtype=np.float64, count=len(names))
        push = (np.maximum(rows[:, 0], rows[:, 1]) - rows[:, 2:].mean(axis=1)) * value
        words = list(names.values())
        scored = sorted((-float(push[k]), words[k]) for k in np.flatnonzero(push > 0).tolist())
        out: list[str] = []
        for _, word in scored:
            if word not in out:
                out.append(word)
            if len(out) == limit:
                break
        return out


def log_odds(p: float) -> float:
    p = min(max(p, 1e-9), 1.0 - 1e-9)
    return math.log(p / (1.0 - p))


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)
