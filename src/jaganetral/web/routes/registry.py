"""Registri (admin): upload an employee roster; it is imported all-or-nothing unless "sebagian"."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import Response

from jaganetral.ingest.roster import RosterError
from jaganetral.service.registry import RegistryError, import_roster
from jaganetral.web.deps import AdminUser, StoreDep
from jaganetral.web.templating import WIB, render

router = APIRouter()
SUFFIXES = (".csv", ".xlsx")


@router.get("/registri")
def page(request: Request, viewer: AdminUser) -> Response:
    return render(request, "registry.html", {"report": None, "error": None, "filename": None})


@router.post("/registri")
def upload(request: Request, viewer: AdminUser, store: StoreDep, berkas: Annotated[UploadFile, File()],
           sebagian: Annotated[str, Form()] = "") -> Response:
    name = (berkas.filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    suffix = Path(name).suffix.lower()
    context: dict[str, object] = {"report": None, "error": None, "filename": name}
    if suffix not in SUFFIXES:
        context["error"] = "berkas daftar pegawai harus .csv atau .xlsx"
        return render(request, "registry.html", context, status=400)
    with tempfile.TemporaryDirectory(prefix="jn-roster-") as folder:
        path = Path(folder) / f"daftar{suffix}"
        path.write_bytes(berkas.file.read())
        try:
            context["report"] = import_roster(store, path, dt.datetime.now(WIB).date(), partial=bool(sebagian),
                                              actor=viewer.username)
        except (RosterError, RegistryError) as exc:
            context["error"] = f"daftar pegawai tidak dapat dibaca, tidak ada yang disimpan: {exc}"
            return render(request, "registry.html", context, status=400)
    return render(request, "registry.html", context)
