"""What a roster's columns and cells mean: header aliases, employment statuses, declared relatives.

Headers are matched ignoring case, accents, spaces and punctuation, with Indonesian and English aliases;
an account column may also be written "Akun Instagram", "Link TikTok", "Instagram URL". Messages are in
Bahasa Indonesia.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from jaganetral.ingest.account_urls import PLATFORMS, is_blank
from jaganetral.ingest.nip import Status

# field -> aliases (normalised: lower case, letters and digits only), the preferred one first
ALIASES: dict[str, tuple[str, ...]] = {
    "nip": ("nip", "nipnipppk", "nipppk", "nipbaru", "nipasn", "nomorindukpegawai"),
    "name": ("nama", "name", "namalengkap", "namapegawai", "namaasn", "fullname", "employeename"),
    "status": ("status", "statuspegawai", "statuskepegawaian", "statusasn", "jenispegawai", "jenisasn",
               "employmentstatus"),
    "employee_number": ("nomorpegawai", "nopegawai", "nopeg", "nomorhonorer", "employeenumber", "employeeno",
                        "employeeid", "idpegawai"),
    "position": ("jabatan", "namajabatan", "position", "jobtitle"),
    "agency_name": ("opd", "namaopd", "unitkerja", "perangkatdaerah", "skpd", "satuankerja", "satker", "instansi",
                    "agency", "agencyname"),
    "agency_code": ("kodeopd", "kodeunitkerja", "kodeskpd", "kodesatker", "kodeinstansi", "agencycode"),
    "facebook": ("facebook", "fb"),
    "instagram": ("instagram", "ig"),
    "x": ("x", "twitter", "xtwitter", "twitterx"),
    "tiktok": ("tiktok",),
    "whatsapp": ("whatsapp", "wa", "nomorwa", "nowa", "nomorwhatsapp", "nowhatsapp", "nohpwa", "nomorhpwa"),
    "telegram": ("telegram",),
    "relatives": ("kerabatcalon", "kerabatyangmenjadicalon", "keluargacalon", "kerabat", "relatives",
                  "candidaterelatives"),
}
LABELS = {"nip": "NIP", "name": "Nama", "status": "Status", "employee_number": "Nomor Pegawai",
          "position": "Jabatan", "agency_name": "OPD/Unit Kerja", "agency_code": "Kode OPD", "facebook": "Facebook",
          "instagram": "Instagram", "x": "X/Twitter", "tiktok": "TikTok", "whatsapp": "WhatsApp",
          "telegram": "Telegram", "relatives": "Kerabat Calon"}
_ACCOUNT_AFFIXES = ("akun", "account", "link", "url", "alamat", "username", "handle", "id")
STATUS_ALIASES: dict[str, Status] = {
    **dict.fromkeys(("pns", "cpns", "asnpns", "calonpns", "pegawainegerisipil"), "PNS"),
    **dict.fromkeys(("pppk", "p3k", "asnpppk", "pppkparuhwaktu", "pppkpenuhwaktu"), "PPPK"),
    **dict.fromkeys(("honorer", "tenagahonorer", "ppnpn", "nonasn", "pegawainonasn", "tenaganonasn", "thl",
                     "tenagaharianlepas", "tkk", "tenagakerjakontrak"), "honorer"),
}
_RELATIVE = re.compile(r"^(?P<name>[^()]+?)\s*(?:\((?P<relation>[^()]*)\))?$")


@dataclass(frozen=True, slots=True)
class Relative:
    """A declared relative who runs for office: "Ahmad Yani (kakak kandung)"."""

    name: str
    relationship: str | None


def normalize_header(text: str) -> str:
    """ "NIP / NI PPPK" -> "nipnipppk": lower case, accents, spaces and punctuation dropped."""
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum())


def field_of(header: str) -> tuple[str, int] | None:
    """The field a header names and the alias rank (0 best), or None."""
    key = normalize_header(header)
    for field, aliases in ALIASES.items():
        if key in aliases:
            return field, aliases.index(key)
    for affix in _ACCOUNT_AFFIXES:  # "Akun Instagram", "Link TikTok", "Instagram URL"
        rest = key.removeprefix(affix) if key.startswith(affix) else key.removesuffix(affix)
        for platform in PLATFORMS:
            if rest != key and rest in ALIASES[platform]:
                return platform, len(ALIASES[platform])
    return None


def parse_status(text: str) -> Status:
    """PNS, PPPK or honorer from the usual spellings ("CPNS", "P3K", "PPNPN", "Non-ASN", …)."""
    status = STATUS_ALIASES.get(normalize_header(text))
    if status is None:
        raise ValueError(f"status {text.strip()!r} tidak dikenal: gunakan PNS, PPPK, atau honorer")
    return status


def parse_relatives(cell: str) -> tuple[Relative, ...]:
    """Relatives separated by ";" or new lines, each "Nama (hubungan)"; the relationship may be left out."""
    out = []
    for number, item in enumerate((i for i in re.split(r"[;\n\r]+", cell) if not is_blank(i)), 1):
        match = _RELATIVE.match(" ".join(item.split()))
        if match is None:
            raise ValueError(f"kerabat ke-{number} tidak berbentuk 'Nama (hubungan)'")
        out.append(Relative(match.group("name").strip(), (match.group("relation") or "").strip() or None))
    return tuple(out)
