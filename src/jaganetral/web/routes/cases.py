"""Kasus: the list (overdue highlighted), one case with its timeline and the actions allowed now."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from jaganetral.service import cases, review
from jaganetral.service.access import InvalidAction
from jaganetral.service.cases import DOC_KINDS, CaseFilter, UploadedDocument
from jaganetral.web.deps import CurrentUser, RulesDep, StoreDep
from jaganetral.web.routes.forms import opt_int
from jaganetral.web.security import flash
from jaganetral.web.templating import WIB, render

router = APIRouter()
ACTION_LABELS = {
    "lanjut": "Lanjutkan ke tahap berikutnya",
    "klarifikasi": "Catat klarifikasi pegawai",
    "sanksi": "Usulkan sanksi",
    "keputusan_ppk": "Catat keputusan PPK",
    "catatan": "Tambah catatan",
    "dokumen": "Unggah dokumen",
    "hentikan": "Hentikan kasus",
}


def today() -> dt.date:
    return dt.datetime.now(WIB).date()


@router.get("/kasus")
def case_list(request: Request, viewer: CurrentUser, store: StoreDep, rules: RulesDep, tahap: str | None = None,
              opd: str | None = None, terlambat: str | None = None) -> Response:
    rows = cases.list_cases(store, viewer, CaseFilter(state=tahap or None, agency_id=opt_int(opd),
                                                      overdue=bool(terlambat)))
    day = today()
    return render(request, "cases.html", {
        "rows": rows, "overdue": {r["id"] for r in rows if cases.is_overdue(r, day)},
        "states": rules.procedure.labels(), "agencies": review.agencies(store, viewer),
        "filters": {"tahap": tahap or "", "opd": opd or "", "terlambat": bool(terlambat)}})


@router.get("/kasus/{case_id}")
def case_page(request: Request, case_id: int, viewer: CurrentUser, store: StoreDep, rules: RulesDep) -> Response:
    detail = cases.case_detail(store, viewer, case_id, rules)
    state = rules.procedure.state(detail.case["state"])
    return render(request, "case.html", {
        "d": detail, "c": detail.case, "f": detail.finding.row, "spans": detail.finding.spans,
        "states": rules.procedure.labels(), "state": state, "actions": ACTION_LABELS,
        "doc_kinds": DOC_KINDS, "forms": rules.forms,
        "next_label": rules.procedure.labels().get(state.next or "", "")})


@router.post("/kasus/{case_id}/tindakan")
def act(request: Request, case_id: int, viewer: CurrentUser, store: StoreDep, rules: RulesDep,
        tindakan: Annotated[str, Form()], dokumen: Annotated[UploadFile | None, File()] = None,
        jenis: Annotated[str, Form()] = "lainnya", catatan: Annotated[str, Form()] = "",
        pernyataan: Annotated[str, Form()] = "", sanksi: Annotated[str, Form()] = "",
        alasan: Annotated[str, Form()] = "", keputusan: Annotated[str, Form()] = "") -> Response:
    fields = {"catatan": catatan, "pernyataan": pernyataan, "sanksi": sanksi, "alasan": alasan,
              "keputusan": keputusan}
    document = None
    if dokumen is not None and dokumen.filename:
        data = dokumen.file.read(cases.MAX_DOCUMENT + 1)
        if data:
            name = dokumen.filename.replace("\\", "/").rsplit("/", 1)[-1]
            document = UploadedDocument(name, dokumen.content_type, data, jenis)
    try:
        cases.act(store, viewer, case_id, tindakan, fields, rules, document)
    except InvalidAction as exc:
        flash(request, str(exc), "galat")
    else:
        flash(request, f"Tindakan dicatat: {ACTION_LABELS.get(tindakan, tindakan)}.", "ok")
    return RedirectResponse(f"/kasus/{case_id}", status_code=303)


@router.get("/kasus/{case_id}/dokumen/{document_id}")
def document(case_id: int, document_id: int, viewer: CurrentUser, store: StoreDep) -> Response:
    doc, data = cases.document_bytes(store, viewer, case_id, document_id)
    name = "".join(ch if ch.isalnum() or ch in "._- " else "_" for ch in doc["filename"]) or "dokumen"
    return Response(data, media_type="application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
