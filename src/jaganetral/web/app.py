"""The application factory: ``create_app(settings)`` builds everything; nothing happens at import."""

from __future__ import annotations

import threading
from collections.abc import Callable
from importlib import resources
from typing import TypeVar

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from jaganetral.config import load_settings
from jaganetral.service.access import Forbidden, InvalidAction, NotFound
from jaganetral.service.case_rules import CaseRules, load_case_rules
from jaganetral.service.scanning import Detector, build_detector
from jaganetral.service.store import Store, open_store
from jaganetral.web.deps import LoginRequired
from jaganetral.web.jobs import ImportJobs
from jaganetral.web.routes import (
    audit,
    auth,
    cases,
    dashboard,
    findings,
    imports,
    people,
    registry,
    reports,
    users,
)
from jaganetral.web.security import LoginLimiter, RevokedSessions, SecurityHeaders, csrf_protect
from jaganetral.web.settings import WebSettings
from jaganetral.web.templating import make_environment, render

T = TypeVar("T")
STATUS_TITLES = {400: "Permintaan tidak dapat diproses", 401: "Perlu masuk", 403: "Akses ditolak",
                 404: "Tidak ditemukan", 405: "Metode tidak diizinkan", 413: "Berkas terlalu besar",
                 422: "Isian tidak sah", 429: "Terlalu banyak percobaan"}


def create_app(settings: WebSettings, store: Store | None = None, *, detector: Detector | None = None,
               rules: CaseRules | None = None) -> FastAPI:
    """Build the web application over ``store`` (opened from the settings when None)."""
    app = FastAPI(title="Jaga Netral", docs_url=None, redoc_url=None, openapi_url=None,
                  dependencies=[Depends(csrf_protect)])
    app.state.settings = settings
    app.state.store = store if store is not None else open_store(settings.store)
    app.state.jinja = make_environment()
    app.state.limiter = LoginLimiter(settings.login_max_failures, settings.login_window)
    app.state.revoked = RevokedSessions(settings.session_max_age)

    # Loaded on first use, once: concurrent first requests wait for one load (the packs take
    # seconds to parse; 20 threads parsing them at once under the GIL took tens of seconds).
    the_rules = once(lambda: rules if rules is not None else load_case_rules())
    the_detector = once(lambda: detector if detector is not None else build_detector(load_settings()))

    app.state.rules = the_rules
    app.state.jobs = ImportJobs(app.state.store, the_detector, settings.uploads)
    app.add_middleware(SessionMiddleware, secret_key=settings.secret_key, session_cookie=settings.cookie_name,
                       max_age=settings.session_max_age, same_site="lax", https_only=settings.cookie_secure)
    app.add_middleware(SecurityHeaders)
    static = resources.files("jaganetral.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    for module in (auth, dashboard, findings, cases, people, reports, registry, imports, audit, users):
        app.include_router(module.router)
    _handlers(app)
    return app


def once(make: Callable[[], T]) -> Callable[[], T]:
    """``make()`` called at most once, even by concurrent first callers; its value afterwards."""
    lock = threading.Lock()
    made: list[T] = []

    def get() -> T:
        if not made:
            with lock:
                if not made:
                    made.append(make())
        return made[0]
    return get


def error_page(request: Request, status: int, message: str) -> Response:
    response = render(request, "error.html", {"status": status, "title": STATUS_TITLES.get(status, "Galat"),
                                              "message": message}, status=status)
    if status == 401:
        response.headers["WWW-Authenticate"] = "Session"
    return response


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse(exc.next_url, status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) and exc.status_code != 404 else ""
        return error_page(request, exc.status_code, message or "Halaman atau data yang diminta tidak ada.")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        fields = sorted({str(e["loc"][-1]) for e in exc.errors() if e.get("loc")})
        return error_page(request, 422, "Isian tidak sah: " + ", ".join(fields))

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden) -> Response:
        return error_page(request, 403, str(exc))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return error_page(request, 404, str(exc))

    @app.exception_handler(InvalidAction)
    async def invalid_action(request: Request, exc: InvalidAction) -> Response:
        return error_page(request, 400, str(exc))
