"""Political parties by name or acronym ("Partai Demokrat", "PDI-P", "Gerindra"), and party membership.

"demokrasi" is not "Partai Demokrat": ambiguous acronyms are declared ``exact_case`` in the pack.
"""

from __future__ import annotations

from collections.abc import Iterable

from jaganetral.detect.model import Evidence
from jaganetral.detect.phrases import PhraseIndex
from jaganetral.detect.recognizers.base import Context, FieldDoc, Recognizer, spans, term_entry
from jaganetral.knowledge.base import KnowledgeBase
from jaganetral.knowledge.schema import Term

# Words that, right before a party, declare membership or office ("kader PDIP", "ketua DPC Gerindra").
MEMBERSHIP = frozenset({"kader", "pengurus", "anggota", "ketua", "sekretaris", "bendahara", "fungsionaris",
                        "simpatisan", "caleg", "dpc", "dpd", "dpw", "dpp", "kta"})
# Membership is a fact about the account holder only in a profile or in the first person.
FIRST_PERSON = frozenset({"saya", "kami", "sebagai", "aku"})
MEMBERSHIP_WORDS = ("kader", "pengurus", "anggota", "ketua", "sekretaris", "bendahara", "fungsionaris",
                    "simpatisan", "caleg", "dpc", "dpd", "dpw", "dpp", "kta")


class PartyRecognizer(Recognizer):
    name = "party"
    ANCHORS = True

    def _terms(self, kb: KnowledgeBase) -> Iterable[tuple[str, str, Term]]:
        for c in kb.contests.values():
            for k in c.contestants:
                if k.kind != "party" or not k.party:
                    continue
                yield k.party, "name", Term(text=k.label)
                for t in (*k.names, *k.acronyms):
                    yield k.party, "name", t
                for t in (*k.slogans, *k.hashtags):
                    yield k.party, "slogan", t

    def register(self, index: PhraseIndex, kb: KnowledgeBase) -> None:
        for party, category, term in self._terms(kb):
            index.add(term.text, term_entry(index, self.name, category, party, term))

    def vocabulary(self, kb: KnowledgeBase) -> Iterable[str]:
        yield from (t.text for _, _, t in self._terms(kb))
        yield from MEMBERSHIP_WORDS

    def analyze(self, doc: FieldDoc, ctx: Context, found: list[Evidence]) -> list[Evidence]:
        norms = doc.norm.norms
        out: list[Evidence] = []
        for match, entries in spans(doc.of(self.name)):
            parties = sorted({e.value for e in entries})
            if len(parties) != 1:
                continue
            target = (f"party:{parties[0]}",)
            if any(e.category == "slogan" for e in entries):
                out.append(self.evidence(doc, match, "slogan", 0.7, "support", target, "slogan/tagar partai"))
                continue
            before = norms[max(0, match.i - 2) : match.i]
            own = ctx.activity.kind == "profile" or any(w in FIRST_PERSON for w in norms[max(0, match.i - 5) : match.i])
            if own and any(w in MEMBERSHIP for w in before):
                out.append(self.evidence(doc, match, "membership", 0.6, "support", target,
                                         "pernyataan keanggotaan/kepengurusan partai"))
            else:
                out.append(self.evidence(doc, match, "party", 0.0, None, target, "nama partai politik"))
        return out
