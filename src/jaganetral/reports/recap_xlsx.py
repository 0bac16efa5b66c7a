"""The recap as an Excel workbook: one sheet per table, TOTAL rows written as computed numbers.

TOTAL rows hold values, not ``SUM`` formulas, so that a viewer that does not recalculate (and the
tests) read the same numbers. The workbook is deterministic: its document dates are the report's
``generated_at`` and every ZIP entry carries that time too.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .model import CASE_STATES, RecapData
from .text import format_datetime, format_period

TITLE = "REKAPITULASI DUGAAN PELANGGARAN NETRALITAS ASN"
SHEETS = ("Rekap per OPD", "Per Bentuk Pelanggaran", "Per Platform", "Per Minggu")
HEADER_ROW = 6  # rows 1-4: title, period, scope, generated; row 5 empty
COUNT_FORMAT = "#,##0"
_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="D9E2F3")
_TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
_THIN = Side(style="thin", color="7F7F7F")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)

Value = str | int | dt.date | None


def render_recap_xlsx(data: RecapData) -> bytes:
    """The recap as XLSX bytes (the same ``data`` always gives the same bytes)."""
    wb = Workbook()
    first = wb.active
    if first is not None:
        wb.remove(first)
    total = data.totals()
    agency_rows: list[list[Value]] = [[i, r.agency, r.findings, *r.state_counts(), r.cases, r.overdue]
                                      for i, r in enumerate(data.rows, start=1)]
    agency_rows.append([None, "TOTAL", total.findings, *total.state_counts(), total.cases, total.overdue])
    _sheet(wb.create_sheet(SHEETS[0]), data,
           ["No", "OPD", "Jumlah temuan", *(label for _, label in CASE_STATES), "Jumlah kasus", "Lewat tenggat"],
           agency_rows, [6, 42, 14, *([13] * len(CASE_STATES)), 14, 14])
    form_rows: list[list[Value]] = [[i, f.form_id, f.title, f.count] for i, f in enumerate(data.forms, start=1)]
    form_rows.append([None, "TOTAL", None, data.forms_total()])
    _sheet(wb.create_sheet(SHEETS[1]), data, ["No", "Kode", "Bentuk pelanggaran", "Jumlah"], form_rows,
           [6, 12, 70, 12])
    platform_rows: list[list[Value]] = [[i, p.platform, p.count] for i, p in enumerate(data.platforms, start=1)]
    platform_rows.append([None, "TOTAL", data.platforms_total()])
    _sheet(wb.create_sheet(SHEETS[2]), data, ["No", "Platform", "Jumlah"], platform_rows, [6, 30, 12])
    week_rows: list[list[Value]] = [[i, w.label, w.monday, w.count] for i, w in enumerate(data.weeks, start=1)]
    week_rows.append([None, "TOTAL", None, data.weeks_total()])
    _sheet(wb.create_sheet(SHEETS[3]), data, ["No", "Minggu ISO", "Mulai (Senin)", "Jumlah"], week_rows,
           [6, 14, 16, 12])

    moment = data.generated_at.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    wb.properties.title = TITLE
    wb.properties.subject = data.title
    wb.properties.creator = "Jaga Netral"
    wb.properties.lastModifiedBy = "Jaga Netral"
    wb.properties.created = moment
    buffer = io.BytesIO()
    wb.save(buffer)
    return _stable_zip(buffer.getvalue(), moment)


def _sheet(ws: Worksheet, data: RecapData, header: Sequence[str], rows: Sequence[Sequence[Value]],
           widths: Sequence[int]) -> None:
    """Title block, a bold framed header frozen in place, the rows, the last one (TOTAL) bold."""
    ws["A1"] = TITLE
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = f"{data.title} - Periode {format_period(data.period_start, data.period_end)}"
    ws["A3"] = f"Cakupan: {data.scope_label}"
    by = data.generated_by
    ws["A4"] = f"Dibuat {format_datetime(data.generated_at)} oleh {by.display_name} ({by.username})"
    for col, (label, width) in enumerate(zip(header, widths, strict=True), start=1):
        cell = ws.cell(HEADER_ROW, col, label)
        cell.font = _BOLD
        cell.fill = _HEAD_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, values in enumerate(rows, start=HEADER_ROW + 1):
        is_total = r == HEADER_ROW + len(rows)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(r, col, _clean(value))
            cell.border = _BORDER
            if isinstance(value, str):
                cell.data_type = "s"  # text stays text, even "=SUM(...)" in an agency name
            elif isinstance(value, int):
                cell.number_format = COUNT_FORMAT
            elif isinstance(value, dt.date):
                cell.number_format = "DD/MM/YYYY"
            if is_total:
                cell.font = _BOLD
                cell.fill = _TOTAL_FILL
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    if len(rows) > 1:
        ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(header))}{HEADER_ROW + len(rows) - 1}"


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(value: Value) -> Value:
    """Strings without the control characters that XML cannot hold."""
    return _ILLEGAL.sub("?", value) if isinstance(value, str) else value


def _stable_zip(raw: bytes, moment: dt.datetime) -> bytes:
    """Re-pack the workbook with fixed entry times and a fixed ``modified`` date (openpyxl writes now())."""
    stamp = max(moment, dt.datetime(1980, 1, 1)).timetuple()[:6]
    iso = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>" + iso.encode() + rb"\g<2>", content)
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=stamp), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()
