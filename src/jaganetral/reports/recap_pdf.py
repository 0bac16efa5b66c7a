"""The recap: "REKAPITULASI DUGAAN PELANGGARAN NETRALITAS ASN", landscape A4.

Four tables (per OPD, per violation form, per platform, per ISO week), each closed by a TOTAL row
computed here from the rows.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, HRFlowable, Spacer

from .model import CASE_STATES, RecapData
from .pdfkit import FONT, FONT_BOLD, MARGIN, NO_W, build_pdf, content_width, field_table, grid_table, header_width, para
from .text import format_date, format_datetime, format_int, format_period

TITLE = "REKAPITULASI DUGAAN PELANGGARAN NETRALITAS ASN"
PAGE = landscape(A4)
WIDTH = content_width(PAGE)
NUM_W = 48.0


def render_recap_pdf(data: RecapData) -> bytes:
    """The recap as PDF bytes (the same ``data`` always gives the same bytes)."""
    story: list[Flowable] = [*_heading(data), *_agencies(data), *_forms(data), *_platforms(data), *_weeks(data),
                             Spacer(1, 10),
                             para("Angka berasal dari temuan sistem dan catatan penanganan kasus. Temuan sistem bukan "
                                  "keputusan; keputusan ada pada pejabat yang berwenang.", "small")]
    return build_pdf(story, pagesize=PAGE, title=TITLE, subject=f"{data.title} ({data.period_start.isoformat()} - "
                     f"{data.period_end.isoformat()})", on_page=_furniture(data), top=MARGIN + 8)


def _furniture(data: RecapData) -> Any:
    label = f"Rekapitulasi {format_period(data.period_start, data.period_end)} - Jaga Netral"

    def draw(canvas: Canvas, _doc: Any) -> None:
        width, height = PAGE
        canvas.saveState()
        canvas.setFont(FONT_BOLD, 9)
        canvas.drawCentredString(width / 2, height - MARGIN + 4, "TERBATAS")
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, MARGIN * 0.75, width - MARGIN, MARGIN * 0.75)
        canvas.setFont(FONT, 8)
        canvas.drawString(MARGIN, MARGIN / 2, label)
        canvas.restoreState()

    return draw


def _heading(data: RecapData) -> list[Flowable]:
    out: list[Flowable] = []
    if data.office:
        out += [para(data.office.upper(), "kop1"), Spacer(1, 2),
                HRFlowable(width="100%", thickness=1.2, color="black", spaceAfter=6)]
    by = data.generated_by
    out += [
        para(TITLE, "title"),
        para(data.title, "center"),
        Spacer(1, 8),
        field_table([
            ("Periode", format_period(data.period_start, data.period_end)),
            ("Cakupan", data.scope_label),
            ("Dibuat", format_datetime(data.generated_at)),
            ("Dibuat oleh", by.display_name + (f" ({by.username})" if by.full_name else "")),
        ], (120, WIDTH - 120)),
    ]
    return out


def _agencies(data: RecapData) -> list[Flowable]:
    header = ["No", "OPD", "Jumlah temuan", *(label for _, label in CASE_STATES), "Jumlah kasus", "Lewat tenggat"]
    body: list[list[str | None]] = []
    for i, row in enumerate(data.rows, start=1):
        body.append([str(i), row.agency, format_int(row.findings), *map(format_int, row.state_counts()),
                     format_int(row.cases), format_int(row.overdue)])
    total = data.totals()
    body.append(["", "TOTAL", format_int(total.findings), *map(format_int, total.state_counts()),
                 format_int(total.cases), format_int(total.overdue)])
    numbers = [header_width(label, NUM_W) for label in header[2:]]
    widths = [NO_W, WIDTH - NO_W - sum(numbers), *numbers]
    return [para("A. Rekap per OPD", "section"),
            grid_table(header, body, widths, right=range(2, len(header)), bold_last=True)]


def _count_table(title: str, header: list[str], rows: list[list[str | None]], total: int,
                 widths: list[float]) -> list[Flowable]:
    body = [[str(i), *row] for i, row in enumerate(rows, start=1)]
    body.append(["", "TOTAL", *([""] * (len(header) - 3)), format_int(total)])
    return [para(title, "section"), grid_table(header, body, widths, right=[len(header) - 1], bold_last=True)]


def _forms(data: RecapData) -> list[Flowable]:
    rows: list[list[str | None]] = [[f.form_id, f.title, format_int(f.count)] for f in data.forms]
    return _count_table("B. Per Bentuk Pelanggaran", ["No", "Kode", "Bentuk pelanggaran", "Jumlah"], rows,
                        data.forms_total(), [NO_W, 70, WIDTH - NO_W - 140, 70])


def _platforms(data: RecapData) -> list[Flowable]:
    rows: list[list[str | None]] = [[p.platform, format_int(p.count)] for p in data.platforms]
    return _count_table("C. Per Platform", ["No", "Platform", "Jumlah"], rows, data.platforms_total(),
                        [NO_W, 300, 70])


def _weeks(data: RecapData) -> list[Flowable]:
    rows: list[list[str | None]] = [[w.label, format_date(w.monday), format_int(w.count)] for w in data.weeks]
    return _count_table("D. Per Minggu (ISO)", ["No", "Minggu", "Mulai (Senin)", "Jumlah"], rows,
                        data.weeks_total(), [NO_W, 120, 180, 70])
