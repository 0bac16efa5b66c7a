"""NIP (Nomor Induk Pegawai) of a PNS and NI PPPK: 18 digits, checked for plausibility.

PNS:  YYYYMMDD (birth) + YYYYMM (TMT CPNS) + sex (1 male, 2 female) + serial 001..999.
PPPK: YYYYMMDD (birth) + YYYY (appointment) + "21" in place of the month + sex + serial.

Spaces and dots in the input are dropped ("19870312 201001 1 001"); anything else is refused.
Nothing here reads the clock: the caller passes ``today``. Messages are in Bahasa Indonesia.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

NipKind = Literal["PNS", "PPPK"]
Sex = Literal["L", "P"]
Status = Literal["PNS", "PPPK", "honorer"]

PPPK_MONTH = 21
FIRST_APPOINTMENT_YEAR = 1950
MIN_AGE, MAX_AGE = 18, 60
_DIGITS = frozenset("0123456789")
# What Excel shows or saves for a long number: "1.98703E+17", "1,98703E+17" (Indonesian locale).
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d*)?[eE][+-]?\d+$")


class InvalidNip(ValueError):
    """The text is not a plausible NIP; the message (Bahasa Indonesia) says why."""


@dataclass(frozen=True, slots=True)
class Nip:
    """A parsed, plausible NIP. ``appointment_month`` is None for a NI PPPK (its month field is "21")."""

    value: str  # the 18 digits
    birth_date: dt.date
    appointment_year: int
    appointment_month: int | None
    sex: Sex
    kind: NipKind

    @property
    def formatted(self) -> str:
        """The usual way of writing it: "19870312 201001 1 001"."""
        v = self.value
        return f"{v[:8]} {v[8:14]} {v[14]} {v[15:]}"


def _digits(text: str) -> str:
    stripped = text.strip()
    if not stripped:
        raise InvalidNip("NIP kosong")
    if _SCIENTIFIC.match(stripped):
        raise InvalidNip(
            f"NIP tertulis dalam notasi ilmiah ({stripped}): Excel sudah menghilangkan digitnya; "
            "format kolom NIP sebagai Teks lalu isi ulang NIP lengkap"
        )
    for ch in stripped:
        if ch not in _DIGITS and ch != "." and not ch.isspace():
            raise InvalidNip(f"NIP mengandung karakter {ch!r}: hanya angka, spasi, dan titik yang boleh")
    digits = "".join(ch for ch in stripped if ch in _DIGITS)
    if len(digits) != 18:
        raise InvalidNip(f"NIP harus 18 digit, ditemukan {len(digits)}")
    return digits


def parse_nip(text: str, today: dt.date) -> Nip:
    """The NIP in ``text``, or InvalidNip saying precisely what is wrong."""
    v = _digits(text)
    try:
        birth = dt.date(int(v[:4]), int(v[4:6]), int(v[6:8]))
    except ValueError:
        raise InvalidNip(f"tanggal lahir {v[:8]} tidak valid") from None
    latest_birth_year = today.year - MIN_AGE
    if birth.year > latest_birth_year:
        raise InvalidNip(f"tahun lahir {birth.year} tidak masuk akal: ASN paling muda lahir tahun {latest_birth_year}")
    if v[14] not in "12":
        raise InvalidNip(f"kode jenis kelamin {v[14]} bukan 1 atau 2")
    if v[15:] == "000":
        raise InvalidNip("nomor urut 000 tidak valid (harus 001 sampai 999)")
    year, month = int(v[8:12]), int(v[12:14])
    kind: NipKind
    if month == PPPK_MONTH:
        kind = "PPPK"
    elif 1 <= month <= 12:
        kind = "PNS"
    else:
        raise InvalidNip(f"bulan pengangkatan {v[12:14]} tidak valid: 01 sampai 12 untuk PNS, 21 untuk PPPK")
    if not FIRST_APPOINTMENT_YEAR <= year <= today.year:
        raise InvalidNip(f"tahun pengangkatan {year} di luar rentang {FIRST_APPOINTMENT_YEAR}–{today.year}")
    if kind == "PNS":
        months = (year * 12 + month) - (birth.year * 12 + birth.month)
        if months < 0:
            raise InvalidNip(f"TMT CPNS {v[8:14]} sebelum tanggal lahir {v[:8]}: tidak masuk akal")
        age = months // 12
    else:
        if year < birth.year:
            raise InvalidNip(f"tahun pengangkatan {year} sebelum tahun lahir {birth.year}: tidak masuk akal")
        age = year - birth.year
    if not MIN_AGE <= age <= MAX_AGE:
        raise InvalidNip(f"diangkat pada umur {age} tahun: tidak masuk akal")
    return Nip(
        value=v,
        birth_date=birth,
        appointment_year=year,
        appointment_month=None if kind == "PPPK" else month,
        sex="L" if v[14] == "1" else "P",
        kind=kind,
    )


def check_status(nip: Nip | None, status: Status) -> None:
    """InvalidNip when the NIP does not fit the status: PNS needs a PNS NIP, PPPK a NI PPPK, honorer none."""
    if status == "honorer":
        if nip is not None:
            raise InvalidNip(
                "tenaga honorer tidak memiliki NIP; jika sudah diangkat, ubah statusnya menjadi PNS atau PPPK"
            )
        return
    if status not in ("PNS", "PPPK"):
        raise ValueError(f"status tidak dikenal: {status!r}")
    if nip is None:
        raise InvalidNip(f"NIP wajib diisi untuk {status}")
    if status == "PNS" and nip.kind == "PPPK":
        raise InvalidNip("NIP ini berbentuk NI PPPK (bulan pengangkatan 21), bukan NIP PNS")
    if status == "PPPK" and nip.kind == "PNS":
        raise InvalidNip(
            f"NIP ini berbentuk NIP PNS (bulan pengangkatan {nip.value[12:14]}), bukan NI PPPK (bulan 21)"
        )
