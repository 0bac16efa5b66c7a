"""The case report: "LAPORAN DUGAAN PELANGGARAN NETRALITAS ASN", one PDF per case.

Laid out like a letter an Indonesian government office sends: a letterhead, the RAHASIA marking
(the report holds personal data), the number and date, sections I-VII (VIII when a sanction or a
PPK decision is on record), a signature block, and "Halaman X dari Y" on every page.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Spacer, Table, TableStyle

from .model import CaseReportData, EvidenceSpan
from .pdfkit import (
    FONT,
    FONT_BOLD,
    HIGHLIGHT,
    MARGIN,
    NO_W,
    Cell,
    ascii_markup,
    build_pdf,
    content_width,
    field_table,
    grid_table,
    markup,
    para,
    raw,
)
from .text import (
    UNKNOWN,
    format_date,
    format_datetime,
    format_score,
    kind_label,
    or_unknown,
    stance_label,
    state_label,
)

TITLE = "LAPORAN DUGAAN PELANGGARAN NETRALITAS ASN"
DISCLAIMER = "Temuan sistem bukan keputusan; keputusan ada pada pejabat yang berwenang."
WIDTH = content_width(A4)
LABEL_W = 150.0
FIELDS = (LABEL_W, WIDTH - LABEL_W)


def render_case_pdf(data: CaseReportData) -> bytes:
    """The case report as PDF bytes (the same ``data`` always gives the same bytes)."""
    story: list[Flowable] = [*_letterhead(data), *_identity(data), *_activity(data), *_legal(data),
                             *_system(data), *_evidence(data), *_timeline(data)]
    deadlines, decision = _deadlines(data), _decision(data)
    # the signature never stands alone on a page: it travels with the last section
    story += [*deadlines, KeepTogether([*decision, _signature(data)])] if decision else \
        [KeepTogether([*deadlines, _signature(data)])]
    return build_pdf(story, pagesize=A4, title=f"{TITLE} {data.case_number}", subject=f"Kasus {data.case_number}",
                     on_page=_page_furniture(data.case_number), top=MARGIN + 12)


def _page_furniture(case_number: str) -> Any:
    def draw(canvas: Canvas, _doc: Any) -> None:
        width, height = A4
        canvas.saveState()
        canvas.setFont(FONT_BOLD, 10)
        canvas.drawCentredString(width / 2, height - MARGIN + 4, "RAHASIA")
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, MARGIN * 0.75, width - MARGIN, MARGIN * 0.75)
        canvas.setFont(FONT, 8)
        canvas.drawString(MARGIN, MARGIN / 2, f"RAHASIA - Laporan kasus {case_number[:60]} - Jaga Netral")
        canvas.restoreState()

    return draw


def _section(title: str) -> Flowable:
    return para(title, "section")


def _letterhead(data: CaseReportData) -> list[Flowable]:
    out: list[Flowable] = [para(data.office.upper(), "kop1")]
    if data.unit:
        out.append(para(data.unit.upper(), "kop2"))
    by = data.generated_by
    creator = by.display_name + (f" ({by.username})" if by.full_name else "")
    out += [
        Spacer(1, 4),
        HRFlowable(width="100%", thickness=1.6, color="black", spaceAfter=1.5),
        HRFlowable(width="100%", thickness=0.5, color="black", spaceAfter=6),
        para(TITLE, "title"),
        para(f"Nomor: {data.case_number}", "center"),
        Spacer(1, 10),
        field_table([
            ("Tanggal laporan", format_datetime(data.generated_at)),
            ("Kasus dibuka", format_datetime(data.opened_at)),
            ("Status penanganan", state_label(data.state)),
            ("Dibuat oleh", creator),
            ("Klasifikasi", "RAHASIA - memuat data pribadi; hanya untuk pejabat yang berwenang."),
        ], FIELDS),
    ]
    return out


def _identity(data: CaseReportData) -> list[Flowable]:
    e, a = data.employee, data.account
    return [_section("I. IDENTITAS TERLAPOR"), field_table([
        ("Nama", or_unknown(e.name)),
        ("NIP / Nomor Pegawai", or_unknown(e.nip)),
        ("Status Kepegawaian", or_unknown(e.status)),
        ("Jabatan", or_unknown(e.position)),
        ("Instansi / OPD", or_unknown(e.agency)),
        ("Platform", or_unknown(a.platform)),
        ("Akun", or_unknown(a.handle)),
        ("URL Profil", or_unknown(a.profile_url)),
    ], FIELDS)]


def merged_spans(text: str, spans: tuple[EvidenceSpan, ...]) -> list[tuple[int, int]]:
    """Span offsets clamped to ``text``, sorted, overlaps merged; a span whose offsets do not match
    its text is looked up by its text instead."""
    found: list[tuple[int, int]] = []
    for span in spans:
        start, end = max(0, min(span.start, len(text))), max(0, min(span.end, len(text)))
        if text[start:end] != span.text and span.text and span.text in text:
            start = text.index(span.text)
            end = start + len(span.text)
        if end > start:
            found.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, spans: tuple[EvidenceSpan, ...]) -> str:
    """Paragraph markup of ``text`` with the evidence spans bold, underlined, on a yellow background."""
    parts: list[str] = []
    cursor = 0
    for start, end in merged_spans(text, spans):
        parts.append(markup(text[cursor:start]))
        parts.append(f'<span backColor="{HIGHLIGHT}"><b><u>{markup(text[start:end])}</u></b></span>')
        cursor = end
    parts.append(markup(text[cursor:]))
    return "".join(parts)


def _activity(data: CaseReportData) -> list[Flowable]:
    act = data.activity
    pairs: list[tuple[str, str | Flowable | None]] = [
        ("Platform", or_unknown(act.platform)),
        ("Jenis aktivitas", kind_label(act.kind)),
        ("Waktu aktivitas", format_datetime(act.created_at)),
        ("Tautan", or_unknown(act.url)),
    ]
    pairs += [(label, value) for label, value in (("Teks sasaran", act.target_text), ("Akun sasaran",
              act.target_account), ("Grup sasaran", act.target_group)) if value]
    out: list[Flowable] = [_section("II. URAIAN DUGAAN PELANGGARAN"), field_table(pairs, FIELDS),
                           para("Isi aktivitas (bagian yang menjadi bukti ditandai):", "sub")]
    out.append(raw(highlight(act.text, data.finding.spans) if act.text else markup("(tanpa teks)"), "quote"))
    out.append(para("Bagian teks yang menjadi bukti:", "sub"))
    if data.finding.spans:
        rows = [[str(i), f"{s.start}-{s.end}", s.text, s.label] for i, s in enumerate(data.finding.spans, start=1)]
        out.append(grid_table(["No", "Posisi", "Teks bukti", "Label"], rows, [NO_W, 60, WIDTH - 206, 120]))
    else:
        out.append(para("Tidak ada bagian teks yang ditandai."))
    return out


def _legal(data: CaseReportData) -> list[Flowable]:
    f = data.finding
    return [_section("III. DASAR HUKUM"), field_table([
        ("Bentuk pelanggaran", f"{f.form_id} - {f.form_title}"),
        ("Butir SKB 2/2022", f.form_id),
        ("Dasar hukum", f.legal_basis),
    ], FIELDS)]


def _system(data: CaseReportData) -> list[Flowable]:
    f = data.finding
    return [
        _section("IV. PENJELASAN SISTEM"),
        para(f.explanation),
        Spacer(1, 6),
        field_table([
            ("Skor keyakinan", format_score(f.score)),
            ("Sikap", stance_label(f.stance)),
            ("Kontestasi", or_unknown(f.contest)),
            ("Kontestan yang disasar", ", ".join(f.targets) if f.targets else UNKNOWN),
            ("Versi detektor", f.detector_version),
            ("Versi paket pengetahuan", f.pack_version),
        ], FIELDS),
        para("Sistem hanya menandai dugaan pelanggaran. " + DISCLAIMER, "notice"),
    ]


def _evidence(data: CaseReportData) -> list[Flowable]:
    src = data.source
    out: list[Flowable] = [_section("V. BUKTI ELEKTRONIK")]
    if src is None:
        out.append(para("Sumber berkas tidak tercatat."))
    else:
        out.append(field_table([
            ("SHA-256 berkas sumber", raw(ascii_markup(src.file_sha256), "mono")),
            ("Lokasi dalam arsip", or_unknown(src.archive_path)),
            ("Penunjuk rekaman", or_unknown(src.locator)),
            ("Waktu pengambilan", format_datetime(src.captured_at)),
        ], FIELDS))
    out.append(para("Dokumen pendukung:", "sub"))
    if not data.documents:
        out.append(para("Belum ada dokumen yang diunggah."))
        return out
    rows: list[list[Cell]] = []
    for i, d in enumerate(data.documents, start=1):
        uploaded = f"{format_datetime(d.uploaded_at)} oleh {d.uploaded_by}"
        described = raw(f"<b>{markup(d.filename)}</b><br/>{markup(d.kind)}<br/>{markup(uploaded)}", "cell")
        rows.append([str(i), described, raw(ascii_markup(d.sha256), "mono")])
    out.append(grid_table(["No", "Berkas, jenis, diunggah", "SHA-256"], rows, [NO_W, WIDTH - 326, 300]))
    return out


def _timeline(data: CaseReportData) -> list[Flowable]:
    out: list[Flowable] = [_section("VI. KRONOLOGI PENANGANAN")]
    if not data.timeline:
        return [*out, para("Belum ada catatan penanganan.")]
    rows = []
    for i, ev in enumerate(data.timeline, start=1):
        change = state_label(ev.to_state) if ev.to_state else "-"
        if ev.from_state and ev.to_state:
            change = f"{state_label(ev.from_state)} » {change}"
        rows.append([str(i), format_datetime(ev.at), ev.actor, ev.action, change, ev.note])
    out.append(grid_table(["No", "Waktu", "Pelaku", "Tindakan", "Perubahan status", "Catatan"], rows,
                          [NO_W, 80, 72, 88, 88, WIDTH - 354]))
    return out


def _deadlines(data: CaseReportData) -> list[Flowable]:
    out: list[Flowable] = [_section("VII. TENGGAT")]
    if not data.deadlines:
        return [*out, para("Tidak ada tenggat yang berjalan.")]
    rows = [[str(i), d.step, format_date(d.due), raw("<b>TERLAMBAT</b>", "cell") if d.overdue else "Sesuai jadwal"]
            for i, d in enumerate(data.deadlines, start=1)]
    out.append(grid_table(["No", "Tahap", "Batas waktu", "Keterangan"], rows, [NO_W, WIDTH - 256, 120, 110]))
    return out


def _decision(data: CaseReportData) -> list[Flowable]:
    if not (data.proposed_sanction or data.ppk_decision):
        return []
    return [_section("VIII. USULAN SANKSI DAN KEPUTUSAN PPK"), field_table([
        ("Usulan sanksi", or_unknown(data.proposed_sanction)),
        ("Keputusan PPK", data.ppk_decision or "Belum ada keputusan."),
    ], FIELDS)]


def _signature(data: CaseReportData) -> Flowable:
    """Place and date, "Yang membuat laporan,", room to sign, the name underlined, the role."""
    by = data.generated_by
    place = f"{data.place}, " if data.place else ""
    lines = [
        para(f"{place}{format_date(data.generated_at)}"),
        para("Yang membuat laporan,"),
        Spacer(1, 42),
        raw(f"<b><u>{markup(by.display_name)}</u></b>"),
        para(by.role or "Pengguna Jaga Netral"),
        para(f"Nama pengguna: {by.username}", "small"),
    ]
    block = Table([[None, lines]], colWidths=[WIDTH - 220, 220], hAlign="LEFT")
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, 14), block])
