"""Roster rows that are rejected, and NIP or number cells as Excel stores them.

Every name, NIP, number and account here is invented for the tests; none belongs to a real person.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from test_roster import NIP_A, NIP_B, NIP_C, TODAY, nip_of, patch_xlsx, reasons, write_csv, write_xlsx

from jaganetral.ingest.roster import read_roster

# --- Rejected rows -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "reason", "identifier"),
    [
        ({"NIP": nip_of("19871332")}, "baris 2: kolom NIP: tanggal lahir 19871332 tidak valid", nip_of("19871332")),
        ({"NIP": "19870312201001100"}, "baris 2: kolom NIP: NIP harus 18 digit, ditemukan 17", "19870312201001100"),
        ({"NIP": "1.98703E+17"}, "baris 2: kolom NIP: NIP tertulis dalam notasi ilmiah (1.98703E+17)", "baris 2"),
        ({"NIP": nip_of("19870312", sex="3")}, "baris 2: kolom NIP: kode jenis kelamin 3 bukan 1 atau 2",
         nip_of("19870312", sex="3")),
        ({"NIP": nip_of("19870312", "199906")}, "baris 2: kolom NIP: diangkat pada umur 12 tahun: tidak masuk akal",
         nip_of("19870312", "199906")),
        ({"Nama": ""}, "baris 2: kolom Nama: kosong, wajib diisi", NIP_A),
        ({"Unit Kerja": " "}, "baris 2: kolom Unit Kerja: kosong, wajib diisi", NIP_A),
        ({"Status": "PPPK"}, "baris 2: kolom NIP: NIP ini berbentuk NIP PNS (bulan pengangkatan 01), bukan NI PPPK",
         NIP_A),
        ({"NIP": NIP_B, "Status": "PNS"}, "baris 2: kolom NIP: NIP ini berbentuk NI PPPK", NIP_B),
        ({"Status": "Pensiun"}, "baris 2: kolom Status: status 'Pensiun' tidak dikenal", NIP_A),
        ({"NIP": "", "Status": "PNS"}, "baris 2: kolom NIP: NIP wajib diisi untuk PNS", "baris 2"),
        ({"NIP": "", "Status": ""}, "baris 2: kolom NIP: kosong: isi NIP (PNS/PPPK) atau nomor pegawai (honorer)",
         "baris 2"),
        ({"Status": "Honorer", "No Pegawai": "H-9"}, "baris 2: kolom NIP: tenaga honorer tidak memiliki NIP", NIP_A),
        ({"NIP": "", "Status": "Honorer"}, "baris 2: kolom No Pegawai: kosong, wajib diisi untuk tenaga honorer",
         "baris 2"),
        ({"Instagram": "Budi Contoh"}, "baris 2: kolom Instagram: 'Budi Contoh' bukan nama pengguna atau tautan "
                                       "profil Instagram yang sah", NIP_A),
        ({"Instagram": "https://www.facebook.com/budi.contoh"}, "baris 2: kolom Instagram: "
         "'https://www.facebook.com/budi.contoh' adalah tautan Facebook, bukan Instagram", NIP_A),
        ({"No WA": "0812"}, "baris 2: kolom No WA: '0812' bukan nomor WhatsApp yang sah", NIP_A),
        ({"Kerabat Calon": "Ahmad Contoh (kakak"}, "baris 2: kolom Kerabat Calon: kerabat ke-1 tidak berbentuk "
                                                   "'Nama (hubungan)'", NIP_A),
        ({"NIP": nip_of("19870229"), "Instagram": "https://t.me/budi"},
         "baris 2: kolom NIP: tanggal lahir 19870229 tidak valid; kolom Instagram: 'https://t.me/budi' adalah "
         "tautan Telegram, bukan Instagram", nip_of("19870229")),
    ],
)
def test_rejected_rows(tmp_path: Path, cells: dict[str, str], reason: str, identifier: str) -> None:
    header = ["NIP", "Nama", "Status", "No Pegawai", "Unit Kerja", "Instagram", "No WA", "Kerabat Calon"]
    base = {"NIP": NIP_A, "Nama": "Budi Contoh", "Status": "PNS", "Unit Kerja": "Dinas Contoh"}
    row = {**base, **cells}
    path = write_xlsx(tmp_path, [header, [row.get(h) for h in header]])
    result = read_roster(path, TODAY)
    assert result.rows == []
    [rejected] = result.rejected
    assert rejected.reason.startswith(reason), rejected.reason
    assert rejected.identifier == identifier
    if cells.get("Instagram") != "Budi Contoh":  # the employee's name is never in a reason
        assert "Budi Contoh" not in rejected.reason


def test_good_rows_survive_bad_ones(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "NIP;Nama;OPD\n"
                               f"{NIP_A};Budi Contoh;Dinas\n{nip_of('19871332')};Cici Contoh;Dinas\n"
                               f"{NIP_C};Citra Contoh;Dinas\n")
    result = read_roster(path, TODAY)
    assert [r.row_number for r in result.rows] == [2, 4]
    assert reasons(result) == {3: "baris 3: kolom NIP: tanggal lahir 19871332 tidak valid"}


def test_duplicates_name_the_first_row(tmp_path: Path) -> None:
    spaced = "19870312 201001 1 001"  # the same NIP as NIP_A, written with spaces
    path = write_csv(tmp_path, "NIP;Nama;Status;Nomor Pegawai;OPD\n"
                               f"{NIP_A};Budi Contoh;PNS;;Dinas A\n"
                               ";Rina Contoh;Honorer;H-0007;Dinas A\n"
                               f"{NIP_C};Citra Contoh;PNS;;Dinas B\n"
                               f"{spaced};Budi Contoh;PNS;;Dinas B\n"
                               ";Rani Contoh;honorer;H-0007;Dinas B\n"
                               f"{NIP_A};Budi Contoh;PNS;;Dinas C\n")
    result = read_roster(path, TODAY)
    assert [r.row_number for r in result.rows] == [2, 3, 4]
    assert reasons(result) == {
        5: f"baris 5: kolom NIP: NIP {NIP_A} sudah ada di baris 2",
        6: "baris 6: kolom Nomor Pegawai: nomor pegawai H-0007 sudah ada di baris 3",
        7: f"baris 7: kolom NIP: NIP {NIP_A} sudah ada di baris 2",
    }
    assert [r.identifier for r in result.rejected] == [NIP_A, "H-0007", NIP_A]


def test_today_is_passed_down(tmp_path: Path) -> None:
    path = write_csv(tmp_path, f"NIP;Nama;OPD\n{nip_of('20000101', '202601')};Budi Contoh;Dinas\n")
    assert len(read_roster(path, TODAY).rows) == 1
    assert "di luar rentang 1950–2025" in read_roster(path, dt.date(2025, 6, 1)).rejected[0].reason


# --- Excel numbers -------------------------------------------------------------------------------------


def test_exact_numeric_nip_cells_are_accepted(tmp_path: Path) -> None:
    # openpyxl (like Excel) writes big numbers with 15 significant digits; other tools write all digits.
    path = write_xlsx(tmp_path, [["NIP", "Nama", "OPD"], [111, "Budi Contoh", "Dinas"], [222, "Citra Contoh", "Dinas"]])
    patch_xlsx(path, {"<v>111</v>": f"<v>{NIP_A}</v>", "<v>222</v>": f"<v>{NIP_C}</v>"})
    result = read_roster(path, TODAY)
    assert result.rejected == []
    assert [r.nip.value if r.nip else None for r in result.rows] == [NIP_A, NIP_C]


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (1.98703122010011e17, "kolom NIP: NIP tersimpan sebagai angka 1.98703122010011e+17 sehingga digitnya sudah "
                              "hilang (Excel hanya menyimpan 15 digit)"),
        (int(NIP_A), "kolom NIP: NIP tersimpan sebagai angka 1.98703122010011e+17"),  # openpyxl writes it rounded
        ("1.98703E+17", "kolom NIP: NIP tertulis dalam notasi ilmiah (1.98703E+17)"),
        ("'198703122010011001x", "kolom NIP: NIP mengandung karakter"),
        (dt.datetime(1987, 3, 12), "kolom NIP: isi kolom bukan NIP"),
        (True, "kolom NIP: isi kolom bukan NIP"),
        (19870312201.0, "kolom NIP: NIP harus 18 digit, ditemukan 11"),
    ],
)
def test_lossy_or_wrong_nip_cells_are_rejected(tmp_path: Path, cell: Any, message: str) -> None:
    path = write_xlsx(tmp_path, [["NIP", "Nama", "OPD"], [cell, "Budi Contoh", "Dinas"]])
    [rejected] = read_roster(path, TODAY).rejected
    assert rejected.reason.startswith(f"baris 2: {message}"), rejected.reason


def test_exact_number_ending_in_000_is_flagged_as_rounded(tmp_path: Path) -> None:
    path = patch_xlsx(write_xlsx(tmp_path, [["NIP", "Nama", "OPD"], [111, "Budi Contoh", "Dinas"]]),
                      {"<v>111</v>": "<v>198703122010011000</v>"})
    [rejected] = read_roster(path, TODAY).rejected
    assert "NIP 198703122010011000 berakhir 000: kemungkinan sudah dibulatkan Excel" in rejected.reason


def test_numeric_honorer_numbers_and_phone_numbers(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, [
        ["Nama", "Status", "Nomor Pegawai", "OPD", "WhatsApp"],
        ["Rina Contoh", "Honorer", 7001, "Dinas", 81234567890],  # Excel dropped the 0 of 0812…
        ["Rani Contoh", "PPNPN", 7002.0, "Dinas", 6281298765432],
        ["Rudi Contoh", "Honorer", 7001.0, "Dinas", None],
    ])
    result = read_roster(path, TODAY)
    assert [(r.employee_number, [a.numeric_id for a in r.accounts]) for r in result.rows] == [
        ("7001", ["6281234567890"]), ("7002", ["6281298765432"])]
    assert reasons(result) == {4: "baris 4: kolom Nomor Pegawai: nomor pegawai 7001 sudah ada di baris 2"}


def test_a_row_with_more_cells_than_the_header_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "daftar.csv"
    path.write_text("NIP;Nama;OPD;Kerabat Calon\n"
                    "198703122010011001;Pegawai Contoh;Dinas Contoh;Calon Satu (kakak); Calon Dua (adik)\n",
                    encoding="utf-8")
    result = read_roster(path, dt.date(2026, 11, 25))
    assert result.rows == []
    assert "lebih banyak dari 4 kolom judul" in result.rejected[0].reason
