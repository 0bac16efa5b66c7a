"""Masuk (login) and keluar (logout)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from jaganetral.service.users import authenticate
from jaganetral.web.deps import SettingsDep, StoreDep
from jaganetral.web.security import LoginLimiter, end_session, session_user_id, start_session
from jaganetral.web.templating import render

router = APIRouter()


def safe_next(value: str | None) -> str:
    """Only a path on this site (never //host or a scheme) may follow a login."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


@router.get("/login")
async def login_page(request: Request, next: str | None = None) -> Response:
    if session_user_id(request) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, "login.html", {"next": safe_next(next), "error": None, "username": ""})


@router.post("/login")
def login(request: Request, store: StoreDep, settings: SettingsDep, username: Annotated[str, Form()] = "",
          password: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "/") -> Response:
    limiter: LoginLimiter = request.app.state.limiter
    address = request.client.host if request.client else "-"
    context = {"next": safe_next(next), "username": username}
    if limiter.blocked(username, address):
        minutes = max(1, settings.login_window // 60)
        return render(request, "login.html", dict(context, error=(
            f"Terlalu banyak percobaan masuk yang gagal. Tunggu {minutes} menit lalu coba lagi.")), status=429)
    viewer = authenticate(store, username, password)
    if viewer is None:
        limiter.failed(username, address)
        return render(request, "login.html", dict(context, error="Nama pengguna atau kata sandi salah."),
                      status=401)
    limiter.succeeded(username, address)
    start_session(request, viewer.user_id)
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout")
async def logout(request: Request) -> Response:
    end_session(request)
    return RedirectResponse("/login", status_code=303)
