"""Employee rosters (.xlsx and .csv): header aliases, CSV dialects, statuses, size; the helpers the other
roster tests use (test_roster_rows: rejected rows and Excel numbers, test_roster_values: accounts and
relatives, test_roster_files: unreadable files).

Every name, NIP, number and account here is invented for the tests; none belongs to a real person.
The .xlsx fixtures are written with openpyxl into tmp_path.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook  # type: ignore[import-untyped]

from jaganetral.ingest.account_urls import DeclaredAccount
from jaganetral.ingest.roster import (
    Relative,
    RosterError,
    RosterResult,
    field_of,
    parse_status,
    read_roster,
)

TODAY = dt.date(2026, 5, 1)
NIP_A = "198703122010011001"  # PNS, male
NIP_B = "199005152024212003"  # PPPK, female
NIP_C = "198511202009012002"  # PNS, female
HEADER = ["No", "NIP", "Nama", "Status", "Jabatan", "OPD"]


def nip_of(birth: str, appointed: str = "201001", sex: str = "1", serial: str = "001") -> str:
    return birth + appointed + sex + serial


def write_xlsx(tmp_path: Path, rows: Sequence[Sequence[Any]], name: str = "roster.xlsx",
               sheets: dict[str, Sequence[Sequence[Any]]] | None = None) -> Path:
    workbook = Workbook()
    first = workbook.active
    for index, (title, content) in enumerate((sheets or {"Pegawai": rows}).items()):
        sheet = first if index == 0 else workbook.create_sheet()
        sheet.title = title
        for row in content:
            sheet.append(list(row))
    path = tmp_path / name
    workbook.save(path)
    return path


def patch_xlsx(path: Path, replacements: dict[str, str]) -> Path:
    """Rewrite cell values in the sheet XML (to get what openpyxl would not write, e.g. an exact 18-digit number)."""
    with zipfile.ZipFile(path) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
    xml = members["xl/worksheets/sheet1.xml"].decode()
    for old, new in replacements.items():
        assert old in xml, old
        xml = xml.replace(old, new)
    members["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members.items():
            zf.writestr(member, data)
    return path


def write_csv(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def reasons(result: RosterResult) -> dict[int, str]:
    return {r.row_number: r.reason for r in result.rejected}


# --- Headers -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("NIP", "nip"), ("nip", "nip"), ("NIP/NI PPPK", "nip"), ("NIP / NI PPPK", "nip"), ("NI PPPK", "nip"),
        ("NIP Baru", "nip"), ("Nama", "name"), ("NAMA LENGKAP", "name"), ("Name", "name"), ("Nama Pegawai", "name"),
        ("Status", "status"), ("Status Kepegawaian", "status"), ("employment status", "status"),
        ("Nomor Pegawai", "employee_number"), ("No. Pegawai", "employee_number"),
        ("Employee Number", "employee_number"), ("Jabatan", "position"), ("Position", "position"),
        ("OPD", "agency_name"), ("Unit Kerja", "agency_name"), ("unit_kerja", "agency_name"),
        ("Instansi", "agency_name"), ("Agency", "agency_name"), ("Perangkat Daerah", "agency_name"),
        ("Kode OPD", "agency_code"), ("Agency Code", "agency_code"), ("Facebook", "facebook"), ("FB", "facebook"),
        ("Akun Facebook", "facebook"), ("Instagram", "instagram"), ("IG", "instagram"),
        ("Link Instagram", "instagram"), ("X", "x"), ("Twitter", "x"), ("X (Twitter)", "x"), ("X/Twitter", "x"),
        ("TikTok", "tiktok"), ("Tiktok URL", "tiktok"), ("WhatsApp", "whatsapp"), ("No. WA", "whatsapp"),
        ("Nomor WhatsApp", "whatsapp"), ("Telegram", "telegram"), ("Username Telegram", "telegram"),
        ("Kerabat Calon", "relatives"), ("kerabat_calon", "relatives"), ("Relatives", "relatives"),
        ("Tanggal Lahir", None), ("No", None), ("NIK", None), ("Link", None), ("", None),
    ],
)
def test_header_aliases(header: str, field: str | None) -> None:
    found = field_of(header)
    assert (found[0] if found else None) == field


def test_reads_indonesian_headers_from_xlsx(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, [
        ["NIP/NI PPPK", "Nama Lengkap", "Status Kepegawaian", "Jabatan", "Unit Kerja", "Kode OPD", "Instagram",
         "Kerabat Calon"],
        [NIP_A, "Budi Contoh", "PNS", "Analis Kebijakan", "Dinas Kominfo Contoh", "1.02", "@budi.contoh",
         "Ahmad Contoh (kakak kandung)"],
        [NIP_B, "  Sari   Contoh ", "PPPK", None, "Dinas Pendidikan Contoh", None, None, None],
    ])
    result = read_roster(path, TODAY)
    assert result.rejected == []
    assert result.sheet == "Pegawai"
    first, second = result.rows
    assert (first.row_number, first.name, first.status, first.position) == (2, "Budi Contoh", "PNS", "Analis Kebijakan")
    assert first.nip is not None and first.nip.value == NIP_A
    assert (first.agency_name, first.agency_code) == ("Dinas Kominfo Contoh", "1.02")
    assert first.accounts == (DeclaredAccount("instagram", "budi.contoh", None, "https://www.instagram.com/budi.contoh/"),)
    assert first.relatives == (Relative("Ahmad Contoh", "kakak kandung"),)
    assert (second.name, second.status, second.position, second.agency_code) == ("Sari Contoh", "PPPK", None, None)
    assert second.nip is not None and second.nip.kind == "PPPK"


def test_reads_english_headers_from_csv(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "Name,NIP,Status,Employee number,Position,Agency,Agency code,Twitter\n"
                               f"Budi Contoh,{NIP_A},PNS,P-01,Staff,Dinas Contoh,D01,https://twitter.com/budi_c\n"
                               "Rina Contoh,,Honorer,H-0007,Driver,Dinas Contoh,D01,\n")
    result = read_roster(path, TODAY)
    assert result.rejected == [] and result.sheet is None
    budi, rina = result.rows
    assert (budi.employee_number, budi.position, budi.agency_code) == ("P-01", "Staff", "D01")
    assert budi.accounts == (DeclaredAccount("x", "budi_c", None, "https://x.com/budi_c"),)
    assert (rina.status, rina.nip, rina.employee_number) == ("honorer", None, "H-0007")


def test_preferred_agency_column_and_title_rows_above_the_header(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, [
        ["DAFTAR PEGAWAI PEMERINTAH KABUPATEN CONTOH"],
        ["Keadaan per 1 Mei 2026"],
        [],
        ["NIP", "Nama", "Instansi", "Unit Kerja"],
        [NIP_A, "Budi Contoh", "Pemerintah Kabupaten Contoh", "Dinas Kesehatan Contoh"],
    ])
    [row] = read_roster(path, TODAY).rows
    assert (row.row_number, row.agency_name) == (5, "Dinas Kesehatan Contoh")


def test_finds_the_sheet_with_the_roster(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, [], sheets={
        "Petunjuk": [["Isi satu baris per pegawai."], ["Kolom wajib: Nama, OPD, NIP."]],
        "Data": [["Nama", "NIP", "OPD"], ["Budi Contoh", NIP_A, "Dinas Contoh"]],
    })
    result = read_roster(path, TODAY)
    assert result.sheet == "Data" and [r.row_number for r in result.rows] == [2]


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        ("Nama;NIP;Jabatan", "OPD/Unit Kerja"),
        ("NIP;Jabatan;OPD", "Nama"),
        ("Nama;Jabatan;OPD", "NIP atau Nomor Pegawai"),
    ],
)
def test_missing_required_column(tmp_path: Path, header: str, missing: str) -> None:
    path = write_csv(tmp_path, f"{header}\nBudi Contoh;x;y\n")
    with pytest.raises(RosterError) as raised:
        read_roster(path, TODAY)
    message = str(raised.value)
    assert f"kolom wajib tidak ditemukan: {missing}" in message
    assert f"Kolom yang ada: {header.replace(';', ', ')}" in message
    assert "Kolom yang dikenali: NIP, Nama, Status" in message


# --- CSV encodings and delimiters ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (f"NIP,Nama,OPD\n{NIP_A},Budi Contoh,Dinas Contoh\n", "utf-8"),
        (f"\ufeffNIP,Nama,OPD\r\n{NIP_A},Budi Contoh,Dinas Contoh\r\n", "utf-8"),
        (f"\ufeffNIP;Nama;OPD\r\n{NIP_A};Budi Contoh;Dinas Contoh\r\n", "utf-8"),
        (f"NIP\tNama\tOPD\n{NIP_A}\tBudi Contoh\tDinas Contoh\n", "utf-8"),
        (f'"NIP";"Nama";"OPD"\n"{NIP_A}";"Budi Contoh";"Dinas Contoh"\n', "utf-8"),
        (f"NIP;Nama;OPD\n{NIP_A};Budi Contoh;Dinas Contoh\n", "cp1252"),
    ],
    ids=["comma", "bom-crlf", "bom-semicolon", "tab", "quoted-semicolon", "cp1252"],
)
def test_csv_dialects(tmp_path: Path, text: str, encoding: str) -> None:
    [row] = read_roster(write_csv(tmp_path, text, encoding), TODAY).rows
    assert (row.name, row.agency_name, row.nip.value if row.nip else None) == ("Budi Contoh", "Dinas Contoh", NIP_A)


def test_semicolon_csv_with_commas_inside_cells(tmp_path: Path) -> None:
    text = ("Nama;NIP;Unit Kerja;Instagram\n"
            f"Dr. Budi Contoh, S.Kom.;{NIP_A};Bagian Umum, Sekretariat Daerah;@budi.contoh, @budi_kedua\n")
    [row] = read_roster(write_csv(tmp_path, text), TODAY).rows
    assert (row.name, row.agency_name) == ("Dr. Budi Contoh, S.Kom.", "Bagian Umum, Sekretariat Daerah")
    assert [a.handle for a in row.accounts] == ["budi.contoh", "budi_kedua"]


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    text = f"NIP;Nama;OPD\n{NIP_A};Budi Contoh;Dinas Pekerjaan Umum – Bidang Jalan\n"
    [row] = read_roster(write_csv(tmp_path, text, "cp1252"), TODAY).rows
    assert row.agency_name == "Dinas Pekerjaan Umum – Bidang Jalan"


def test_empty_rows_are_skipped_and_row_numbers_kept(tmp_path: Path) -> None:
    csv_path = write_csv(tmp_path, f"NIP;Nama;OPD\n\n;;\n{NIP_A};Budi Contoh;Dinas Contoh\n  ; ;\n"
                                   f"{NIP_C};Citra Contoh;Dinas Contoh\n")
    assert [r.row_number for r in read_roster(csv_path, TODAY).rows] == [4, 6]
    xlsx_path = write_xlsx(tmp_path, [["NIP", "Nama", "OPD"], [None, None, None], [NIP_A, "Budi Contoh", "Dinas"],
                                      [], [" ", None, ""], [NIP_C, "Citra Contoh", "Dinas"]])
    result = read_roster(xlsx_path, TODAY)
    assert [r.row_number for r in result.rows] == [3, 6] and result.rejected == []


# --- Status --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("PNS", "PNS"), ("pns", "PNS"), ("CPNS", "PNS"), ("ASN PNS", "PNS"), ("PPPK", "PPPK"), ("P3K", "PPPK"),
        ("PPPK Paruh Waktu", "PPPK"), ("Honorer", "honorer"), ("honorer", "honorer"), ("Tenaga Honorer", "honorer"),
        ("PPNPN", "honorer"), ("non-ASN", "honorer"), ("Non ASN", "honorer"), ("THL", "honorer"),
    ],
)
def test_status_aliases(text: str, status: str) -> None:
    assert parse_status(text) == status


@pytest.mark.parametrize("text", ["Kontrak", "Pensiun", "ASN", "Non PNS"])
def test_unknown_status(text: str) -> None:
    with pytest.raises(ValueError, match="tidak dikenal: gunakan PNS, PPPK, atau honorer"):
        parse_status(text)


def test_status_is_taken_from_the_nip_when_left_empty(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "NIP,Nama,Status,Nomor Pegawai,OPD\n"
                               f"{NIP_A},Budi Contoh,,,Dinas\n{NIP_B},Sari Contoh,,,Dinas\n,Rina Contoh,,H-1,Dinas\n")
    assert [r.status for r in read_roster(path, TODAY).rows] == ["PNS", "PPPK", "honorer"]


# --- Size ----------------------------------------------------------------------------------------------


def test_large_roster(tmp_path: Path) -> None:
    lines = ["NIP;Nama;OPD"]
    for i in range(20000):  # unique NIPs: appointment year, sex code and serial vary with i
        nip = f"19700312{2000 + i // 1998}01{1 + i // 999 % 2}{i % 999 + 1:03d}"
        lines.append(f"{nip};Pegawai Contoh {i};Dinas {i % 40}")
    lines.append(lines[1])
    result = read_roster(write_csv(tmp_path, "\n".join(lines) + "\n"), TODAY)
    assert len(result.rows) == 20000
    assert reasons(result) == {20002: f"baris 20002: kolom NIP: NIP {lines[1][:18]} sudah ada di baris 2"}


def test_result_names_the_columns_as_the_file_writes_them(tmp_path: Path) -> None:
    path = write_csv(tmp_path, f"NIP/NI PPPK;Nama Lengkap;Unit Kerja;Akun IG\n{NIP_A};Budi Contoh;Dinas;@budi\n")
    assert read_roster(path, TODAY).labels == {"nip": "NIP/NI PPPK", "name": "Nama Lengkap",
                                               "agency_name": "Unit Kerja", "instagram": "Akun IG"}
