"""Audit (admin, auditor): the hash-chained event log and verifying the chain."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from jaganetral.service import audit
from jaganetral.service.audit import ChainReport
from jaganetral.web.deps import AuditUser, StoreDep
from jaganetral.web.templating import render

router = APIRouter()
PAGE = 100


def _page(request: Request, viewer: AuditUser, store: StoreDep, halaman: int,
          report: ChainReport | None) -> Response:
    events = audit.list_events(store, viewer, PAGE, (halaman - 1) * PAGE)
    total = audit.count_events(store)
    return render(request, "audit.html", {"events": events, "total": total, "halaman": halaman,
                                          "pages": max(1, -(-total // PAGE)), "report": report})


@router.get("/audit")
def log(request: Request, viewer: AuditUser, store: StoreDep,
        halaman: Annotated[int, Query(ge=1)] = 1) -> Response:
    return _page(request, viewer, store, halaman, None)


@router.post("/audit/verifikasi")
def verify(request: Request, viewer: AuditUser, store: StoreDep) -> Response:
    return _page(request, viewer, store, 1, audit.verify_chain(store))
