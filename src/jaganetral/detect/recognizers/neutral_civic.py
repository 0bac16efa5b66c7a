"""Neutral civic language: get-out-the-vote, peaceful elections, neutrality, the organisers.

"Ayo ke TPS" and "gunakan hak pilih" are allowed election information, not support.
"""

from __future__ import annotations

from jaganetral.detect.recognizers.cues import CueRecognizer


class NeutralCivicRecognizer(CueRecognizer):
    name = "neutral_civic"
    WEIGHTS = {
        "civic_strong": (0.6, "neutral", "ajakan netral/informasi pemilu"),
        "civic": (0.15, "neutral", "bahasa kepemiluan netral"),
        "balance": (0.6, "neutral", "menyebut semua pihak secara seimbang"),
        "question": (0.08, "neutral", "pertanyaan"),
    }
    TERMS = {
        "civic_strong": [
            "gunakan hak pilih", "gunakan hak pilihmu", "gunakan hak suara", "hak pilih", "hak suara",
            "jangan golput", "tolak golput", "anti golput", "golput", "pemilu damai", "pilkada damai",
            "pilpres damai", "pemilu jurdil", "jujur dan adil", "luber jurdil", "luber dan jurdil", "netralitas",
            "netral", "asn netral", "jaga netralitas", "sukseskan pemilu", "sukseskan pilkada", "ayo ke tps",
            "datang ke tps", "ke tps", "menuju tps", "partisipasi pemilih", "pemilih pemula", "daftar pemilih",
            "tolak politik uang", "politik uang", "money politic", "money politics", "anti hoaks", "hoaks",
            "hoax", "cek fakta", "siapapun pilihannya", "siapa pun pilihannya", "apapun pilihannya",
            "siapapun presidennya", "siapa pun presidennya", "beda pilihan", "perbedaan pilihan",
            "tetap bersaudara", "jaga persatuan", "persatuan", "jangan terpecah", "pesta demokrasi",
            "pengawasan", "pengawas", "sosialisasi", "tahapan", "bimtek",
            "surat suara", "rekapitulasi", "penghitungan suara", "pemungutan suara", "pilih sesuai hati nurani",
            "sesuai hati nurani", "hati nurani", "bijak memilih", "pemilih cerdas", "cerdas memilih",
        ],
        "civic": [
            "kpu", "bawaslu", "panwaslu", "panwascam", "kpps", "pps", "dkpp", "dpt", "tps", "pemilu",
            "pilkada", "demokrasi", "pemilih", "logistik", "jadwal", "debat", "visi misi", "visi dan misi",
            "pendaftaran", "mendaftar", "penetapan", "pengundian", "pleno", "kotak suara", "bilik suara",
            "kampanye damai", "deklarasi kampanye damai",
            "kawal pemilu", "awasi pemilu", "pengumuman", "informasi", "edukasi", "literasi",
        ],
        "balance": [
            "semua paslon", "ketiga paslon", "ketiga capres", "seluruh paslon", "para capres", "para paslon",
            "semua kandidat", "semua calon", "masing masing paslon", "ketiga pasangan", "kedua paslon",
            "kedua pasangan", "kedua capres", "ketiga calon", "kedua calon", "semua capres", "tiga paslon",
            "tiga capres", "siapa saja", "siapapun", "siapa pun", "semua pihak",
        ],
        "question": ["?", "apakah", "bagaimana", "kenapa", "mengapa", "siapa"],
    }
