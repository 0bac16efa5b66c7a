"""Typed dependencies of the routes: the store, the settings, the current user and role checks.

Anonymous requests: an HTML GET is redirected (303) to ``/login?next=…``; anything else gets 401.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request

from jaganetral.service.access import ROLE_LABELS, Viewer
from jaganetral.service.case_rules import CaseRules
from jaganetral.service.store import Store
from jaganetral.service.users import viewer_for
from jaganetral.web.security import session_user_id
from jaganetral.web.settings import WebSettings


class LoginRequired(Exception):
    """Raised for an anonymous HTML GET; the app turns it into a redirect to the login page."""

    def __init__(self, next_url: str) -> None:
        super().__init__(next_url)
        self.next_url = next_url


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_settings(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


def get_rules(request: Request) -> CaseRules:
    rules: CaseRules = request.app.state.rules()
    return rules


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[WebSettings, Depends(get_settings)]
RulesDep = Annotated[CaseRules, Depends(get_rules)]


def _wants_redirect(request: Request) -> bool:
    return (request.method == "GET" and "hx-request" not in request.headers
            and "application/json" not in request.headers.get("accept", ""))


def get_viewer(request: Request, store: StoreDep) -> Viewer:
    user_id = session_user_id(request)
    viewer = viewer_for(store, user_id) if user_id is not None else None
    if viewer is None:
        if _wants_redirect(request):
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            raise LoginRequired("/login?next=" + quote(target, safe=""))
        raise HTTPException(status_code=401, detail="Silakan masuk terlebih dahulu.",
                            headers={"WWW-Authenticate": "Session"})
    request.state.viewer = viewer
    return viewer


CurrentUser = Annotated[Viewer, Depends(get_viewer)]


def require_roles(*roles: str) -> Callable[[Viewer], Coroutine[Any, Any, Viewer]]:
    """A dependency: the current user, who must have one of ``roles`` (403 otherwise)."""
    allowed = frozenset(roles)

    async def check(viewer: CurrentUser) -> Viewer:
        if viewer.role not in allowed:
            label = ROLE_LABELS.get(viewer.role, viewer.role)
            raise HTTPException(status_code=403, detail=f"Halaman ini tidak untuk peran {label}.")
        return viewer

    return check


AdminUser = Annotated[Viewer, Depends(require_roles("admin"))]
AuditUser = Annotated[Viewer, Depends(require_roles("admin", "auditor"))]
TriageUser = Annotated[Viewer, Depends(require_roles("admin", "pengawas", "verifikator"))]
ImportUser = Annotated[Viewer, Depends(require_roles("admin", "pengawas"))]
