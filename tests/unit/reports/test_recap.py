"""The recap workbook and PDF: sheets, headers, per-agency values, TOTAL rows equal to the sums."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from pypdf import PdfReader
from report_samples import pdf_pages, recap_data, squash

from jaganetral.reports import render_recap_pdf, render_recap_xlsx
from jaganetral.reports.model import CASE_STATES, AgencyRow
from jaganetral.reports.recap_pdf import TITLE
from jaganetral.reports.recap_xlsx import HEADER_ROW, SHEETS

AGENCY_HEADER = ["No", "OPD", "Jumlah temuan", "Temuan", "Verifikasi", "Klarifikasi", "Rekomendasi", "Tindak Lanjut",
                 "Selesai", "Dihentikan", "Jumlah kasus", "Lewat tenggat"]


@pytest.fixture(scope="module")
def workbook_bytes() -> bytes:
    return render_recap_xlsx(recap_data())


def _sheet(raw: bytes, name: str) -> Worksheet:
    ws = load_workbook(io.BytesIO(raw))[name]
    assert isinstance(ws, Worksheet)
    return ws


def _rows(ws: Worksheet) -> list[list[object]]:
    return [list(r) for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]


def test_sheet_names(workbook_bytes: bytes) -> None:
    assert load_workbook(io.BytesIO(workbook_bytes)).sheetnames == list(SHEETS)


def test_agency_sheet_header_and_title(workbook_bytes: bytes) -> None:
    ws = _sheet(workbook_bytes, "Rekap per OPD")
    assert ws["A1"].value == TITLE
    assert "1 November 2026 s.d. 30 November 2026" in str(ws["A2"].value)
    assert ws["A3"].value == "Cakupan: Semua OPD"
    header = [c.value for c in ws[HEADER_ROW]]
    assert header == AGENCY_HEADER
    assert all(c.font.bold for c in ws[HEADER_ROW])
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    assert ws.column_dimensions["B"].width == 42


def test_agency_values_and_total_row(workbook_bytes: bytes) -> None:
    rows = _rows(_sheet(workbook_bytes, "Rekap per OPD"))
    assert rows[0] == [1, "Dinas Contoh dan Percobaan", 12, 3, 2, 4, 1, 0, 1, 1, 12, 2]
    assert rows[2][1] == "Kecamatan Uji Coba"
    *body, total = rows
    assert total[1] == "TOTAL"
    for col in range(2, len(AGENCY_HEADER)):
        assert isinstance(total[col], int)
        assert total[col] == sum(int(r[col]) for r in body)
    assert total[2:] == [24, 4, 5, 5, 3, 1, 3, 2, 23, 3]


@pytest.mark.parametrize(("sheet", "count_col", "expected"),
                         [("Per Bentuk Pelanggaran", 3, 24), ("Per Platform", 2, 24), ("Per Minggu", 3, 24)])
def test_count_sheets_total(workbook_bytes: bytes, sheet: str, count_col: int, expected: int) -> None:
    *body, total = _rows(_sheet(workbook_bytes, sheet))
    assert total[1] == "TOTAL"
    assert total[count_col] == expected == sum(int(r[count_col]) for r in body)


def test_week_sheet_shows_iso_week_and_monday(workbook_bytes: bytes) -> None:
    rows = _rows(_sheet(workbook_bytes, "Per Minggu"))
    assert rows[0][1] == "2026-W44"
    assert str(rows[0][2]).startswith("2026-10-26")


def test_workbook_is_deterministic(workbook_bytes: bytes) -> None:
    assert render_recap_xlsx(recap_data()) == workbook_bytes


def test_formula_like_text_stays_text() -> None:
    rows = (AgencyRow("=SUM(A1:A9)", 1), AgencyRow("Dinas \x01 Kontrol", 2))
    data = recap_data(rows=rows, scope=("Dinas A", "Dinas B"))
    ws = _sheet(render_recap_xlsx(data), "Rekap per OPD")
    rows = _rows(ws)
    assert rows[0][1] == "=SUM(A1:A9)"
    assert ws.cell(HEADER_ROW + 1, 2).data_type == "s"
    assert rows[1][1] == "Dinas ? Kontrol"
    assert ws["A3"].value == "Cakupan: Dinas A, Dinas B"


def test_empty_recap_renders() -> None:
    data = recap_data(rows=(), forms=(), platforms=(), weeks=())
    rows = _rows(_sheet(render_recap_xlsx(data), "Rekap per OPD"))
    assert rows == [[None, "TOTAL", 0, *([0] * len(CASE_STATES)), 0, 0]]
    assert "TOTAL" in "\n".join(pdf_pages(render_recap_pdf(data)))


def test_recap_pdf() -> None:
    pdf = render_recap_pdf(recap_data())
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    assert reader.metadata is not None and reader.metadata.title == TITLE
    pages = pdf_pages(pdf)
    text = "\n".join(pages)
    assert TITLE in text
    for heading in ("A. Rekap per OPD", "B. Per Bentuk Pelanggaran", "C. Per Platform", "D. Per Minggu"):
        assert heading in text
    assert "Dinas Contoh dan Percobaan" in text and "2026-W47" in text and "26 Oktober 2026" in text
    # the agency TOTAL row, as the renderer computed it from the rows
    assert squash("TOTAL 24 4 5 5 3 1 3 2 23 3") in squash(text)
    assert f"Halaman 1 dari {len(pages)}" in pages[0]
    assert render_recap_pdf(recap_data()) == pdf


def test_recap_pdf_large_numbers_and_many_agencies() -> None:
    rows = tuple(AgencyRow(f"Dinas Contoh Nomor {i} dengan Nama yang Cukup Panjang", 1000 + i, temuan=i)
                 for i in range(80))
    pages = pdf_pages(render_recap_pdf(recap_data(rows=rows)))
    text = "\n".join(pages)
    assert len(pages) >= 3
    assert "DinasContohNomor79dengan" in squash(text)
    assert squash(f"TOTAL {sum(1000 + i for i in range(80)):,}".replace(",", ".")) in squash(text)
