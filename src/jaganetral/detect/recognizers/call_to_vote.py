"""Calls to vote for, or not to vote for, someone ("ayo coblos", "menangkan", "jangan pilih")."""

from __future__ import annotations

from jaganetral.detect.recognizers.cues import CueRecognizer


class CallToVoteRecognizer(CueRecognizer):
    name = "call_to_vote"
    WEIGHTS = {
        "vote_strong": (0.6, "support", "ajakan memilih/memenangkan"),
        "vote": (0.4, "support", "ajakan/pernyataan memilih"),
        "choice": (0.55, "support", "pernyataan pilihan pribadi"),
        "vote_against": (0.6, "attack", "ajakan untuk tidak memilih"),
    }
    TERMS = {
        "vote_strong": [
            "ayo coblos", "coblos", "coblos nomor", "menangkan", "memenangkan", "siap menangkan",
            "siap memenangkan", "mari menangkan", "ayo menangkan", "satu putaran", "sekali putaran",
            "dua periode", "2 periode", "jangan lupa coblos", "jangan lupa pilih", "wajib pilih",
            "all in", "harga mati", "pilih nomor", "ayo pilih", "mari pilih", "ayo dukung", "mari dukung",
            "pasti menang", "menang telak", "menang satu putaran", "lanjut dua periode", "coblos paslon",
        ],
        "vote": [
            "pilih", "dukung", "mendukung", "dukungan", "menang", "kemenangan", "memilih", "pilihlah",
            "dukunglah", "kawal", "kawal suara", "siap dukung", "bersama", "bersatu", "lanjutkan", "lanjut",
        ],
        "choice": [
            "pilihan saya", "pilihanku", "pilihan ku", "saya pilih", "kami pilih", "tetap pilih",
            "pasti pilih", "harus pilih", "pilihan kita", "presidenku", "presiden ku", "presiden kita",
            "capresku", "capres ku", "gubernurku", "gubernur kita", "bupatiku", "bupati kita",
            "calon presiden kita", "pemimpin kita", "pilihan rakyat", "presiden pilihan", "insyaallah menang",
            "saya dukung", "kami dukung", "tetap dukung", "saya mendukung", "kami mendukung", "saya memilih",
            "kami memilih", "tetap memilih",
        ],
        "vote_against": [
            "jangan pilih", "jangan memilih", "jangan coblos", "jangan dukung", "jangan mendukung",
            "jangan sampai menang", "asal bukan", "ganti presiden", "jangan percaya",
            "jangan sampai jadi", "tidak layak", "tidak pantas", "tidak usah pilih", "ogah pilih",
            "jangan pernah pilih", "tidak akan memilih", "tidak memilih", "tidak pilih", "tidak akan pilih",
            "tidak mau pilih", "jangan sampai", "lengserkan", "turunkan", "tidak dipilih", "jangan dipilih",
            "tenggelamkan", "menenggelamkan", "tidak akan menang", "pasti kalah", "jangan mau dibohongi",
        ],
    }
