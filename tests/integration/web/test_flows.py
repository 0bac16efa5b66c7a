"""Pages doing their work: a case carried through the procedure, documents, imports, the roster,
users, the audit chain (SQLite; the services' own tests cover PostgreSQL)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from integration.web.conftest import csrf_of, login
from integration.web.seed import PASSWORD, World
from jaganetral.config import StoreSettings


@pytest.fixture
def store_settings(tmp_path: Path) -> StoreSettings:
    return StoreSettings(data_dir=tmp_path / "data")


def post(client: TestClient, path: str, data: dict[str, str], page: str = "/", **kw: object) -> object:
    return client.post(path, data={**data, "csrf_token": csrf_of(client, page)}, **kw)  # type: ignore[arg-type]


def test_a_case_from_finding_to_ppk_decision(as_role: Callable[[str], TestClient], world: World) -> None:
    client = as_role("verifikator")
    finding = world.findings_a[0]
    r = post(client, "/temuan/kasus", {"temuan": str(finding), "catatan": "perlu diverifikasi"})
    assert r.status_code == 303  # type: ignore[attr-defined]
    case_url = r.headers["location"]  # type: ignore[attr-defined]
    assert re.fullmatch(r"/kasus/\d+", case_url)
    page = client.get(case_url)
    assert page.status_code == 200 and "Temuan" in page.text and "membuka kasus" in page.text
    for data in ({"tindakan": "lanjut"}, {"tindakan": "lanjut"},
                 {"tindakan": "klarifikasi", "pernyataan": "Pegawai menyatakan akun itu miliknya."}):
        assert post(client, f"{case_url}/tindakan", data, case_url).status_code == 303  # type: ignore[attr-defined]
    r = client.post(f"{case_url}/tindakan", data={"tindakan": "dokumen", "jenis": "bukti",
                                                   "csrf_token": csrf_of(client, case_url)},
                    files={"dokumen": ("berita-acara.txt", b"isi berita acara", "text/plain")})
    assert r.status_code == 303
    post(client, f"{case_url}/tindakan", {"tindakan": "lanjut"}, case_url)
    page = client.get(case_url)
    assert "Rekomendasi" in page.text and "berita-acara.txt" in page.text
    doc = re.search(r'href="(/kasus/\d+/dokumen/\d+)"', page.text)
    assert doc
    download = client.get(doc.group(1))
    assert download.content == b"isi berita acara"
    assert download.headers["content-type"] == "application/octet-stream"
    assert "attachment" in download.headers["content-disposition"]
    # the next step belongs to the pengawas: the verifikator's "lanjut" is refused
    assert post(client, f"{case_url}/tindakan", {"tindakan": "lanjut"}, case_url).status_code == 403  # type: ignore[attr-defined]
    client = as_role("pengawas")
    r = post(client, f"{case_url}/tindakan", {"tindakan": "lanjut"}, case_url)
    assert "usulkan dulu sanksi" in client.get(case_url).text
    page = client.get(case_url).text
    sanction = re.search(r'<select name="sanksi" required><option value="([a-z_]+)"', page)
    assert sanction
    post(client, f"{case_url}/tindakan", {"tindakan": "sanksi", "sanksi": sanction.group(1),
                                          "alasan": "sesuai bentuk pelanggaran"}, case_url)
    post(client, f"{case_url}/tindakan", {"tindakan": "lanjut"}, case_url)
    client = as_role("pimpinan")  # agency A: this case is theirs
    post(client, f"{case_url}/tindakan", {"tindakan": "keputusan_ppk", "keputusan": "Sanksi dijatuhkan."}, case_url)
    post(client, f"{case_url}/tindakan", {"tindakan": "lanjut"}, case_url)
    page = client.get(case_url).text
    assert "Selesai" in page and "Sanksi dijatuhkan." in page


def test_dismissing_needs_a_reason(as_role: Callable[[str], TestClient], world: World) -> None:
    client = as_role("pengawas")
    r = post(client, "/temuan/tolak", {"temuan": str(world.findings_a[0]), "alasan": "  "}, "/temuan")
    assert r.status_code == 303  # type: ignore[attr-defined]
    assert "alasan penolakan wajib diisi" in client.get("/temuan").text
    assert str(world.findings_a[0]) in client.get("/temuan").text
    ids = [str(f) for f in world.findings_a + world.findings_b]
    r = client.post("/temuan/tolak", data={"temuan": ids, "alasan": "semua hanya berita",
                                           "csrf_token": csrf_of(client, "/temuan")})
    assert r.status_code == 303
    page = client.get("/temuan").text
    assert f"{len(ids)} temuan ditolak." in page and "Tidak ada temuan dengan saringan ini." in page


def test_the_audit_log_shows_events_and_verifies_the_chain(as_role: Callable[[str], TestClient],
                                                           world: World) -> None:
    client = as_role("verifikator")
    post(client, "/temuan/kasus", {"temuan": str(world.findings_a[0])})
    client = as_role("auditor")
    page = client.get("/audit").text
    assert "kasus.buka" in page and "pengguna.masuk" in page
    r = client.post("/audit/verifikasi", data={"csrf_token": csrf_of(client, "/audit")})
    assert r.status_code == 200 and "rantai audit utuh" in r.text


def test_admin_imports_a_roster(as_role: Callable[[str], TestClient], world: World) -> None:
    client = as_role("admin")
    roster = (b"NIP;Nama;Status;OPD;Kode OPD\n"
              b"199001152023212003;Sari Contoh;PPPK;Dinas Contoh Tiga;DCT\n")
    r = client.post("/registri", data={"csrf_token": csrf_of(client, "/registri")},
                    files={"berkas": ("pegawai.csv", roster, "text/csv")})
    assert r.status_code == 200, r.text
    assert "Semua baris tersimpan." in r.text
    bad = client.post("/registri", data={"csrf_token": csrf_of(client, "/registri")},
                      files={"berkas": ("pegawai.csv", b"Nama;OPD\n", "text/csv")})
    assert bad.status_code in (200, 400)
    assert "Semua baris tersimpan." not in bad.text


def test_an_uploaded_export_is_imported_in_the_background(as_role: Callable[[str], TestClient],
                                                           world: World) -> None:
    client = as_role("pengawas")
    export = b'{"id": "u1", "text": "Ayo coblos nomor 3 Ganjar-Mahfud!", "kind": "post", "platform": "x", ' \
             b'"created_at": "2024-02-10T09:00:00+07:00"}\n'
    r = client.post("/impor", data={"pemilik": "199205242019032004", "csrf_token": csrf_of(client, "/impor")},
                    files={"berkas": ("../../ekspor.jsonl", export, "application/json")})
    assert r.status_code == 303
    job_url = r.headers["location"]
    for _ in range(100):
        page = client.get(job_url).text
        if "berjalan" not in page.split("</h1>")[0]:
            break
        assert 'http-equiv="refresh"' in page
        time.sleep(0.1)
    assert "Impor selesai" in page, page
    assert 'http-equiv="refresh"' not in page


def test_admin_manages_users(as_role: Callable[[str], TestClient], app_factory: Callable[..., TestClient],
                             world: World) -> None:
    client = as_role("admin")
    r = post(client, "/pengguna", {"username": "pimpinan2", "password": "sandi-baru-panjang", "peran": "pimpinan",
                                   "nama": "Pimpinan Dua"}, "/pengguna")
    assert r.status_code == 400 and "wajib dibatasi" in r.text  # type: ignore[attr-defined]
    r = client.post("/pengguna", data={"username": "pimpinan2", "password": "sandi-baru-panjang",
                                       "peran": "pimpinan", "opd": ["Dinas Contoh Dua"],
                                       "csrf_token": csrf_of(client, "/pengguna")})
    assert r.status_code == 303
    assert post(client, "/pengguna/pimpinan2/sandi", {"password": "sandi-lain-panjang"}, "/pengguna").status_code == 303  # type: ignore[attr-defined]
    with app_factory() as other:
        login(other, "pimpinan2", "sandi-lain-panjang")
        assert other.get(f"/opd/{world.agency_b}").status_code == 200
        assert other.get(f"/opd/{world.agency_a}").status_code == 403
        assert other.get("/pengguna").status_code == 403
    assert "pimpinan2" in client.get("/pengguna").text
    assert PASSWORD not in client.get("/pengguna").text


def test_reports_download_as_pdf_and_xlsx(as_role: Callable[[str], TestClient], world: World) -> None:
    client = as_role("verifikator")
    r = post(client, "/temuan/kasus", {"temuan": str(world.findings_a[0])})
    case_url = r.headers["location"]  # type: ignore[attr-defined]
    assert "laporan.pdf" in client.get(case_url).text
    pdf = client.get(f"{case_url}/laporan.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-type"] == "application/pdf" and "attachment" in pdf.headers["content-disposition"]
    recap = client.get("/rekap.pdf?dari=2024-02-01&sampai=2024-02-29")
    assert recap.status_code == 200 and recap.content.startswith(b"%PDF")
    sheet = client.get("/rekap.xlsx?dari=2024-02-01&sampai=2024-02-29")
    assert sheet.status_code == 200 and sheet.content.startswith(b"PK")
    assert client.get("/rekap.xlsx?dari=2024-03-01&sampai=2024-02-01").status_code == 400
    auditor = as_role("auditor")
    assert "kasus.laporan" in auditor.get("/audit").text
