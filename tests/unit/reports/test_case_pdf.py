"""The case report PDF, read back with pypdf."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from report_samples import DOC_SHA, NIP, POST, SOURCE_SHA, case_data, pdf_pages, span, squash

from jaganetral.reports import render_case_pdf
from jaganetral.reports.case_pdf import DISCLAIMER, TITLE, merged_spans
from jaganetral.reports.model import Employee, EvidenceSpan

SECTIONS = ("I. IDENTITAS TERLAPOR", "II. URAIAN DUGAAN PELANGGARAN", "III. DASAR HUKUM", "IV. PENJELASAN SISTEM",
            "V. BUKTI ELEKTRONIK", "VI. KRONOLOGI PENANGANAN", "VII. TENGGAT")


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render_case_pdf(case_data())


@pytest.fixture(scope="module")
def text(sample_pdf: bytes) -> str:
    return "\n".join(pdf_pages(sample_pdf))


def test_is_a_pdf_with_metadata(sample_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(sample_pdf))
    assert sample_pdf.startswith(b"%PDF-")
    assert 1 <= len(reader.pages) <= 4
    meta = reader.metadata
    assert meta is not None
    assert meta.title == f"{TITLE} JN/BASEL/2026/000123"
    assert meta.author == "Jaga Netral"
    assert meta.creator is not None and "Jaga Netral" in meta.creator


def test_title_heading_and_marking(text: str) -> None:
    assert TITLE in text
    assert "KABUPATEN BANGKA SELATAN" in text
    assert "BADAN KESATUAN BANGSA DAN POLITIK" in text
    assert "RAHASIA" in text
    assert "Nomor: JN/BASEL/2026/000123" in text


@pytest.mark.parametrize("heading", SECTIONS)
def test_every_section_heading(text: str, heading: str) -> None:
    assert heading in text


def test_identity(text: str) -> None:
    for value in ("Budi Contoh", NIP, "PNS", "Penata Kelola Contoh", "Dinas Contoh dan Percobaan",
                  "budi.contoh.fiktif"):
        assert value in text


def test_dates_in_indonesian_and_wib(text: str) -> None:
    assert "25 November 2026 20:15 WIB" in text  # generated 13:15 UTC
    assert "18 November 2026 08:30 WIB" in text  # the activity
    assert "Toboali, 25 November 2026" in text


def test_hashes_are_printed_whole(text: str) -> None:
    assert SOURCE_SHA in text
    assert DOC_SHA in text
    assert "data/posts/your_posts_1.json" in text
    assert "posts[17]" in text


def test_evidence_spans_and_legal_basis(text: str) -> None:
    assert squash(POST) in squash(text)
    assert "coblos nomor 2" in text and "ajakan memilih" in text
    assert "Paslon Fiktif Sejahtera" in text
    assert "DS-06" in text
    assert squash("SKB 2/2022; PP 94/2021 Pasal 14 huruf i angka 3 dan 4") in squash(text)
    assert "0,87 (87%)" in text
    assert "detector 0.1.0" in text and "babel-2026.11" in text
    assert squash(DISCLAIMER) in squash(text)


def test_timeline_deadlines_and_signature(text: str) -> None:
    for entry in ("Temuan dibuat", "Verifikasi temuan", "Undangan klarifikasi", "Tangkapan layar cocok dengan arsip.",
                  "andi.uji", "Klarifikasi terlapor", "TERLAMBAT", "5 Desember 2026"):
        assert squash(entry) in squash(text), entry
    assert "Yang membuat laporan," in text
    assert "Siti Penguji, S.Sos." in text
    assert "Analis Kebijakan Ahli Muda" in text
    assert "VIII. USULAN SANKSI DAN KEPUTUSAN PPK" in text


def test_page_numbers(sample_pdf: bytes) -> None:
    pages = pdf_pages(sample_pdf)
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in page
        assert "RAHASIA" in page


def test_same_input_same_bytes(sample_pdf: bytes) -> None:
    assert render_case_pdf(case_data()) == sample_pdf


def test_unknown_employee_and_no_optional_parts() -> None:
    data = case_data(employee=Employee(), source=None, timeline=(), documents=(), deadlines=(),
                     proposed_sanction=None, unit=None, place=None, spans=())
    text = "\n".join(pdf_pages(render_case_pdf(data)))
    assert "(tidak diketahui)" in text
    assert "VIII." not in text
    assert "Belum ada catatan penanganan." in text
    assert "Yang membuat laporan," in text


def test_a_very_long_post_spans_pages_without_loss() -> None:
    words = [f"kata{i:04d}" for i in range(2500)]
    long_post = " ".join(words) + "\n" + "x" * 3000  # and one word far wider than a line
    pdf = render_case_pdf(case_data(text=long_post, spans=(EvidenceSpan(0, 8, "kata0000", "uji"),)))
    pages = pdf_pages(pdf)
    assert len(pages) >= 4
    found = set(re.findall(r"kata\d{4}", "\n".join(pages)))
    assert found == set(words)
    # the wide word is cut into lines (and here across a page break), none of it lost
    assert sum(len(run) for page in pages for run in re.findall(r"x{10,}", squash(page))) == 3000
    assert f"Halaman 1 dari {len(pages)}" in pages[0]


def test_markup_in_user_text_is_printed_literally() -> None:
    nasty = 'Lihat <b>ini</b> & <script>alert("x")</script> <br/> <font size=40>besar</font> &amp; </para>'
    data = case_data(text=nasty, spans=(span(nasty, "<script>", "markup"),),
                     employee=Employee(name="Budi <i>Contoh</i> & Rekan", nip=NIP))
    text = "\n".join(pdf_pages(render_case_pdf(data)))
    assert squash(nasty) in squash(text)
    assert "Budi <i>Contoh</i> & Rekan" in text


def test_emoji_and_unsupported_scripts_do_not_crash() -> None:
    post = "Dukung 🗳️🔥 calon kita ✌️ — Ñandú çava naïve 选举 ٱلله\u200d\u0000\x07 tab\there"
    data = case_data(text=post, spans=(span(post, "🗳️🔥", "emoji"),),
                     employee=Employee(name="Budi 😀 Contoh", nip=NIP))
    text = "\n".join(pdf_pages(render_case_pdf(data)))
    assert "Dukung" in text and "naïve" in text and "Ñandú" in text
    assert "Budi ? Contoh" in text


def test_spans_are_clamped_sorted_and_merged() -> None:
    text = "abcdefghij"
    spans = (EvidenceSpan(5, 99, "fghij", "a"), EvidenceSpan(-3, 2, "ab", "b"), EvidenceSpan(1, 4, "bcd", "c"),
             EvidenceSpan(7, 7, "", "empty"))
    assert merged_spans(text, spans) == [(0, 4), (5, 10)]
    # offsets that do not match the span text: the text is looked up instead
    assert merged_spans(text, (EvidenceSpan(0, 3, "hij", "moved"),)) == [(7, 10)]
