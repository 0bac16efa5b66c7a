"""``jaganetral registry`` end to end, on SQLite and PostgreSQL: exit codes, output, nothing stored on refusal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from integration.roster_files import NAMES, NIP_A, NIP_C, NIP_D, person, standard_rows, write_csv, write_xlsx
from jaganetral.cli.main import main
from jaganetral.config import StoreSettings


@pytest.fixture
def run(store_settings: StoreSettings, tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run ``jaganetral registry …`` on the test's database; returns (exit code, stdout, stderr)."""
    db = store_settings.database_url or f"sqlite:///{tmp_path / 'cli.db'}"

    def call(*args: str) -> tuple[int, str, str]:
        code = main(["registry", *args, "--db", db, "--data-dir", str(tmp_path / "data")])
        out, err = capsys.readouterr()
        return code, out, err
    return call


def bad_rows() -> list[list[str]]:
    rows = standard_rows()
    rows.insert(2, person("198713322010011001", "Dodi Contoh", "PNS"))  # row 4
    return rows


def test_import_prints_counts_and_exits_0(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("import", str(write_xlsx(tmp_path / "pegawai.xlsx", standard_rows())))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Daftar pegawai pegawai.xlsx (lembar 'Pegawai')",
        "  Baris sah             : 4",
        "  Baris ditolak         : 0",
        "  OPD baru              : 2",
        "  Pegawai baru          : 4",
        "  Pegawai diperbarui    : 0",
        "  Pegawai tidak berubah : 0",
        "  Akun baru             : 4",
        "  Akun ditautkan        : 0",
        "  Kerabat calon dicatat : 3",
        "Semua baris tersimpan.",
    ]
    code, out, _ = run("import", str(tmp_path / "pegawai.xlsx"))
    assert code == 0 and "  Pegawai tidak berubah : 4" in out and "  Pegawai baru          : 0" in out


def test_strict_import_with_a_rejected_row_exits_1_and_stores_nothing(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("import", str(write_csv(tmp_path / "pegawai.csv", bad_rows())))
    assert code == 1
    assert "Baris ditolak:\n  baris 4: kolom NIP: tanggal lahir 19871332 tidak valid\n" in out
    assert "TIDAK ADA YANG DISIMPAN" in out
    assert not any(name in out for name in NAMES)
    code, _, err = run("show", NIP_A)
    assert code == 2 and "tidak ada di registri" in err


def test_partial_import_exits_1_and_stores_the_valid_rows(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("import", str(write_csv(tmp_path / "pegawai.csv", bad_rows())), "--partial")
    assert code == 1
    assert "  Pegawai baru          : 4" in out and "  baris 4: kolom NIP: tanggal lahir 19871332" in out
    assert "Baris yang sah sudah disimpan" in out
    assert run("show", NIP_A)[0] == 0


def test_import_json(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("import", str(write_csv(tmp_path / "pegawai.csv", bad_rows())), "--json")
    assert code == 1
    assert json.loads(out) == {
        "applied": False, "agencies": 0, "employees_created": 0, "employees_updated": 0, "employees_unchanged": 0,
        "accounts_created": 0, "accounts_linked": 0, "relatives": 0,
        "rejected": [{"row": 4, "reason": "baris 4: kolom NIP: tanggal lahir 19871332 tidak valid"}]}
    code, out, _ = run("import", str(tmp_path / "pegawai.csv"), "--json", "--partial")
    data = json.loads(out)
    assert code == 1 and data["applied"] is True and data["employees_created"] == 4 and len(data["rejected"]) == 1
    code, out, _ = run("import", str(write_csv(tmp_path / "baik.csv", standard_rows())), "--json")
    assert code == 0 and json.loads(out)["employees_unchanged"] == 4 and json.loads(out)["rejected"] == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("pegawai.pdf", b"%PDF-1.7\n", "format berkas .pdf tidak didukung"),
        ("pegawai.csv", b"Nama;Jabatan\nBudi Contoh;Staf\n", "kolom wajib tidak ditemukan: OPD/Unit Kerja"),
        ("hilang.xlsx", None, "berkas hilang.xlsx tidak dapat dibuka"),
    ],
)
def test_unreadable_roster_exits_2(run, tmp_path: Path, name: str, content: bytes | None,  # type: ignore[no-untyped-def]
                                   message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = run("import", str(path))
    assert (code, out) == (2, "")
    assert err.startswith("jaganetral: daftar pegawai tidak dapat dibaca, tidak ada yang disimpan: ")
    assert message in err


def test_store_that_cannot_be_opened_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = write_csv(tmp_path / "pegawai.csv", standard_rows())
    for args in (["import", str(roster)], ["link", "instagram", "@budi", NIP_A], ["show", NIP_A]):
        code = main(["registry", *args, "--db", "mysql://127.0.0.1/x", "--data-dir", str(tmp_path / "data")])
        assert code == 2
        assert "basis data 'mysql' tidak didukung" in capsys.readouterr().err


def test_link_and_show(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("import", str(write_xlsx(tmp_path / "pegawai.xlsx", standard_rows())))[0] == 0
    assert run("link", "tiktok", "https://www.tiktok.com/@budi.contoh", NIP_A) == (
        0, f"Akun TikTok @budi.contoh ditautkan ke pegawai NIP {NIP_A} (akun baru dicatat di registri).\n", "")
    assert run("link", "tiktok", "@budi.contoh", NIP_A)[1] == (
        f"Akun TikTok @budi.contoh sudah tertaut ke pegawai NIP {NIP_A}; tidak ada yang berubah.\n")
    code, out, err = run("link", "instagram", "budi.contoh", NIP_C)
    assert (code, out) == (1, "")
    assert err == (f"jaganetral: ditolak: akun Instagram @budi.contoh sudah tertaut ke pegawai lain (NIP {NIP_A}); "
                   "satu akun hanya milik satu orang\n")
    assert run("link", "instagram", "budi.lain", NIP_D)[0] == 2
    assert run("link", "instagram", "https://www.instagram.com/p/Cxyz/", NIP_A)[0] == 2
    assert run("link", "myspace", "budi", NIP_A)[0] == 2
    code, out, _ = run("show", "19870312 201001 1 001")
    assert code == 0
    assert out.splitlines() == [
        "Nama          : Budi Contoh",
        "NIP           : 19870312 201001 1 001",
        "Nomor pegawai : -",
        "Status        : PNS",
        "Jabatan       : Analis Kebijakan",
        "OPD           : Dinas Kominfo Contoh (kode 1.02)",
        "Akun (3):",
        "  instagram  @budi.contoh  https://www.instagram.com/budi.contoh/",
        "  whatsapp   6281234567890  https://wa.me/6281234567890",
        "  tiktok     @budi.contoh  https://www.tiktok.com/@budi.contoh",
        "Kerabat calon (2):",
        "  Ahmad Contoh (kakak kandung)",
        "  Siti Contoh (ipar)",
    ]
    code, out, _ = run("show", "H-0007")
    assert code == 0 and "Status        : honorer" in out and "Nomor pegawai : H-0007" in out
