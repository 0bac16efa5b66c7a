"""The decision layer: evidence in, a judgement of stance per contestant and the signals out.

Scores combine by noisy-OR, so each further piece of evidence raises the score and it stays in
[0, 1]. Neutral language (civic, news) damps weak evidence; strong evidence (a campaign slogan or
hashtag, an explicit call to vote) is not damped, since a headline followed by "#02Melanjutkan"
is still campaigning.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from jaganetral.detect.model import Evidence

STRONG = 0.7
DAMPING = 0.85  # how far neutral language (civic, news) can damp weak evidence
STRONG_DAMPING = 0.45
# Naming a contestant during their contest leans partisan by itself (a keyword alert catches most
# campaigning); parties are named in news far more often than in campaigning.
MENTION_BASE = 0.35
PARTY_BASE = 0.15
# A sitting office-holder who runs again is named mostly for what the office does (LABELLING.md:
# government talk is political_other), so naming them alone leans less.
INCUMBENT_BASE = 0.15
TARGETING = frozenset({
    "blank_column", "alias", "incumbent", "pair_name", "acronym", "team", "volunteer", "account", "number",
    "party", "membership", "slogan", "hashtag", "attack_hashtag", "sign", "name_hashtag",
})
VOTE_KINDS = frozenset({"vote_strong", "choice"})


@dataclass
class TargetJudgement:
    target: str
    support: float = 0.0
    attack: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)
    lean: float = 0.0  # undirected: the contestant named in one's own voice

    @property
    def score(self) -> float:
        return 1.0 - (1.0 - max(self.support, self.attack)) * (1.0 - self.lean)

    @property
    def stance(self) -> str:
        return "attack" if self.attack > self.support else "support"


@dataclass
class FieldJudgement:
    targets: dict[str, TargetJudgement]
    neutral: float
    neutral_evidence: list[Evidence]
    vote_call: set[str]
    membership: set[str]

    def best(self) -> TargetJudgement | None:
        if not self.targets:
            return None
        return max(self.targets.values(), key=lambda t: (t.score, t.target))

    @property
    def score(self) -> float:
        best = self.best()
        return best.score if best else 0.0


def noisy_or(weights: Iterable[float]) -> float:
    p = 1.0
    for w in weights:
        p *= 1.0 - max(0.0, min(1.0, w))
    return 1.0 - p


def judge(evidence: Sequence[Evidence], fallback_targets: Sequence[str] = ()) -> FieldJudgement:
    """Judge one field. Stance words attach to the nearest contestant named in the same field,
    or, when the field names none, to ``fallback_targets`` (the post a comment answers)."""
    anchors: list[Evidence] = []
    neutral_ev: list[Evidence] = []
    lean_words: list[Evidence] = []
    lean_by_kind: dict[str, float] = {}
    mentioned: dict[str, None] = {}  # ordered set
    as_office: dict[str, bool] = {}  # named only as the sitting office-holder
    direct: set[str] = set()  # named in their own right, not only as the blank column's opponent
    for e in evidence:  # one pass to sort the evidence by role
        stance = e.stance
        if stance == "neutral":
            neutral_ev.append(e)
        elif stance == "lean":
            lean_words.append(e)
            if e.weight > lean_by_kind.get(e.kind, 0.0):
                lean_by_kind[e.kind] = e.weight
        if e.targets and e.kind in TARGETING:
            anchors.append(e)
            office = e.kind == "incumbent"
            for t in e.targets:
                mentioned[t] = None
                as_office[t] = as_office.get(t, True) and office
                if e.kind != "blank_column":
                    direct.add(t)
    neutral = noisy_or(e.weight for e in neutral_ev)
    damp = 1.0 - DAMPING * neutral
    strong_damp = 1.0 - STRONG_DAMPING * neutral
    support: dict[str, list[float]] = defaultdict(list)
    attack: dict[str, list[float]] = defaultdict(list)
    used: dict[str, list[Evidence]] = defaultdict(list)
    vote_call: set[str] = set()
    membership: set[str] = set()
    counted: set[tuple[str, str, str]] = set()
    for e in evidence:
        if e.stance == "lean":
            continue
        if e.stance not in ("support", "attack"):
            if e.targets:
                for t in e.targets:
                    used[t].append(e)
            continue
        targets = e.targets or _nearest(e, anchors) or tuple(fallback_targets)
        w = e.weight * (strong_damp if e.weight >= STRONG else damp)
        for t in targets:
            key = (t, e.kind, e.text.lower())
            if key in counted:
                continue  # the same word repeated is one cue, not several
            counted.add(key)
            (support if e.stance == "support" else attack)[t].append(w)
            used[t].append(e)
            if e.kind in VOTE_KINDS:
                vote_call.add(t)
            if e.kind == "membership":
                membership.add(t)
    judged: dict[str, TargetJudgement] = {}
    leans = noisy_or(lean_by_kind.values())
    for t in [*mentioned, *(t for t in [*support, *attack] if t not in mentioned)]:
        if t in judged:
            continue
        if t not in mentioned:  # reached only through a cue (a comment's reply, "cebong"): no name, no lean
            base = 0.0
        elif t.startswith("party:"):
            base = PARTY_BASE
        else:
            base = INCUMBENT_BASE if as_office.get(t) else MENTION_BASE
        lean = (1.0 - (1.0 - base) * (1.0 - leans)) * damp if base else 0.0
        judged[t] = TargetJudgement(t, noisy_or(support[t]), noisy_or(attack[t]), used[t] + lean_words, lean)
    _kolom_kosong(judged, direct)
    _balance(judged)
    return FieldJudgement(judged, neutral, neutral_ev, vote_call, membership)


def _nearest(e: Evidence, anchors: Sequence[Evidence]) -> tuple[str, ...]:
    if not anchors:
        return ()
    best = min(abs(a.token - e.token) for a in anchors)
    out: list[str] = []
    for a in anchors:
        if abs(a.token - e.token) == best:
            # words about the blank column are about the blank column, not about its pair
            names = [t for t in a.targets if t.endswith(":kolom-kosong")] if a.kind == "blank_column" else a.targets
            out.extend(t for t in names if t not in out)
    return tuple(out)


def _kolom_kosong(judged: dict[str, TargetJudgement], direct: set[str]) -> None:
    """Campaigning for the blank column is campaigning against the single pair (and the reverse).

    The blank column's evidence also names the pair; a pair named only that way takes the
    opposite stance of the blank column, a pair named in its own right keeps its own too."""
    for t in list(judged):
        if not t.endswith(":kolom-kosong"):
            continue
        blank = judged[t]
        contest = t.rsplit(":", 1)[0]
        for other in list(judged):
            if not other.startswith(contest + ":") or other == t:
                continue
            pair = judged[other]
            if other in direct:
                pair.attack = max(pair.attack, blank.support)
                pair.support = max(pair.support, blank.attack)
            else:
                pair.support, pair.attack, pair.lean = blank.attack, blank.support, blank.lean


def _balance(judged: dict[str, TargetJudgement]) -> None:
    """Several contestants of one contest weighed alike is a comparison, not a campaign."""
    by_contest: dict[str, list[TargetJudgement]] = defaultdict(list)
    for t in judged.values():
        if not t.target.startswith("party:"):
            by_contest[t.target.rsplit(":", 1)[0]].append(t)
    for group in by_contest.values():
        if len(group) < 2 or any(t.target.endswith(":kolom-kosong") for t in group):
            continue
        scores = sorted((t.score for t in group), reverse=True)
        if scores[0] - scores[1] < 0.1 and all(t.stance == group[0].stance for t in group):
            for t in group:
                t.support *= 0.5
                t.attack *= 0.5
                t.lean *= 0.5
