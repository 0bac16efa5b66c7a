"""A person's review in Chromium: log in, triage, open a case, clarification with a file, case PDF.

The pengawas logs in at /login ("Masuk"), opens the queue, dismisses one finding with a reason and
opens a case from another; the verifikator logs in, takes the case to klarifikasi, records the
employee's clarification with an uploaded file and downloads the case report, a PDF that names the
case number. Every page is screenshotted (see conftest).
"""

from __future__ import annotations

import io
import re

from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from browser.conftest import Site
from integration.web.seed import PASSWORD

TIMEOUT = 10_000  # ms for any one page or element


def shot(page: Page, site: Site, name: str) -> None:
    page.screenshot(path=str(site.shots / f"{name}.png"), full_page=True)


def log_in(page: Page, site: Site, username: str, landing: str) -> None:
    page.goto(site.url + landing)
    expect(page).to_have_url(re.compile(r"/login\?next="))  # anonymous: sent to the login page
    expect(page.get_by_role("heading", name="Masuk")).to_be_visible()
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    shot(page, site, f"01-masuk-{username}")
    page.get_by_role("button", name="Masuk").click()
    expect(page).to_have_url(site.url + landing)  # back where the person wanted to go


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Keluar").click()
    expect(page).to_have_url(re.compile(r"/login$"))


def test_triage_case_clarification_and_pdf(browser: Browser, site: Site) -> None:
    context = browser.new_context(accept_downloads=True, locale="id-ID", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    # a browser asks for /favicon.ico on its own; the app has none (a 404 that no page causes)
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)

    log_in(page, site, "pengawas", "/temuan")
    expect(page.get_by_role("heading", name="Temuan")).to_be_visible()
    rows = page.locator("tbody tr")
    expect(rows.first.locator("a[href^='/temuan/']")).to_be_visible()
    shot(page, site, "02-antrean")
    links = page.locator("tbody a[href^='/temuan/']")
    first, second = (int(str(links.nth(i).get_attribute("href")).rsplit("/", 1)[1]) for i in range(2))
    assert {first, second} <= set(site.world.findings_a + site.world.findings_b)

    # dismiss the first finding, with a reason, from its page
    page.goto(f"{site.url}/temuan/{first}")
    shot(page, site, "03-temuan")
    page.get_by_label("Alasan penolakan (wajib)").fill("hanya membagikan berita resmi")
    page.get_by_role("button", name="Tolak temuan").click()
    expect(page.get_by_text("1 temuan ditolak.")).to_be_visible()
    shot(page, site, "04-temuan-ditolak")
    page.goto(f"{site.url}/temuan")
    expect(page.locator(f"tbody a[href='/temuan/{first}']")).to_have_count(0)  # off the "baru" queue

    # open a case from the second one
    page.goto(f"{site.url}/temuan/{second}")
    page.get_by_label("Catatan").fill("unggahan ajakan memilih, perlu verifikasi")
    page.get_by_role("button", name="Buka kasus").click()
    expect(page).to_have_url(re.compile(r"/kasus/\d+$"))
    case_url = page.url
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(re.compile(r"^Kasus \S+$"))
    number = heading.inner_text().split(" ", 1)[1]
    shot(page, site, "05-kasus-dibuka")
    log_out(page)

    # the verifikator takes it to klarifikasi and records the employee's clarification with a file
    log_in(page, site, "verifikator", case_url.removeprefix(site.url))
    page.get_by_role("button", name=re.compile("Mulai verifikasi")).click()
    expect(page.get_by_text("Tindakan dicatat")).to_be_visible()
    page.get_by_role("button", name=re.compile("lanjut klarifikasi")).click()
    expect(page.get_by_label("Pernyataan / klarifikasi pegawai")).to_be_visible()
    shot(page, site, "06-kasus-klarifikasi")
    page.get_by_label("Pernyataan / klarifikasi pegawai").fill(
        "Pegawai menyatakan akun itu miliknya dan unggahan sudah dihapus.")
    page.get_by_label("Dokumen klarifikasi (opsional)").set_input_files(
        {"name": "berita-acara-klarifikasi.txt", "mimeType": "text/plain",
         "buffer": b"Berita acara klarifikasi (contoh sintetis)."})
    page.get_by_role("button", name="Catat klarifikasi").click()
    expect(page.get_by_text("Tindakan dicatat: Catat klarifikasi pegawai.")).to_be_visible()
    expect(page.get_by_role("link", name="berita-acara-klarifikasi.txt")).to_be_visible()
    expect(page.get_by_text("unggahan sudah dihapus").first).to_be_visible()
    shot(page, site, "07-klarifikasi-dicatat")

    # the case report
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh laporan kasus (PDF)").click()
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF"), pdf[:40]
    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    assert number in text, f"case number {number} not in the report"
    assert not problems, problems
    context.close()
