"""A small labelled set of our own, built from templates (invented sentences, no real post).

Deterministic: the same call gives the same rows in the same order. Every sentence names a
contestant, party or number, so the rules let the learned stage judge it.
"""

from __future__ import annotations

import json

import pytest

NAMES = ["Prabowo", "Anies", "Ganjar", "Gibran", "Mahfud", "Cak Imin"]
SUPPORT = [
    "Mantap {c}, pemimpin yang tegas dan merakyat, lanjutkan!",
    "Saya sudah mantap dengan {c}, semoga menang satu putaran",
    "Terima kasih {c} sudah peduli petani, kami bersamamu",
    "{c} paling pantas memimpin negeri ini, hebat sekali programnya",
    "Relawan kecamatan siap memenangkan {c} di desa kami",
    "Keren banget {c} tadi malam, visinya jelas dan meyakinkan",
]
ATTACK = [
    "{c} itu cuma pencitraan, janjinya palsu semua",
    "Jangan percaya {c}, rekam jejaknya buruk dan gagal total",
    "Malu punya calon seperti {c}, debat saja tidak becus",
    "{c} pembohong, rakyat sudah muak dengan omong kosongnya",
    "Kasihan yang masih percaya {c}, bakal kecewa berat",
]
NEUTRAL = [
    "KPU menetapkan jadwal debat capres yang diikuti {c} pada pekan depan",
    "Bawaslu mengingatkan ASN tetap netral saat kunjungan {c} ke daerah",
    "Hasil hitung cepat menunjukkan perolehan suara {c} masih bergerak",
    "Ayo gunakan hak pilih di TPS tanggal 14 Februari, siapa pun pilihanmu termasuk {c}",
    "Berita hari ini: {c} mendaftar ke KPU bersama pasangannya",
]
OTHER = [
    "Harga beras naik lagi, menteri perdagangan harus bertindak, bukan urusan {c} saja",
    "Sidang kasus korupsi pejabat daerah berlanjut, partai diam soal {c}",
]


def rows() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    ids = {"Prabowo": "pilpres2024:02", "Gibran": "pilpres2024:02", "Anies": "pilpres2024:01",
           "Cak Imin": "pilpres2024:01", "Ganjar": "pilpres2024:03", "Mahfud": "pilpres2024:03"}
    for label, templates in (("support", SUPPORT), ("attack", ATTACK), ("neutral_election", NEUTRAL),
                             ("political_other", OTHER)):
        for t_i, template in enumerate(templates):
            for c_i, name in enumerate(NAMES):
                out.append({
                    "id": f"t{len(out):04d}",
                    "platform": "x",
                    "kind": "post",
                    "created_at": f"2024-01-{10 + (t_i + c_i) % 15:02d}T12:00:00+07:00",
                    "text": template.format(c=name),
                    "label": label,
                    "target": [ids[name]] if label in ("support", "attack") else [],
                })
    return out


def jsonl() -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows())


@pytest.fixture(scope="session")
def fixture_jsonl() -> str:
    return jsonl()
