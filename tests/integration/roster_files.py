"""Rosters written for the registry tests. Every name, NIP, number and account is invented."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from sqlalchemy import select

from jaganetral.service.store import Store
from jaganetral.store.tables import accounts, agencies, employees, relatives

TODAY = dt.date(2026, 5, 1)
NIP_A = "198703122010011001"  # PNS
NIP_B = "199005152024212003"  # PPPK
NIP_C = "198511202009012002"  # PNS
NIP_D = "199201012015031004"  # PNS
HEADER = ["NIP", "Nama", "Status", "Nomor Pegawai", "Jabatan", "Unit Kerja", "Kode OPD", "Instagram", "WhatsApp",
          "Kerabat Calon"]
NAMES = ("Budi Contoh", "Sari Contoh", "Citra Contoh", "Rina Contoh", "Dodi Contoh")


def person(nip: str | None, name: str, status: str = "", number: str = "", position: str = "Staf",
           agency: str = "Dinas Kominfo Contoh", code: str = "", instagram: str = "", whatsapp: str = "",
           relatives: str = "") -> list[Any]:
    """One roster row in ``HEADER`` order."""
    return [nip or "", name, status, number, position, agency, code, instagram, whatsapp, relatives]


def standard_rows() -> list[list[Any]]:
    """Four valid rows: two PNS, a PPPK and a honorer, over two agencies, with 4 accounts and 3 relatives."""
    return [
        person(NIP_A, "Budi Contoh", "PNS", position="Analis Kebijakan", code="1.02", instagram="@budi.contoh",
               whatsapp="0812 3456 7890", relatives="Ahmad Contoh (kakak kandung); Siti Contoh (ipar)"),
        person(NIP_B, "Sari Contoh", "PPPK", position="Guru", agency="Dinas Pendidikan Contoh", code="1.01",
               instagram="https://www.instagram.com/sari_contoh/", relatives="Joko Contoh (paman)"),
        person(NIP_C, "Citra Contoh", "PNS", number="P-0003", position="Pranata Komputer"),
        person(None, "Rina Contoh", "Honorer", number="H-0007", position="Sopir", instagram="rina.c"),
    ]


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], header: Sequence[str] = HEADER) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Pegawai"
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[Any]], header: Sequence[str] = HEADER) -> Path:
    """A semicolon CSV as Excel saves it in an Indonesian locale (cells holding ";" quoted)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def snapshot(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every row of the registry tables, in id order."""
    with store.transaction() as conn:
        return {t.name: [dict(r) for r in conn.execute(select(t).order_by(t.c.id)).mappings()]
                for t in (agencies, employees, accounts, relatives)}
