"""Jinja2 with autoescaping on, and :func:`render`, which every page goes through."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from jaganetral.reports.text import kind_label, stance_label
from jaganetral.service.access import ROLE_LABELS, Viewer
from jaganetral.web.highlight import highlight
from jaganetral.web.security import CSRF_FIELD, csrf_token, take_flashes

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
NAV: tuple[tuple[str, str, frozenset[str] | None], ...] = (
    ("/", "Dasbor", None),
    ("/temuan", "Temuan", None),
    ("/kasus", "Kasus", None),
    ("/impor", "Impor", frozenset({"admin", "pengawas"})),
    ("/registri", "Registri", frozenset({"admin"})),
    ("/audit", "Audit", frozenset({"admin", "auditor"})),
    ("/pengguna", "Pengguna", frozenset({"admin"})),
)


def waktu(value: dt.datetime | None) -> str:
    if value is None:
        return "-"
    return value.astimezone(WIB).strftime("%d-%m-%Y %H:%M WIB")


def tanggal(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, dt.datetime):
        value = value.astimezone(WIB).date()
    return value.strftime("%d-%m-%Y")


def skor(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def make_environment() -> Environment:
    folder = resources.files("jaganetral.web") / "templates"
    env = Environment(loader=FileSystemLoader(str(folder)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(waktu=waktu, tanggal=tanggal, skor=skor, highlight=highlight, jenis=kind_label,
                       sikap=stance_label)
    env.globals["ROLE_LABELS"] = ROLE_LABELS
    return env


def csrf_input(request: Request) -> Markup:
    return Markup('<input type="hidden" name="{}" value="{}">').format(CSRF_FIELD, csrf_token(request))


def render(request: Request, name: str, context: dict[str, Any] | None = None, status: int = 200) -> HTMLResponse:
    env: Environment = request.app.state.jinja
    viewer: Viewer | None = getattr(request.state, "viewer", None)
    nav = [(href, label) for href, label, roles in NAV
           if viewer is not None and (roles is None or viewer.role in roles)]
    html = env.get_template(name).render(
        request=request, viewer=viewer, nav=nav, csrf_input=csrf_input(request), csrf_value=csrf_token(request),
        flashes=take_flashes(request), path=request.url.path, demo=request.app.state.settings.demo,
        **(context or {}))
    return HTMLResponse(html, status_code=status)
