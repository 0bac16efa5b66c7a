"""The register of news and reporting: attribution verbs, outlets, surveys, headline style.

Reporting that a candidate said or did something is information, not campaigning, unless the
same text adds a campaign cue of its own.
"""

from __future__ import annotations

from jaganetral.detect.model import Evidence
from jaganetral.detect.recognizers.base import Context, FieldDoc
from jaganetral.detect.recognizers.cues import CueRecognizer

PERSONAL = frozenset({"saya", "kita", "kami", "kamu", "ayo", "!", "yuk", "mari", "dong", "sih", "deh", "nih",
                      "banget", "haha"})


class NewsRegisterRecognizer(CueRecognizer):
    name = "news_register"
    WEIGHTS = {
        "attribution": (0.35, "neutral", "bahasa pemberitaan"),
        "outlet": (0.4, "neutral", "sumber berita"),
        "survey": (0.45, "neutral", "survei/hitung cepat"),
        "headline": (0.35, "neutral", "gaya judul berita"),
    }
    TERMS = {
        "attribution": [
            "menurut", "ujar", "ujarnya", "kata dia", "katanya kepada", "mengatakan", "menyatakan", "menyampaikan",
            "menjelaskan", "menegaskan", "mengungkapkan", "menuturkan", "dilansir", "melansir", "dikutip",
            "dikutip dari", "dilaporkan", "melaporkan", "berita", "breaking news", "konferensi pers",
            "siaran pers", "rilis", "pengamat", "analis", "juru bicara", "jubir", "sekjen", "ketua umum",
            "wartawan", "awak media", "kepada wartawan", "di jakarta", "jakarta antara", "wib", "pukul",
            "resmi mendaftar", "mendaftarkan diri", "kpu menetapkan", "ditetapkan", "mendapat nomor urut",
            "mendapatkan nomor urut", "bertemu", "bertemu dengan", "pertemuan", "menghadiri", "hadir dalam",
            "terkait", "soal", "tanggapi", "menanggapi", "respons", "merespons", "buka suara", "angkat bicara",
        ],
        "outlet": [
            "antara", "kompas", "detik", "detikcom", "tempo", "liputan6", "cnn indonesia", "cnnindonesia",
            "tribun", "tribunnews", "kumparan", "okezone", "metro tv", "metrotv", "tvone", "kompas tv",
            "republika", "sindonews", "merdeka com", "idn times", "suara com", "viva", "jpnn", "inews",
        ],
        "survey": [
            "survei", "survey", "hasil survei", "elektabilitas", "quick count", "hitung cepat", "real count",
            "exit poll", "lembaga survei", "responden", "margin of error", "persen", "unggul", "teratas",
        ],
    }

    def analyze(self, doc: FieldDoc, ctx: Context, found: list[Evidence]) -> list[Evidence]:
        out = super().analyze(doc, ctx, found)
        tokens = doc.norm.tokens
        words = [t for t in tokens if t.kind == "word" and not t.in_hashtag]
        if len(words) >= 6 and not any(t.norm in PERSONAL for t in tokens):
            capital = sum(1 for t in words if t.raw[:1].isupper())
            if capital / len(words) >= 0.6:
                text = doc.norm.original
                start, end = words[0].start, words[-1].end
                out.append(Evidence(doc.field, start, end, text[start:end], self.name, "headline",
                                    self.WEIGHTS["headline"][0], "neutral", (), self.WEIGHTS["headline"][2], 0))
        return out
