"""The explanation in Bahasa Indonesia, rendered from the finding's data (never from log lines)."""

from __future__ import annotations

from collections.abc import Sequence

from jaganetral.detect.model import Evidence, FormRef
from jaganetral.knowledge.base import KnowledgeBase

KIND_WORDS = {
    "post": "unggahan",
    "comment": "komentar",
    "share": "membagikan konten",
    "like": "menyukai konten",
    "follow": "mengikuti akun",
    "group_join": "bergabung dengan grup",
    "photo": "unggahan foto",
    "profile": "profil akun",
}
FIELD_WORDS = {"text": "teks", "target_text": "konten yang ditanggapi", "target_account": "akun/grup tujuan"}
MAX_SPANS = 6


def target_label(kb: KnowledgeBase, target: str) -> str:
    """"pilpres2024:02 (nomor urut 2, Prabowo Subianto - Gibran Rakabuming Raka, Pemilihan …)"."""
    return kb.labels.get(target, target)


def _spans(evidence: Sequence[Evidence]) -> str:
    parts = []
    for e in evidence[:MAX_SPANS]:
        where = "" if e.field == "text" else f" pada {FIELD_WORDS.get(e.field, e.field)}"
        parts.append(f'{e.note} "{e.text}"{where}')
    more = len(evidence) - MAX_SPANS
    if more > 0:
        parts.append(f"dan {more} bukti lain")
    return "; ".join(parts)


def explain_flag(
    kb: KnowledgeBase,
    kind: str,
    stances: Sequence[tuple[str, str]],
    evidence: Sequence[Evidence],
    forms: Sequence[FormRef],
    stage: str,
    contest_name: str | None,
    date_known: bool,
) -> str:
    main = forms[0]
    sides = []
    for stance in ("support", "attack"):
        who = [t for t, s in stances if s == stance]
        if who:
            verb = "menyerang/berkampanye melawan" if stance == "attack" else "mendukung/mengkampanyekan"
            sides.append(f"{verb} {', '.join(target_label(kb, t) for t in who)}")
    blank = any(t.endswith(":kolom-kosong") for t, _ in stances)
    note = " (mendukung kolom kosong berarti berkampanye melawan pasangan tunggal)" if blank else ""
    out = [
        f"Diduga melanggar netralitas ASN ({main.code}): {KIND_WORDS.get(kind, kind)} ini {'; '.join(sides)}{note}.",
        f"Bukti: {_spans(evidence)}.",
    ]
    if date_known:
        when = f"{contest_name}: {stage}" if contest_name else stage
        out.append(f"Tahapan pada tanggal aktivitas: {when}.")
    else:
        of = f" {contest_name}" if contest_name else ""
        out.append(f"Tanggal aktivitas tidak diketahui, sehingga diasumsikan tahapan setelah penetapan calon{of}.")
    out.append(f"Bentuk pelanggaran {main.code} ({main.skb_item}): {main.text}.")
    out.append(f"Sanksi: {main.sanction} ({main.basis}).")
    if len(forms) > 1:
        others = "; ".join(f"{f.code} ({f.skb_item})" for f in forms[1:])
        out.append(f"Bentuk lain yang juga terpenuhi: {others}.")
    out.append("Ini temuan otomatis: pengawas wajib memverifikasi dan meminta klarifikasi sebelum tindakan apa pun.")
    return " ".join(out)


def explain_clear(kb: KnowledgeBase, mentioned: Sequence[str], neutral: Sequence[Evidence]) -> str:
    out = ["Tidak ditemukan indikasi kampanye untuk atau melawan peserta pemilu/pemilihan."]
    if mentioned:
        names = ", ".join(target_label(kb, t) for t in mentioned[:4])
        out.append(f"Menyebut {names}, tetapi tanpa dukungan atau serangan yang cukup kuat.")
    if neutral:
        out.append(f"Ditemukan bahasa netral/informasi: {_spans(neutral)}.")
    out.append("Informasi pemilu yang netral (misalnya ajakan menggunakan hak pilih) tidak dilarang bagi ASN.")
    return " ".join(out)


def explain_learned(p: float, cues: Sequence[str], version: str, flagged: bool) -> str:
    """The learned stage's word: its calibrated probability and the words that weighed most."""
    pct = f"{p * 100:.0f}".replace(".", ",")
    verdict = "cukup untuk ditandai" if flagged else "di bawah ambang penandaan"
    out = f"Penilaian model ({version}): peluang kampanye {pct}%, {verdict}."
    if cues and flagged:
        out += " Kata yang paling menguatkan: " + ", ".join(f'"{c}"' for c in cues) + "."
    return out
