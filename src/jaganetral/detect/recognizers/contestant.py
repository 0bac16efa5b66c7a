"""Mentions of a contestant: names, nicknames, pair names, acronyms, teams, volunteer groups, accounts."""

from __future__ import annotations

from collections.abc import Iterable

from jaganetral.detect.model import Evidence
from jaganetral.detect.phrases import Entry, PhraseIndex
from jaganetral.detect.recognizers.base import Context, FieldDoc, Recognizer, spans, term_entry
from jaganetral.knowledge.base import ContestantRef, KnowledgeBase
from jaganetral.knowledge.schema import Term

# A mention names who is talked about; it takes no side by itself. Campaign jargon (a pair's
# acronym) and campaign organisations (teams, volunteer groups) lean towards support.
WEIGHTS = {
    "alias": (0.0, None),
    "incumbent": (0.0, None),
    "pair_name": (0.15, "support"),
    "acronym": (0.35, "support"),
    "team": (0.4, "support"),
    "volunteer": (0.55, "support"),
    "account": (0.0, None),
    "blank_column": (0.0, None),
}
NOTES = {
    "alias": "nama kontestan",
    "incumbent": "nama kontestan petahana",
    "pair_name": "nama pasangan calon",
    "acronym": "singkatan pasangan calon",
    "team": "tim kampanye/pemenangan",
    "volunteer": "kelompok relawan",
    "account": "akun kontestan",
    "blank_column": "kolom kosong (melawan pasangan tunggal)",
}
HASHTAG_PAIR = 0.6
HASHTAG_NAME = 0.35
# Words next to an acronym that show it is a prayer ("amin ya Allah"), not a pair.
PRAYER = frozenset({"allah", "aamiin", "amiin", "aamin", "semoga", "insyaallah", "doa", "alamin", "robbal", "rabbal"})


def _entry(owner: str, category: str, ref: ContestantRef, term: Term, index: PhraseIndex) -> Entry:
    avoid = PRAYER if category == "acronym" else frozenset()
    if ref.contestant.kind == "blank_column":
        category = "blank_column"
    return term_entry(index, owner, category, (ref.contest.id, ref.contestant.key), term, avoid)


class ContestantMentionRecognizer(Recognizer):
    name = "contestant_mention"
    ANCHORS = True

    def _terms(self, kb: KnowledgeBase) -> Iterable[tuple[str, ContestantRef, Term]]:
        for ref in kb.refs():
            c = ref.contestant
            if c.kind == "party":
                continue
            for p in c.persons:
                category = "incumbent" if p.incumbent else "alias"
                yield category, ref, Term(text=p.name)
                for a in p.aliases:
                    yield category, ref, a
            for cat, terms in (("pair_name", c.names), ("acronym", c.acronyms), ("team", c.teams),
                               ("volunteer", c.volunteer_groups)):
                for t in terms:
                    yield cat, ref, t
            for acc in c.accounts:
                yield "account", ref, Term(text="@" + acc.handle)

    def register(self, index: PhraseIndex, kb: KnowledgeBase) -> None:
        for cat, ref, term in self._terms(kb):
            index.add(term.text, _entry(self.name, cat, ref, term, index))

    def vocabulary(self, kb: KnowledgeBase) -> Iterable[str]:
        return (t.text for _, _, t in self._terms(kb))

    def analyze(self, doc: FieldDoc, ctx: Context, found: list[Evidence]) -> list[Evidence]:
        out: list[Evidence] = []
        shouting: bool | None = None  # computed only when a case-sensitive term matched
        for match, entries in spans(doc.of(self.name)):
            if shouting is None and not match.via_hashtag and any(e.exact is not None for e in entries):
                shouting = _mostly_upper(doc.norm.original)
            if shouting and not match.via_hashtag:
                entries = [e for e in entries if e.exact is None]
            contests = {e.value[0] for e in entries}
            chosen = set(ctx.resolver.pick(contests, ctx.when))
            targets = tuple(sorted({f"{cid}:{key}" for e in entries for cid, key in [e.value] if cid in chosen}))
            if not targets:
                continue
            entries = [e for e in entries if e.value[0] in chosen]
            if any(e.category == "blank_column" for e in entries):
                targets = targets + _single_pairs(ctx, targets)
            category = max((e.category for e in entries), key=lambda c: WEIGHTS[c][0])
            weight, stance = WEIGHTS[category]
            if match.via_hashtag and category != "account":
                # a hashtag built on a contestant's name ("#RismaGusHans", "#AniesPresiden") campaigns
                weight = HASHTAG_PAIR if category in ("pair_name", "acronym", "team", "volunteer") else HASHTAG_NAME
                note = "akun/grup bernama kontestan" if doc.field == "target_account" else "tagar berisi nama kontestan"
                out.append(self.evidence(doc, match, "name_hashtag", weight, "support", targets, note))
                continue
            out.append(self.evidence(doc, match, category, weight, stance, targets, NOTES[category]))  # type: ignore[arg-type]
        return out


def _single_pairs(ctx: Context, targets: tuple[str, ...]) -> tuple[str, ...]:
    """The pair that a blank column runs against, for each blank column named."""
    out: list[str] = []
    for t in targets:
        contest = ctx.resolver.kb.contests.get(t.rsplit(":", 1)[0])
        if contest and t.endswith(":kolom-kosong"):
            out += [f"{contest.id}:{k.key}" for k in contest.contestants if k.kind in ("pair", "candidate")]
    return tuple(x for x in out if x not in targets)


def _mostly_upper(text: str) -> bool:
    """ALL-CAPS text: the capitalisation of an acronym then tells nothing."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 12 and sum(ch.isupper() for ch in letters) / len(letters) >= 0.6
