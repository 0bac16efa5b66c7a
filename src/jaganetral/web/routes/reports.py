"""Report downloads: one case as PDF, and the recap of a period as PDF or XLSX (scoped like the pages)."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

from jaganetral.reports import render_case_pdf, render_recap_pdf, render_recap_xlsx
from jaganetral.service import report_data
from jaganetral.web.deps import CurrentUser, RulesDep, StoreDep
from jaganetral.web.routes.forms import opt_int
from jaganetral.web.templating import WIB

router = APIRouter()
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _attachment(data: bytes, media_type: str, filename: str) -> Response:
    return Response(data, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def period(dari: str | None, sampai: str | None) -> tuple[dt.date, dt.date]:
    """The recap's days: ``dari``..``sampai`` (YYYY-MM-DD); by default the current month up to today (WIB)."""
    today = dt.datetime.now(WIB).date()
    try:
        start = dt.date.fromisoformat(dari) if dari else today.replace(day=1)
        end = dt.date.fromisoformat(sampai) if sampai else today
    except ValueError:
        raise HTTPException(status_code=400, detail="tanggal tidak sah (pakai TTTT-BB-HH)") from None
    return start, end


@router.get("/kasus/{case_id}/laporan.pdf")
def case_report(case_id: int, viewer: CurrentUser, store: StoreDep, rules: RulesDep) -> Response:
    data = report_data.case_report(store, viewer, case_id, rules)
    return _attachment(render_case_pdf(data), "application/pdf", f"laporan-kasus-{case_id}.pdf")


@router.get("/rekap.pdf")
def recap_pdf(viewer: CurrentUser, store: StoreDep, rules: RulesDep, dari: str | None = None,
              sampai: str | None = None, opd: str | None = None) -> Response:
    start, end = period(dari, sampai)
    data = report_data.recap(store, viewer, rules, start, end, opt_int(opd))
    return _attachment(render_recap_pdf(data), "application/pdf", f"rekap-{start}-{end}.pdf")


@router.get("/rekap.xlsx")
def recap_xlsx(viewer: CurrentUser, store: StoreDep, rules: RulesDep, dari: str | None = None,
               sampai: str | None = None, opd: str | None = None) -> Response:
    start, end = period(dari, sampai)
    data = report_data.recap(store, viewer, rules, start, end, opt_int(opd))
    return _attachment(render_recap_xlsx(data), XLSX, f"rekap-{start}-{end}.xlsx")
