"""Session, CSRF, login rate limiting and security headers.

* The session is Starlette's signed cookie (itsdangerous): HttpOnly, SameSite=Lax, Secure when
  ``cookie_secure``. It holds a random session id, the CSRF token and, once logged in, the user id.
  Logging in clears it and issues a new session id and CSRF token (no session fixation).
* CSRF: every POST (and any other unsafe method) must carry the session's token, in the form field
  ``csrf_token`` or the ``X-CSRF-Token`` header; otherwise 403 and nothing runs.
* Logging out revokes the session id in this process, so a copied cookie stops working too.
* Login rate limit: ``max_failures`` failed logins per username and address within ``window`` seconds.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from fastapi import HTTPException, Request
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


def _session(request: Request) -> dict[str, Any]:
    session: dict[str, Any] = request.session
    if "sid" not in session:
        session["sid"] = secrets.token_urlsafe(24)
    return session


def csrf_token(request: Request) -> str:
    """The session's CSRF token (created on first use)."""
    session = _session(request)
    token = session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def start_session(request: Request, user_id: int) -> None:
    """After a successful login: a fresh session id and CSRF token, then the user."""
    request.session.clear()
    request.session.update({"sid": secrets.token_urlsafe(24), "csrf": secrets.token_urlsafe(32),
                            "uid": user_id})


def end_session(request: Request) -> None:
    """Log out: the session id is revoked (a copy of the old cookie no longer works), then cleared."""
    sid = request.session.get("sid")
    if isinstance(sid, str):
        revoked: RevokedSessions = request.app.state.revoked
        revoked.revoke(sid)
    request.session.clear()


def session_user_id(request: Request) -> int | None:
    uid = request.session.get("uid")
    sid = request.session.get("sid")
    revoked: RevokedSessions = request.app.state.revoked
    if not isinstance(uid, int) or not isinstance(sid, str) or revoked.is_revoked(sid):
        return None
    return uid


class RevokedSessions:
    """Session ids logged out before their cookie expires (in this process; kept until the cookie would expire)."""

    def __init__(self, ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl, self.clock = ttl, clock
        self._until: dict[str, float] = {}
        self._lock = threading.Lock()

    def revoke(self, sid: str) -> None:
        with self._lock:
            now = self.clock()
            self._until = {k: t for k, t in self._until.items() if t > now}
            self._until[sid] = now + self.ttl

    def is_revoked(self, sid: str) -> bool:
        with self._lock:
            until = self._until.get(sid)
            return until is not None and until > self.clock()


async def csrf_protect(request: Request) -> None:
    """An app-wide dependency: unsafe methods need the session's CSRF token (403 otherwise)."""
    if request.method in SAFE_METHODS:
        return
    expected = request.session.get("csrf")
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    if not isinstance(expected, str) or not sent or not hmac.compare_digest(expected, sent):
        raise HTTPException(status_code=403, detail="Token keamanan formulir (CSRF) tidak ada atau tidak cocok. "
                                                    "Muat ulang halaman lalu coba lagi.")


def flash(request: Request, message: str, kind: str = "info") -> None:
    """A message shown once on the next page."""
    messages = list(request.session.get("flash", []))
    messages.append([kind, message])
    request.session["flash"] = messages[-5:]


def take_flashes(request: Request) -> list[tuple[str, str]]:
    messages = request.session.pop("flash", [])
    return [(str(k), str(m)) for k, m in messages]


class LoginLimiter:
    """Failed logins per (username, address) in a sliding window; thread-safe, in memory."""

    def __init__(self, max_failures: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_failures, self.window, self.clock = max_failures, window, clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str]) -> deque[float]:
        stamps = self._failures.setdefault(key, deque())
        cutoff = self.clock() - self.window
        while stamps and stamps[0] <= cutoff:
            stamps.popleft()
        return stamps

    def blocked(self, username: str, address: str) -> bool:
        with self._lock:
            return len(self._recent((username.strip().lower(), address))) >= self.max_failures

    def failed(self, username: str, address: str) -> None:
        with self._lock:
            self._recent((username.strip().lower(), address)).append(self.clock())

    def succeeded(self, username: str, address: str) -> None:
        with self._lock:
            self._failures.pop((username.strip().lower(), address), None)


class SecurityHeaders:
    """Adds the security headers (CSP without inline scripts) to every response; no caching of pages."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith("/static/")

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
                if not static:
                    headers.setdefault("cache-control", "no-store")
            await send(message)

        await self.app(scope, receive, wrapped)
