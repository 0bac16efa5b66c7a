"""Temuan: the review queue (filters, bulk dismiss/open case) and one finding in detail."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from jaganetral.service import cases, review
from jaganetral.service.access import AccessError, InvalidAction
from jaganetral.web.deps import CurrentUser, RulesDep, StoreDep, TriageUser
from jaganetral.web.routes.forms import back_to, ids, opt_date, opt_float, opt_int
from jaganetral.web.security import flash
from jaganetral.web.templating import render

router = APIRouter()
PAGE = 50
PLATFORMS = ("facebook", "instagram", "x", "tiktok", "telegram", "whatsapp")
STATUSES = {"baru": "Belum ditinjau", "kasus": "Menjadi kasus", "ditolak": "Ditolak", "semua": "Semua"}


@router.get("/temuan")
def queue(request: Request, viewer: CurrentUser, store: StoreDep, rules: RulesDep,
          opd: str | None = None, pelanggaran: str | None = None, platform: str | None = None,
          dari: str | None = None, sampai: str | None = None, skor_min: str | None = None,
          status: str = "baru", halaman: Annotated[int, Query(ge=1)] = 1) -> Response:
    q = review.QueueFilter(agency_id=opt_int(opd), violation=pelanggaran or None, platform=platform or None,
                           since=opt_date(dari), until=opt_date(sampai, end=True), min_score=opt_float(skor_min),
                           status=status if status in STATUSES else "baru")
    page = review.queue(store, viewer, q, PAGE, (halaman - 1) * PAGE)
    filters = {"opd": opd or "", "pelanggaran": pelanggaran or "", "platform": platform or "", "dari": dari or "",
               "sampai": sampai or "", "skor_min": skor_min or "", "status": q.status}
    query = urlencode({k: v for k, v in filters.items() if v})
    return render(request, "findings.html", {
        "page": page, "filters": filters, "query": query, "halaman": halaman,
        "pages": max(1, -(-page.total // PAGE)), "more": not page.exact, "agencies": review.agencies(store, viewer),
        "forms": rules.forms, "platforms": PLATFORMS, "statuses": STATUSES,
        "here": request.url.path + (f"?{request.url.query}" if request.url.query else "")})


@router.get("/temuan/{finding_id}")
def detail(request: Request, finding_id: int, viewer: CurrentUser, store: StoreDep, rules: RulesDep) -> Response:
    found = review.finding_detail(store, viewer, finding_id)
    return render(request, "finding.html", {"f": found.row, "spans": found.spans, "history": found.history,
                                            "forms": rules.forms, "states": rules.procedure.labels()})


@router.post("/temuan/tolak")
def dismiss(request: Request, viewer: TriageUser, store: StoreDep, temuan: Annotated[list[str], Form()],
            alasan: Annotated[str, Form()] = "", kembali: Annotated[str, Form()] = "/temuan") -> Response:
    target = back_to(kembali, "/temuan")
    try:
        n = review.dismiss(store, viewer, ids(temuan), alasan)
    except InvalidAction as exc:
        flash(request, str(exc), "galat")
    else:
        flash(request, f"{n} temuan ditolak.", "ok")
    return RedirectResponse(target, status_code=303)


@router.post("/temuan/kasus")
def open_cases(request: Request, viewer: TriageUser, store: StoreDep, rules: RulesDep,
               temuan: Annotated[list[str], Form()], catatan: Annotated[str, Form()] = "",
               kembali: Annotated[str, Form()] = "/temuan") -> Response:
    opened: list[int] = []
    problems: list[str] = []
    for finding_id in ids(temuan):
        try:
            opened.append(cases.open_case(store, viewer, finding_id, catatan, rules))
        except AccessError as exc:
            problems.append(f"temuan {finding_id}: {exc}")
    if opened:
        flash(request, f"{len(opened)} kasus dibuka.", "ok")
    for problem in problems:
        flash(request, problem, "galat")
    if len(opened) == 1 and not problems:
        return RedirectResponse(f"/kasus/{opened[0]}", status_code=303)
    return RedirectResponse(back_to(kembali, "/temuan"), status_code=303)
