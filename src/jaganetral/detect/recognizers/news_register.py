"""The register of news and reporting: attribution verbs, outlets, surveys, headline style.

Reporting that a candidate said or did something is information, not campaigning, unless the
same text adds a campaign cue of its own.
"""

from __future__ import annotations

import re

from jaganetral.detect.model import Evidence
from jaganetral.detect.recognizers.base import Context, FieldDoc
from jaganetral.detect.recognizers.cues import CueRecognizer

# "Jumat (1/11/2024)", "(22/9)": a dateline is a reporter's habit.
DATELINE = re.compile(r"\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)")
PERSONAL = frozenset({"saya", "kita", "kami", "kamu", "ayo", "!", "yuk", "mari", "dong", "sih", "deh", "nih",
                      "banget", "haha"})


class NewsRegisterRecognizer(CueRecognizer):
    name = "news_register"
    WEIGHTS = {
        "attribution": (0.35, "neutral", "bahasa pemberitaan"),
        "outlet": (0.4, "neutral", "sumber berita"),
        "survey": (0.3, "neutral", "survei/hitung cepat"),
        "title": (0.25, "neutral", "sebutan jabatan/status resmi"),
        "dateline": (0.4, "neutral", "tanggal gaya berita"),
        "headline": (0.25, "neutral", "gaya judul berita"),
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
        "title": [
            "calon presiden", "calon wakil presiden", "calon gubernur", "calon wakil gubernur", "calon bupati",
            "calon wali kota", "calon walikota", "bakal calon", "bakal calon presiden", "bacapres", "bacawapres",
            "mantan menteri", "menteri", "mantan gubernur", "ketua umum partai", "ketum", "wasekjen",
            "politikus", "politisi", "anggota dpr", "wakil ketua", "petahana",
        ],
        "survey": [
            "survei", "survey", "hasil survei", "elektabilitas", "quick count", "hitung cepat", "real count",
            "exit poll", "lembaga survei", "responden", "margin of error", "persen", "unggul", "teratas",
        ],
    }

    def analyze(self, doc: FieldDoc, ctx: Context, found: list[Evidence]) -> list[Evidence]:
        out = super().analyze(doc, ctx, found)
        tokens = doc.norm.tokens
        m = DATELINE.search(doc.norm.original)
        if m:
            out.append(Evidence(doc.field, m.start(), m.end(), m.group(), self.name, "dateline",
                                self.WEIGHTS["dateline"][0], "neutral", (), self.WEIGHTS["dateline"][2], 0))
        words = [t for t in tokens if t.kind == "word" and not t.in_hashtag]
        if len(words) >= 6 and PERSONAL.isdisjoint(doc.norm.norms):
            capital = sum([t.raw[:1].isupper() for t in words])
            if capital / len(words) >= 0.6:
                text = doc.norm.original
                start, end = words[0].start, words[-1].end
                out.append(Evidence(doc.field, start, end, text[start:end], self.name, "headline",
                                    self.WEIGHTS["headline"][0], "neutral", (), self.WEIGHTS["headline"][2], 0))
        return out
