"""Pengguna (admin): list users, create one, reset a password, (de)activate, set a pimpinan's agencies."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from jaganetral.service import users
from jaganetral.service.access import ROLES
from jaganetral.service.users import UserError
from jaganetral.web.deps import AdminUser, StoreDep
from jaganetral.web.security import flash
from jaganetral.web.templating import render

router = APIRouter()


def _page(request: Request, store: StoreDep, error: str | None = None, status: int = 200) -> Response:
    return render(request, "users.html", {"users": users.list_users(store), "roles": ROLES,
                                          "agencies": users.agency_options(store), "error": error},
                  status=status)


@router.get("/pengguna")
def listing(request: Request, viewer: AdminUser, store: StoreDep) -> Response:
    return _page(request, store)


@router.post("/pengguna")
def create(request: Request, viewer: AdminUser, store: StoreDep, username: Annotated[str, Form()],
           password: Annotated[str, Form()], peran: Annotated[str, Form()], nama: Annotated[str, Form()] = "",
           opd: Annotated[list[str] | None, Form()] = None) -> Response:
    try:
        users.create_user(store, viewer.username, username, password, peran, nama, opd or [])
    except UserError as exc:
        return _page(request, store, str(exc), status=400)
    flash(request, f"Pengguna {username.strip().lower()} dibuat.", "ok")
    return RedirectResponse("/pengguna", status_code=303)


@router.post("/pengguna/{username}/sandi")
def password(request: Request, username: str, viewer: AdminUser, store: StoreDep,
             password: Annotated[str, Form()]) -> Response:
    try:
        users.set_password(store, viewer.username, username, password)
    except UserError as exc:
        flash(request, str(exc), "galat")
    else:
        flash(request, f"Kata sandi {username} diganti.", "ok")
    return RedirectResponse("/pengguna", status_code=303)


@router.post("/pengguna/{username}/aktif")
def active(request: Request, username: str, viewer: AdminUser, store: StoreDep,
           aktif: Annotated[str, Form()] = "") -> Response:
    try:
        users.set_active(store, viewer.username, username, aktif == "1")
    except UserError as exc:
        flash(request, str(exc), "galat")
    else:
        flash(request, f"Pengguna {username} {'diaktifkan' if aktif == '1' else 'dinonaktifkan'}.", "ok")
    return RedirectResponse("/pengguna", status_code=303)


@router.post("/pengguna/{username}/opd")
def agencies(request: Request, username: str, viewer: AdminUser, store: StoreDep,
             opd: Annotated[list[str] | None, Form()] = None) -> Response:
    try:
        users.assign_agencies(store, viewer.username, username, opd or [])
    except UserError as exc:
        flash(request, str(exc), "galat")
    else:
        flash(request, f"OPD pimpinan {username} diperbarui.", "ok")
    return RedirectResponse("/pengguna", status_code=303)
