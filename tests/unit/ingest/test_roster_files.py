"""Roster files that cannot be read at all.

Every name, NIP, number and account here is invented for the tests; none belongs to a real person.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from test_roster import TODAY

from jaganetral.ingest.roster import RosterError, read_roster

# --- Unreadable files ----------------------------------------------------------------------------------


def _zip_without_workbook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("catatan.txt", "bukan buku kerja")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("roster.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "berkas Excel lama (.xls) atau terlindungi"),
        ("roster.xlsx", b"PK\x03\x04 rusak", "berkas Excel rusak atau tidak dapat dibaca"),
        ("roster.xlsx", b"NIP,Nama,OPD\n", "bukan berkas Excel .xlsx yang utuh"),
        ("roster.pdf", b"%PDF-1.7\n", "format berkas .pdf tidak didukung: gunakan .xlsx atau .csv"),
        ("roster.csv", b"", "berkas roster.csv kosong"),
        ("roster.csv", b"\n\n;;;\n", "berkas tidak berisi data"),
        ("roster.csv", b"NIP,Nama,OPD\n\0\0\0\n", "baris 2 berisi karakter NUL"),
        ("roster.txt", "NIP\tNama\tOPD\n".encode("utf-16"), "tersimpan sebagai UTF-16"),
        ("roster.csv", b'NIP,Nama,OPD\n"a"b,c,d\n', "CSV rusak pada baris 2"),
        ("roster.csv", b'NIP,Nama,OPD\n1,2,3\n"tanpa penutup,c,d\n', "CSV rusak pada baris 3"),
        ("roster.csv", b"NIP,Nama,OPD\n\x81\x8d\x8f\n", "baris 2 bukan teks UTF-8"),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RosterError, match=re.escape(message)):
        read_roster(path, TODAY)


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    _zip_without_workbook(path)
    with pytest.raises(RosterError, match="berkas Excel rusak atau tidak dapat dibaca"):
        read_roster(path, TODAY)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RosterError, match="tidak dapat dibuka"):
        read_roster(tmp_path / "tidak-ada.xlsx", TODAY)
