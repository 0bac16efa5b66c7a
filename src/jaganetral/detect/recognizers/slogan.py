"""Campaign slogans and hashtags from the packs ("#02Melanjutkan", "Sat Set", "#2019GantiPresiden").

A slogan or campaign hashtag used by one side is strong evidence; an attack hashtag campaigns
against the contestant it names. Slogans that are ordinary words ("perubahan", "lanjutkan")
count only when the same text names their contestant.
"""

from __future__ import annotations

from collections.abc import Iterable

from jaganetral.detect.model import Evidence
from jaganetral.detect.phrases import PhraseIndex
from jaganetral.detect.recognizers.base import Context, FieldDoc, Recognizer, spans, term_entry
from jaganetral.knowledge.base import KnowledgeBase
from jaganetral.knowledge.schema import Term

STRONG = 0.8
WEAK = 0.45  # a one-word slogan that is also an ordinary word
LABEL = 0.3  # deriding a contestant's supporters ("cebong", "kampret") attacks the contestant


class SloganHashtagRecognizer(Recognizer):
    name = "slogan_hashtag"
    ANCHORS = True

    def _terms(self, kb: KnowledgeBase) -> Iterable[tuple[str, tuple[str, str], Term]]:
        for c in kb.contests.values():
            for k in c.contestants:
                if k.kind == "party":
                    continue
                ref = (c.id, k.key)
                for t in k.slogans:
                    yield "slogan", ref, t
                for t in k.hashtags:
                    yield "hashtag", ref, t
                for t in k.attack_hashtags:
                    yield "attack_hashtag", ref, t
                for t in k.supporter_labels:
                    yield "supporter_label", ref, t

    def register(self, index: PhraseIndex, kb: KnowledgeBase) -> None:
        for category, ref, term in self._terms(kb):
            single = term.needs_name or (len(index.normalizer(term.text).tokens) == 1 and not term.text.startswith("#"))
            index.add(term.text, term_entry(index, self.name, category, (ref, single), term))

    def vocabulary(self, kb: KnowledgeBase) -> Iterable[str]:
        return (t.text for _, _, t in self._terms(kb))

    def analyze(self, doc: FieldDoc, ctx: Context, found: list[Evidence]) -> list[Evidence]:
        named = {t for e in found for t in e.targets}
        out: list[Evidence] = []
        for match, entries in spans(doc.of(self.name)):
            contests = {e.value[0][0] for e in entries}
            chosen = set(ctx.resolver.pick(contests, ctx.when))
            picked = [e for e in entries if e.value[0][0] in chosen]
            if not picked:
                continue
            targets = tuple(sorted({f"{e.value[0][0]}:{e.value[0][1]}" for e in picked}))
            single = all(e.value[1] for e in picked)
            labels = any(e.category == "supporter_label" for e in picked)
            if single and not labels and not (set(targets) & named):
                continue  # "perubahan" alone is just a word
            if len(targets) > 1 and set(targets) & named:
                targets = tuple(t for t in targets if t in named)
            if any(e.category == "supporter_label" for e in picked):
                out.append(self.evidence(doc, match, "supporter_label", LABEL, "attack", targets,
                                         "sebutan ejekan bagi pendukung kontestan"))
                continue
            attack = any(e.category == "attack_hashtag" for e in picked)
            weight = WEAK if single else STRONG
            kind = "attack_hashtag" if attack else ("hashtag" if match.via_hashtag else "slogan")
            note = "tagar/slogan yang menyerang kontestan" if attack else "slogan/tagar kampanye"
            out.append(self.evidence(doc, match, kind, weight, "attack" if attack else "support", targets, note))
        return out
