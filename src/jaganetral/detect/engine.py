"""The detector: a knowledge base and settings in, ``analyze(activity) -> Finding`` out.

Pure: no files, no clock, no globals. Building a Detector compiles the packs' terms once; after
that every call is independent, so the CLI, the web app, a Spark executor and a test all call
the same function. The only state that changes is per-instance memoisation (normalised words,
contest resolution, forms), which never changes an answer.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from jaganetral.detect.context import ContestResolver
from jaganetral.detect.decide import FieldJudgement, TargetJudgement, judge
from jaganetral.detect.explain import explain_clear, explain_flag, explain_learned
from jaganetral.detect.learned import Featurizer, LearnedModel, RuleView
from jaganetral.detect.model import Activity, Evidence, Finding, FormRef
from jaganetral.detect.normalize import NormalizedText, Normalizer
from jaganetral.detect.phrases import Match, PhraseIndex
from jaganetral.detect.recognizers.attack import AttackRecognizer
from jaganetral.detect.recognizers.ballot_number import BallotNumberRecognizer
from jaganetral.detect.recognizers.base import Context, FieldDoc, Recognizer
from jaganetral.detect.recognizers.call_to_vote import CallToVoteRecognizer
from jaganetral.detect.recognizers.contestant import ContestantMentionRecognizer
from jaganetral.detect.recognizers.endorsement import EndorsementRecognizer
from jaganetral.detect.recognizers.neutral_civic import NeutralCivicRecognizer
from jaganetral.detect.recognizers.news_register import NewsRegisterRecognizer
from jaganetral.detect.recognizers.opinion_register import OpinionRegisterRecognizer
from jaganetral.detect.recognizers.party import PartyRecognizer
from jaganetral.detect.recognizers.slogan import SloganHashtagRecognizer
from jaganetral.knowledge.base import KnowledgeBase, phase, stage_name
from jaganetral.knowledge.schema import Contest

DETECTOR_VERSION = "rules-0.1.0"
ENGAGE_KINDS = frozenset({"like", "share", "comment", "follow", "group_join"})
FOLLOW_KINDS = frozenset({"follow", "group_join"})
MIN_SIGNAL = 1e-6  # with the learned stage, any named contestant can carry the model's flag
FOLLOW_WEIGHT = 0.75  # following a contestant's account or joining a group named after them


@dataclass(frozen=True)
class DetectorSettings:
    region: str | None = None
    # Chosen on hand-labelled posts (shared dev set): flag F1 0.85 with 9 % of neutral election posts
    # flagged; 0.5 trades recall for fewer false flags (F1 0.845, 7.5 %). Calibration comes later.
    threshold: float = 0.45


def default_recognizers() -> list[Recognizer]:
    """Order matters: mentions first, so numbers and slogans can use the contestants named."""
    return [
        ContestantMentionRecognizer(),
        PartyRecognizer(),
        BallotNumberRecognizer(),
        SloganHashtagRecognizer(),
        CallToVoteRecognizer(),
        EndorsementRecognizer(),
        AttackRecognizer(),
        NeutralCivicRecognizer(),
        NewsRegisterRecognizer(),
        OpinionRegisterRecognizer(),
    ]


class Detector:
    def __init__(self, kb: KnowledgeBase, settings: DetectorSettings | None = None,
                 recognizers: list[Recognizer] | None = None, learned: LearnedModel | None = None):
        self.kb = kb
        self.settings = settings or DetectorSettings()
        self.recognizers = recognizers if recognizers is not None else default_recognizers()
        vocab: set[str] = set()
        for r in self.recognizers:
            vocab |= PhraseIndex.vocabulary_of(r.vocabulary(kb))
        self.normalizer = Normalizer(vocab)
        self.index = PhraseIndex(self.normalizer)
        for r in self.recognizers:
            r.register(self.index, kb)
        self._anchor_owners = frozenset(r.name for r in self.recognizers if r.ANCHORS)
        self.index.freeze(self._anchor_owners)
        self.resolver = ContestResolver.build(kb, self.settings.region)
        self.institutions = frozenset(a.handle for p in kb.institutions for a in p.accounts)
        self.learned = learned
        self._last_norm: tuple[str, NormalizedText] | None = None
        self._featurizers: dict[int, Featurizer] = {}  # by bits: remembers each word's hashed features
        self.version = DETECTOR_VERSION + (f"+{learned.version}" if learned else "")
        self.kb_version = kb.version  # computed once: it joins every pack's id and version
        self._nothing = explain_clear(kb, [], [])
        self._form_memo: dict[tuple[str, tuple[str, ...], str], list[FormRef]] = {}

        self.mapped = frozenset((r.signal, k) for r in kb.catalogue.mapping for k in r.kinds)

    def evidence(self, field: str, value: str, ctx: Context, complete: bool = True) -> list[Evidence]:
        """Every recognizer's evidence in one field. With ``complete=False`` the language cues are
        skipped when no contestant, party or number is named: they could not make a finding."""
        norm = self.normalizer(value)
        self._last_norm = (value, norm)
        tags = self.index.match_hashtags(norm)
        matches = self.index.match(norm, 0, tags)
        if field == "target_account" and " " not in value.strip():  # a handle: names written together
            matches += [m for m in self.index.squashed(value, 0, len(norm.tokens), 0, len(value))
                        if m.entry.owner in self._anchor_owners]
        grouped: defaultdict[str, list[Match]] = defaultdict(list)
        for m in matches:
            grouped[m.entry.owner].append(m)
        doc = FieldDoc(field, norm, grouped)
        found: list[Evidence] = []
        cues_matched = False
        for r in self.recognizers:
            if not r.ANCHORS and not cues_matched:
                if not complete and not any(e.targets for e in found):
                    break  # nothing named: the language cues could not make a finding
                for m in self.index.match(norm, 1, tags):
                    grouped[m.entry.owner].append(m)
                cues_matched = True
            found.extend(r.analyze(doc, ctx, found))
        return _drop_nested(found)

    def _judge(self, activity: Activity) -> _Judged | None:
        """The rules' evidence and judgements, or None when nothing is named (the common, cheap case)."""
        ctx = Context(activity, activity.day, self.resolver)
        target_ev: list[Evidence] = []
        target_j: FieldJudgement | None = None
        if activity.kind in ENGAGE_KINDS:
            for field in ("target_text", "target_account"):
                value = getattr(activity, field)
                if value and not self._institution(field, value):
                    target_ev.extend(self.evidence(field, value, ctx, complete=False))
            target_j = judge(target_ev)
            if activity.kind in FOLLOW_KINDS:
                _following(target_j)
        fallback = list(target_j.targets) if target_j and activity.kind in ("comment", "share") else []
        own_ev = self.evidence("text", activity.text, ctx, complete=bool(fallback)) if activity.text else []
        if not own_ev and not target_ev:
            return None
        own_j = judge(own_ev, fallback)
        evidence = tuple(sorted(own_ev + target_ev, key=lambda e: (e.field != "text", e.field, e.start, e.end)))
        return _Judged(own_j, target_j, evidence)

    def _signals(self, kind: str, j: _Judged, thr: float) -> list[tuple[str, TargetJudgement]]:
        signals: list[tuple[str, TargetJudgement]] = []
        own_best = j.own.best()
        if own_best and own_best.score >= thr:
            signals.append(("campaign", own_best))
            if own_best.target in j.own.vote_call:
                signals.append(("vote_call", own_best))
        for t in j.own.membership:
            if j.own.targets[t].score >= thr:
                signals.append(("party_member", j.own.targets[t]))
        tgt_best = j.target.best() if j.target else None
        if tgt_best and tgt_best.score >= thr:
            signals.append(("engage_target", tgt_best))
        # a signal that names no SKB form for this kind of activity (own text of a like) is no violation
        return [s for s in signals if (s[0], kind) in self.mapped]

    def _normalized(self, text: str) -> NormalizedText:
        """The text's normal form, reusing the one ``evidence`` just made of it (per-instance memo)."""
        last = self._last_norm
        return last[1] if last is not None and last[0] == text else self.normalizer(text)

    def learning_input(self, activity: Activity, bits: int) -> tuple[dict[int, float], dict[int, str]] | None:
        """The learned stage's features of an activity (None where the rules name nobody: never judged)."""
        j = self._judge(activity)
        return None if j is None else self._features(activity, j, bits)

    def _features(self, activity: Activity, j: _Judged, bits: int) -> tuple[dict[int, float], dict[int, str]]:
        signals = self._signals(activity.kind, j, self.settings.threshold)
        lead = max((tj for _, tj in signals), key=lambda tj: tj.score) if signals else None
        norms = list(self._normalized(activity.text).norms) if activity.text else []
        if activity.target_text and activity.kind in ENGAGE_KINDS:
            norms += ["|", *self.normalizer(activity.target_text).norms]
        view = RuleView(activity.kind, j.score, bool(signals), lead.stance if lead else None, j.evidence)
        featurizer = self._featurizers.get(bits)
        if featurizer is None:
            featurizer = self._featurizers[bits] = Featurizer(bits)
        return featurizer(norms, view)

    def analyze(self, activity: Activity) -> Finding:
        day = activity.day
        j = self._judge(activity)
        if j is None:  # nothing named, nothing to weigh: the common case, kept cheap
            return Finding(activity.id, False, 0.0, None, (), (), (), self._nothing, None, None, None,
                           day is not None, (), self.version, self.kb_version)
        learned = self.learned
        if learned is None:
            signals = self._signals(activity.kind, j, self.settings.threshold)
            if signals:
                return self._flagged(activity, signals, j, self.settings.threshold * 0.8)
            return self._clear(activity, j, j.score, "")
        features, names = self._features(activity, j, learned.bits)
        probs = learned.probabilities(features)
        p = learned.partisan(probs)
        flagged = p >= learned.threshold
        note = explain_learned(p, learned.cues(features, names) if flagged else [], learned.version, flagged)
        signals = self._signals(activity.kind, j, MIN_SIGNAL) if flagged else []
        if not signals:
            return self._clear(activity, j, p, note)
        lead = max(tj.score for _, tj in signals)
        hint = "attack" if probs[1] > probs[0] else "support"
        return self._flagged(activity, signals, j, lead * 0.8, p, note, hint)

    def _clear(self, activity: Activity, j: _Judged, score: float, note: str) -> Finding:
        mentioned = [t for t in j.own.targets] + ([t for t in j.target.targets] if j.target else [])
        neutral = j.own.neutral_evidence + (j.target.neutral_evidence if j.target else [])
        explanation = explain_clear(self.kb, mentioned, neutral) + (" " + note if note else "")
        return Finding(activity.id, False, score, None, (), (), j.evidence, explanation, None, None, None,
                       activity.day is not None, (), self.version, self.kb_version)

    def _flagged(self, activity: Activity, signals: list[tuple[str, TargetJudgement]], j: _Judged,
                 floor: float, score: float | None = None, note: str = "", hint: str | None = None) -> Finding:
        day = activity.day
        lead = max((tj for _, tj in signals), key=lambda tj: tj.score)
        judged = [j.own] + ([j.target] if j.target else [])
        targets: list[str] = []
        for fj in judged:
            for t in sorted(fj.targets.values(), key=lambda t: -t.score):
                if t.score >= floor and t.target not in targets:
                    targets.append(t.target)
        if lead.target not in targets:
            targets.insert(0, lead.target)
        contest = self._contest_of(lead.target, day)
        ph = phase(contest, day) if contest else "post"
        forms = self._forms(activity.kind, [s for s, _ in signals], ph)
        stage = stage_name(contest, day) if contest else "tahapan tidak diketahui"
        if day is None:
            stage = "setelah penetapan calon (diasumsikan)"
        lead_stance = lead.stance if (lead.support or lead.attack or hint is None) else hint
        stance_of = {t.target: t.stance for fj in judged for t in fj.targets.values()
                     if hint is None or t.support or t.attack}
        stances = [(t, stance_of.get(t, lead_stance)) for t in targets]
        explanation = explain_flag(self.kb, activity.kind, stances, lead.evidence, forms, stage,
                                   contest.name if contest else None, day is not None)
        if note:
            explanation += " " + note
        return Finding(
            activity.id, True, lead.score if score is None else score, forms[0].code if forms else None,
            tuple(f.code for f in forms[1:]), tuple(targets), j.evidence, explanation, lead_stance,  # type: ignore[arg-type]
            contest.id if contest else None, stage, day is not None, tuple(forms), self.version, self.kb_version,
        )

    def _contest_of(self, target: str, day: dt.date | None) -> Contest | None:
        if target.startswith("party:"):
            ids = self.resolver.current(day, ("pileg",))
            return self.kb.contests[ids[0]] if ids else None
        return self.kb.contests.get(target.rsplit(":", 1)[0])

    def _forms(self, kind: str, signals: list[str], ph: str) -> list[FormRef]:
        key = (kind, tuple(signals), ph)
        known = self._form_memo.get(key)
        if known is None:
            known = self._form_memo[key] = self._forms_of(kind, signals, ph)
        return known

    def _forms_of(self, kind: str, signals: list[str], ph: str) -> list[FormRef]:
        """SKB forms an activity kind shows, by signal and phase, most severe first (from the catalogue)."""
        codes: list[str] = []
        for rule in self.kb.catalogue.mapping:
            if rule.signal in signals and kind in rule.kinds:
                code = rule.pre if ph == "pre" else rule.post
                if code and code not in codes:
                    codes.append(code)
        forms = sorted((self.kb.forms[c] for c in codes), key=lambda f: -f.severity)
        return [FormRef(f.code, f.text, f.skb_item, f.sanction.text, f.sanction.basis) for f in forms]

    def _institution(self, field: str, value: str) -> bool:
        return field == "target_account" and value.strip().lstrip("@").lower() in self.institutions


@dataclass(frozen=True)
class _Judged:
    own: FieldJudgement
    target: FieldJudgement | None
    evidence: tuple[Evidence, ...]

    @property
    def score(self) -> float:
        return max(self.own.score, self.target.score if self.target else 0.0)


def _drop_nested(found: list[Evidence]) -> list[Evidence]:
    """A cue inside a longer span that names a contestant ("AMIN" in "Timnas AMIN", "ganti presiden" in
    "#2019GantiPresiden") is part of that span: counting it again would weigh one phrase twice. A cue
    inside a neutral phrase ("pilih" in "gunakan hak pilih") is part of the neutral phrase."""
    outer = [e for e in found if (e.targets and e.stance in ("support", "attack")) or e.stance == "neutral"]
    if not outer:
        return found
    return [e for e in found if e.stance not in ("support", "attack") or not any(
        o is not e and o.start <= e.start and e.end <= o.end and (o.end - o.start) > (e.end - e.start)
        and (not e.targets if o.stance == "neutral" else set(e.targets) <= set(o.targets)) for o in outer)]


def _following(j: FieldJudgement) -> None:
    for t in j.targets.values():
        t.support = max(t.support, FOLLOW_WEIGHT * (1.0 - j.neutral))
