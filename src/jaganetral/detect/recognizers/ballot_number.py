"""Ballot numbers in context ("nomor urut 2", "paslon 03", "coblos 01") and partisan hand signs.

A number names a contestant only with a cue to a contest: a contest word (capres, cagub, pilgub
jatim…), a contestant named in the same text, or an electoral word plus a date at which one
contest is being talked about. A bare number, or a number in an address, names no one.
"""

from __future__ import annotations

import re

from jaganetral.detect.model import Evidence
from jaganetral.detect.normalize import Token
from jaganetral.detect.phrases import Entry, PhraseIndex
from jaganetral.detect.recognizers.base import Context, FieldDoc, Recognizer, spans
from jaganetral.knowledge.base import KnowledgeBase

DIGIT = re.compile(r"[0-9]")
NUMBER_WORDS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "kesatu": 1, "kedua": 2, "ketiga": 3}
# Words right before a number that make it a ballot reference.
BALLOT_CUES = frozenset({
    "nomor", "urut", "paslon", "pasangan", "capres", "cawapres", "cagub", "cawagub", "cabup", "cawabup",
    "cawalkot", "calon", "kandidat", "coblos", "pilih", "pilihan", "dukung", "menangkan", "nomer",
    "nyoblos", "no", "salam", "paslonnya",
})
VERB_CUES = frozenset({"coblos", "pilih", "pilihan", "dukung", "menangkan", "nyoblos", "salam"})
# Electoral words anywhere in the text that let a date settle which contest a number means.
ELECTORAL = frozenset({
    "paslon", "capres", "cawapres", "cagub", "cawagub", "cabup", "cawabup", "cawalkot", "coblos",
    "pilih", "pilpres", "pilkada", "pilgub", "pilbup", "pemilu", "urut", "menang", "menangkan",
    "dukung", "kampanye", "tps", "suara", "putaran", "periode", "presiden", "gubernur", "bupati", "salam",
    "jari", "lanjutkan", "perubahan", "debat", "timses", "relawan",
})
# Words before "nomor N" that make it an address, a phone, a room or an article of law.
NOT_BALLOT = frozenset({
    "jl", "jln", "jalan", "gang", "gg", "rt", "rw", "blok", "kamar", "rumah", "lantai", "kav", "kavling",
    "kode", "pos", "hp", "telp", "telepon", "wa", "rekening", "rek", "antrian", "antrean", "meja", "loket",
    "ruang", "ruangan", "kelas", "pintu", "kursi", "halaman", "hal", "pasal", "ayat", "huruf", "lapangan",
    "punggung", "perkara", "putusan", "sk", "keputusan", "peraturan", "undang", "uu", "pp", "perpres",
    "permen", "perda", "surat", "tahun", "nim", "nip", "nik", "kk", "seri", "plat", "nopol", "gedung",
    "lot", "tiket", "urutan", "peringkat", "rangking", "ranking", "juara", "bus", "kereta", "tol",
})
PARTY_CUES = frozenset({"partai", "parpol", "caleg", "pileg", "dpr", "dprd"})
ZERO_PADDED = frozenset({"01", "02", "03", "04", "05"})


def _value(tok: Token) -> int | None:
    if tok.kind == "num" and len(tok.norm) <= 2:
        return int(tok.norm)
    return NUMBER_WORDS.get(tok.norm)


class BallotNumberRecognizer(Recognizer):
    name = "ballot_number"
    ANCHORS = True

    def register(self, index: PhraseIndex, kb: KnowledgeBase) -> None:
        for c in kb.contests.values():
            for cue in c.cues:
                index.add(cue.text, Entry(self.name, "cue", c.id))
            for alias in c.region_aliases:  # "jatim", "bangka selatan": a region ties a number to its races
                index.add(alias, Entry(self.name, "cue", c.id))
            for k in c.contestants:
                for sign in k.hand_signs:
                    for emoji in sign.emoji:
                        index.add(emoji.replace("\ufe0f", ""), Entry(self.name, "sign", (c.id, k.key, sign.name)))
                    for w in sign.words:
                        index.add(w.text, Entry(self.name, "sign", (c.id, k.key, sign.name)))

    def vocabulary(self, kb: KnowledgeBase) -> list[str]:
        words = [cue.text for c in kb.contests.values() for cue in c.cues]
        return words + sorted(BALLOT_CUES | ELECTORAL | set(NUMBER_WORDS))

    def analyze(self, doc: FieldDoc, ctx: Context, found: list[Evidence]) -> list[Evidence]:
        out = self._numbers(doc, ctx, found) if _has_number(doc) else []
        signs = [m for m in doc.of(self.name) if m.entry.category == "sign"]
        if not signs:
            return out
        named = {t.rsplit(":", 1)[0] for e in found for t in e.targets if not t.startswith("party:")}
        for match, entries in spans(signs):
            contests = {e.value[0] for e in entries}
            chosen = set(ctx.resolver.pick(contests, ctx.when))
            found_t = {e.value[1] if e.value[1].startswith("party:") else f"{e.value[0]}:{e.value[1]}"
                       for e in entries if e.value[0] in chosen}
            pairs = {t for t in found_t if not t.startswith("party:")}
            targets = tuple(sorted(pairs or found_t))  # a hand sign is first of all a pair's number
            if len(targets) == 1 or (targets and named & {t.rsplit(":", 1)[0] for t in targets}):
                if len(targets) > 1:
                    targets = tuple(t for t in targets if t.rsplit(":", 1)[0] in named)
                out.append(self.evidence(doc, match, "sign", 0.3, "support", targets, "simbol/gestur keberpihakan"))
        return out

    def _numbers(self, doc: FieldDoc, ctx: Context, found: list[Evidence]) -> list[Evidence]:
        tokens = doc.norm.tokens
        norms = doc.norm.norms
        cue_sets = [{e.value for e in entries} for _, entries in spans(
            [m for m in doc.of(self.name) if m.entry.category == "cue"])]
        cue_contests = _most_specific(cue_sets)
        named = {t.rsplit(":", 1)[0] for e in found for t in e.targets if not t.startswith("party:")}
        electoral = not ELECTORAL.isdisjoint(norms) or bool(cue_contests) or bool(named)
        if not electoral:
            return []
        party_context = not PARTY_CUES.isdisjoint(norms)
        out: list[Evidence] = []
        for i, tok in enumerate(tokens):
            if tok.kind != "num" and tok.norm not in NUMBER_WORDS:
                continue
            value = _value(tok)
            if value is None or value == 0:
                continue
            prev = norms[i - 1] if i else ""
            cued = prev in BALLOT_CUES or (tok.norm in ZERO_PADDED and tok.kind == "num")
            if tok.kind != "num" and prev not in {"nomor", "urut", "paslon", "no"}:
                continue  # number words count only right after "nomor"/"paslon"
            if not cued or _not_ballot(norms, i) or _clock_or_date(doc, i):
                continue
            targets = self._resolve(ctx, value, cue_contests, named, party_context)
            if not targets:
                continue
            # "nomor urut 2" is one reference; in "coblos 2" the verb is a call to vote of its own
            start = tokens[i - 1].start if prev in BALLOT_CUES and prev not in VERB_CUES else tok.start
            out.append(Evidence(doc.field, start, tok.end, doc.norm.original[start : tok.end], self.name, "number",
                                0.3, "support", targets, "nomor urut", i))
        return out

    def _resolve(self, ctx: Context, value: int, cues: set[str], named: set[str], party: bool) -> tuple[str, ...]:
        kb = ctx.resolver.kb
        key = f"{value:02d}"

        def having(ids: set[str] | list[str]) -> list[str]:
            return [c for c in ids if any(k.number == value and k.kind != "party" for k in kb.contests[c].contestants)]

        for pool in (cues, named):
            hit = having(pool)
            if hit:
                chosen = ctx.resolver.pick(hit, ctx.when)
                if len(chosen) == 1:
                    return (f"{chosen[0]}:{key}",)
        if party:
            for cid in ctx.resolver.current(ctx.when, ("pileg",)):
                for k in kb.contests[cid].contestants:
                    if k.number == value and k.party:
                        return (f"party:{k.party}",)
            return ()
        current = having(ctx.resolver.current(ctx.when, ("pilpres", "pilgub", "pilbup", "pilwalkot")))
        if len(current) > 1:  # the deployment's own race settles a number no cue settles
            current = [c for c in current if c in ctx.resolver.home] or current
        if len(current) == 1:
            return (f"{current[0]}:{key}",)
        return ()


def _has_number(doc: FieldDoc) -> bool:
    """Any digit, or a number word right after a ballot word? (cheap, before walking tokens)"""
    return DIGIT.search(doc.norm.original) is not None or not NUMBER_WORDS.keys().isdisjoint(doc.norm.norms)


def _most_specific(cue_sets: list[set[str]]) -> set[str]:
    """Contests every cue agrees on ("cagub" + "jatim" → the Jatim races), else the narrowest cue."""
    if not cue_sets:
        return set()
    common = set.intersection(*cue_sets)
    return common or min(cue_sets, key=len)


def _not_ballot(norms: tuple[str, ...], i: int) -> bool:
    window = norms[max(0, i - 4) : i]
    return not NOT_BALLOT.isdisjoint(window)


def _clock_or_date(doc: FieldDoc, i: int) -> bool:
    """"02.30", "02/01/2024", "02-2024": digits glued to separators are times or dates."""
    tok = doc.norm.tokens[i]
    text = doc.norm.original
    before = text[tok.start - 1] if tok.start > 0 else " "
    after = text[tok.end] if tok.end < len(text) else " "
    glued_before = before in ".:/-" and tok.start > 1 and text[tok.start - 2].isdigit()
    glued_after = after in ".:/-" and tok.end + 1 < len(text) and text[tok.end + 1].isdigit()
    return glued_before or glued_after
