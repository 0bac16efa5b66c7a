"""Impor: upload exports; the import runs in a background thread and the page polls its progress."""

from __future__ import annotations

import shutil
from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from jaganetral.web.deps import ImportUser, SettingsDep
from jaganetral.web.jobs import ImportJobs
from jaganetral.web.templating import render

router = APIRouter()
CHUNK = 1024 * 1024


def _jobs(request: Request) -> ImportJobs:
    jobs: ImportJobs = request.app.state.jobs
    return jobs


def _clean_name(name: str, index: int) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip().lstrip(".")
    safe = "".join(ch if ch.isalnum() or ch in "._- ()" else "_" for ch in base)[:150]
    return f"{index:03d}-{safe or 'berkas'}"


@router.get("/impor")
def page(request: Request, viewer: ImportUser) -> Response:
    return render(request, "imports.html", {"jobs": _jobs(request).recent(), "error": None})


@router.post("/impor")
def upload(request: Request, viewer: ImportUser, settings: SettingsDep,
           berkas: Annotated[list[UploadFile], File()], pemilik: Annotated[str, Form()] = "") -> Response:
    jobs = _jobs(request)
    folder = jobs.new_folder()
    total = 0
    try:
        for i, item in enumerate(berkas):
            if not item.filename:
                continue
            with (folder / _clean_name(item.filename, i)).open("wb") as out:
                while chunk := item.file.read(CHUNK):
                    total += len(chunk)
                    if total > settings.max_upload:
                        raise HTTPException(status_code=413, detail="berkas yang diunggah terlalu besar")
                    out.write(chunk)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    if not any(folder.iterdir()):
        shutil.rmtree(folder, ignore_errors=True)
        return render(request, "imports.html", {"jobs": jobs.recent(),
                                                "error": "pilih paling sedikit satu berkas ekspor"}, status=400)
    job = jobs.start(viewer.username, folder, pemilik.strip() or None)
    return RedirectResponse(f"/impor/{job.id}", status_code=303)


@router.get("/impor/{job_id}")
def progress(request: Request, job_id: int, viewer: ImportUser) -> Response:
    job = _jobs(request).get(job_id)
    if job is None:
        raise HTTPException(status_code=404)
    return render(request, "import_job.html", {"job": job})
