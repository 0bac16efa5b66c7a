"""Synthetic report data for the tests. Every name, NIP, handle and hash here is invented."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace

from jaganetral.reports.model import (
    Account,
    ActivityData,
    AgencyRow,
    CaseReportData,
    Deadline,
    DocumentData,
    Employee,
    EvidenceSource,
    EvidenceSpan,
    FindingData,
    FormCount,
    Person,
    PlatformCount,
    RecapData,
    TimelineEvent,
    WeekCount,
)
from jaganetral.reports.text import WIB

UTC = dt.UTC
NIP = "199001012015011001"
SOURCE_SHA = hashlib.sha256(b"arsip contoh").hexdigest()
DOC_SHA = hashlib.sha256(b"surat klarifikasi contoh").hexdigest()
POST = ("Ayo warga Desa Contoh, tanggal 27 November coblos nomor 2 Paslon Fiktif Sejahtera! "
        "Kita menangkan bersama demi kemajuan kabupaten.")


def span(text: str, needle: str, label: str) -> EvidenceSpan:
    start = text.index(needle)
    return EvidenceSpan(start, start + len(needle), needle, label)


def case_data(text: str = POST, spans: tuple[EvidenceSpan, ...] | None = None, **changes: object) -> CaseReportData:
    if spans is None:
        spans = (span(POST, "coblos nomor 2", "ajakan memilih"), span(POST, "Paslon Fiktif Sejahtera", "kontestan"))
    base = CaseReportData(
        case_number="JN/BASEL/2026/000123",
        state="klarifikasi",
        opened_at=dt.datetime(2026, 11, 20, 2, 0, tzinfo=UTC),
        generated_at=dt.datetime(2026, 11, 25, 13, 15, tzinfo=UTC),  # 20:15 WIB
        generated_by=Person("siti.uji", "Siti Penguji, S.Sos.", "Analis Kebijakan Ahli Muda"),
        office="Kabupaten Bangka Selatan",
        unit="Badan Kesatuan Bangsa dan Politik",
        place="Toboali",
        employee=Employee("Budi Contoh", NIP, "PNS", "Penata Kelola Contoh", "Dinas Contoh dan Percobaan"),
        account=Account("facebook", "budi.contoh.fiktif", "https://example.invalid/budi.contoh.fiktif"),
        activity=ActivityData("facebook", "post", dt.datetime(2026, 11, 18, 1, 30, tzinfo=UTC), text,
                              url="https://example.invalid/posts/1"),
        finding=FindingData(
            form_id="DS-06", form_title="Mengajak memilih pasangan calon tertentu melalui media sosial",
            legal_basis="SKB 2/2022; PP 94/2021 Pasal 14 huruf i angka 3 dan 4", score=0.87,
            explanation="Unggahan memuat ajakan mencoblos nomor urut dan nama pasangan calon dalam masa kampanye.",
            detector_version="detector 0.1.0", pack_version="babel-2026.11", stance="support",
            contest="Pilbup Bangka Selatan 2026", targets=("Paslon Fiktif Sejahtera",), spans=spans),
        source=EvidenceSource(SOURCE_SHA, "data/posts/your_posts_1.json", "posts[17]",
                              dt.datetime(2026, 11, 19, 3, 0, tzinfo=UTC)),
        timeline=(
            TimelineEvent(dt.datetime(2026, 11, 20, 2, 0, tzinfo=UTC), "sistem", "Temuan dibuat", None, "temuan"),
            TimelineEvent(dt.datetime(2026, 11, 21, 3, 0, tzinfo=UTC), "siti.uji", "Verifikasi temuan", "temuan",
                          "verifikasi", "Tangkapan layar cocok dengan arsip."),
            TimelineEvent(dt.datetime(2026, 11, 22, 4, 0, tzinfo=WIB), "andi.uji", "Undangan klarifikasi",
                          "verifikasi", "klarifikasi", "Surat undangan dikirim ke OPD."),
        ),
        documents=(DocumentData("undangan-klarifikasi.pdf", "surat", DOC_SHA,
                                dt.datetime(2026, 11, 22, 5, 0, tzinfo=UTC), "andi.uji"),),
        deadlines=(Deadline("Klarifikasi terlapor", dt.date(2026, 11, 24), True),
                   Deadline("Rekomendasi ke PPK", dt.date(2026, 12, 5), False)),
        proposed_sanction="Hukuman disiplin sedang (usulan)",
    )
    return replace(base, **changes) if changes else base  # type: ignore[arg-type]


def recap_data(**changes: object) -> RecapData:
    base = RecapData(
        title="Rekap Pengawasan Netralitas ASN",
        period_start=dt.date(2026, 11, 1),
        period_end=dt.date(2026, 11, 30),
        generated_at=dt.datetime(2026, 12, 1, 1, 0, tzinfo=UTC),
        generated_by=Person("siti.uji", "Siti Penguji, S.Sos."),
        office="Kabupaten Bangka Selatan",
        rows=(
            AgencyRow("Dinas Contoh dan Percobaan", 12, 3, 2, 4, 1, 0, 1, 1, 2),
            AgencyRow("Badan Fiktif Daerah", 5, 1, 0, 1, 0, 1, 2, 0, 0),
            AgencyRow("Kecamatan Uji Coba", 7, 0, 3, 0, 2, 0, 0, 1, 1),
        ),
        forms=(FormCount("DS-06", "Mengajak memilih pasangan calon tertentu", 14),
               FormCount("DS-02", "Memberikan tanda suka pada unggahan kampanye", 10)),
        platforms=(PlatformCount("facebook", 15), PlatformCount("instagram", 6), PlatformCount("x", 3)),
        weeks=(WeekCount(2026, 44, 4), WeekCount(2026, 45, 9), WeekCount(2026, 46, 6), WeekCount(2026, 47, 5)),
    )
    return replace(base, **changes) if changes else base  # type: ignore[arg-type]


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page, read back with pypdf."""
    import io

    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def squash(text: str) -> str:
    """``text`` without any whitespace: line wrapping cannot break a comparison."""
    return "".join(text.split())


_HEAD = re.compile(r"^RAHASIA\nRAHASIA - Laporan kasus .*? - Jaga Netral\n")
_FOOT = re.compile(r"Halaman \d+ dari \d+\n?$")


def body_text(pdf: bytes) -> str:
    """The case report's text without the page furniture, so a paragraph cut by a page break reads whole."""
    return "".join(_FOOT.sub("", _HEAD.sub("", page)) for page in pdf_pages(pdf))
