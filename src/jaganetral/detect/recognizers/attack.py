"""Attack and derision aimed at a contestant ("planga plongo", "pembohong", "dinasti", 🤮)."""

from __future__ import annotations

from jaganetral.detect.recognizers.cues import CueRecognizer


class AttackRecognizer(CueRecognizer):
    name = "attack"
    WEIGHTS = {
        "insult": (0.55, "attack", "hinaan/ejekan"),
        "accuse": (0.4, "attack", "tuduhan/serangan"),
        "emoji": (0.25, "attack", "emoji ejekan"),
    }
    TERMS = {
        "insult": [
            "bodoh", "goblok", "goblog", "tolol", "dungu", "bego", "idiot", "planga plongo", "plonga plongo",
            "pembohong", "pendusta", "penipu", "munafik", "antek", "antek asing", "antek aseng", "boneka",
            "petugas partai", "anak haram", "pecundang", "pengecut", "bajingan", "brengsek", "bangsat",
            "kadrun", "ndasmu", "gemblung", "sinting", "gila", "otak udang",
            "tidak becus", "omdo", "omong doang", "haus kekuasaan", "haus jabatan", "gila jabatan",
            "gila kekuasaan", "pelanggar ham", "penculik", "culik", "anak ingusan", "bocil", "anak kemarin sore",
            "karbitan", "asal bapak senang", "plin plan", "mencla mencle", "mencla", "memalukan", "menjijikkan",
            "lebay", "sok suci", "sok pintar", "sok", "ngibul", "ngeles", "nyinyir", "kardus", "badut",
            "penjilat", "songong", "tengil", "ingusan", "bocah ingusan", "iq jongkok", "cacat otak", "kacung",
            "jongos", "pembual", "tukang bohong", "tukang ngibul", "pengkhianat", "berkhianat", "rakus",
            "serakah", "maling", "rampok", "perampok", "bebal", "pandir", "koplak", "blo on", "o on",
            "liar", "stupid", "incompetent", "tone deaf", "clown", "corrupt", "fraud",
        ],
        "accuse": [
            "bohong", "dusta", "curang", "kecurangan", "korup", "koruptor", "korupsi", "dinasti",
            "politik dinasti", "nepotisme", "kkn", "pencitraan", "gagal", "kegagalan", "hancur", "menghancurkan",
            "rusak", "merusak", "ancaman", "bahaya", "berbahaya", "janji palsu", "janji manis", "ingkar janji",
            "pelanggaran etik", "langgar etik", "cacat", "cacat moral", "cacat hukum", "tidak jujur",
            "tidak tegas", "tidak konsisten", "blunder", "gagap", "grogi", "ngawur", "kacau",
            "intoleran", "radikal", "politik identitas", "buzzer", "mengadu domba", "pemecah belah",
            "takut", "kabur", "mangkrak", "utang", "hutang", "kalah", "kekalahan", "dipermalukan", "malu",
            "omong kosong", "gimik", "gimmick", "playing victim", "baper", "baperan", "ngamuk", "marah marah",
            "emosian", "temperamental", "keliru", "tidak siap", "kurang persiapan", "ambisi", "ambisius",
            "skandal", "khianat", "otoriter", "diktator", "nepotis", "zonk", "mangkir", "gagal paham",
            "menyengsarakan", "sengsara", "menipu", "membohongi", "dibohongi", "bohongi", "pelanggaran",
        ],
        "emoji": ["❌", "🤮", "🤡", "💩", "🤢", "🙄", "🖕", "👎", "😒", "🤬", "😡"],
    }
