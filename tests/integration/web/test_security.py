"""CSRF, XSS, login rate limiting, session rotation, cookie flags and security headers (SQLite)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from integration.web.conftest import csrf_of, login
from integration.web.seed import PASSWORD, World
from jaganetral.config import StoreSettings
from jaganetral.service import review
from jaganetral.service.store import Store
from jaganetral.service.users import viewer_for
from jaganetral.web.security import LoginLimiter


@pytest.fixture
def store_settings(tmp_path: Path) -> StoreSettings:
    """SQLite only: these checks are about the web edge, not the database."""
    return StoreSettings(data_dir=tmp_path / "data")


def _undecided(store: Store, finding_id: int) -> bool:
    admin = viewer_for(store, 1)
    assert admin is not None
    return review.finding_detail(store, admin, finding_id).row["decision"] is None


@pytest.mark.parametrize("token", [None, "", "salah", "x" * 43])
def test_post_without_the_right_csrf_token_is_refused_and_changes_nothing(
        as_role: Callable[[str], TestClient], store: Store, world: World, token: str | None) -> None:
    client = as_role("admin")
    data = {"temuan": str(world.findings_a[0]), "alasan": "bukan kampanye, hanya berita"}
    if token is not None:
        data["csrf_token"] = token
    r = client.post("/temuan/tolak", data=data)
    assert r.status_code == 403
    assert "CSRF" in r.text
    assert _undecided(store, world.findings_a[0])


def test_post_with_the_csrf_token_works_in_the_form_or_the_header(
        as_role: Callable[[str], TestClient], store: Store, world: World) -> None:
    client = as_role("admin")
    token = csrf_of(client, "/temuan")
    r = client.post("/temuan/tolak", data={"temuan": str(world.findings_a[0]), "alasan": "hanya berita biasa",
                                           "csrf_token": token})
    assert r.status_code == 303
    assert not _undecided(store, world.findings_a[0])
    r = client.post("/temuan/tolak", data={"temuan": str(world.findings_b[0]), "alasan": "hanya berita biasa"},
                    headers={"X-CSRF-Token": token})
    assert r.status_code == 303
    assert not _undecided(store, world.findings_b[0])


def test_a_token_from_another_session_is_refused(app_factory: Callable[..., TestClient],
                                                 as_role: Callable[[str], TestClient], world: World) -> None:
    with app_factory() as other:
        login(other, "pengawas")
        foreign = csrf_of(other, "/")
    client = as_role("admin")
    r = client.post("/audit/verifikasi", data={"csrf_token": foreign})
    assert r.status_code == 403


def test_logout_needs_csrf_too(as_role: Callable[[str], TestClient]) -> None:
    client = as_role("admin")
    assert client.post("/logout").status_code == 403
    assert client.get("/").status_code == 200
    assert client.post("/logout", data={"csrf_token": csrf_of(client, "/")}).status_code == 303
    assert client.get("/").status_code == 303


def test_script_in_a_post_is_shown_inert(as_role: Callable[[str], TestClient], store: Store, world: World) -> None:
    client = as_role("admin")
    pages = ["/temuan", f"/pegawai/{world.employee_a}"] + [f"/temuan/{f}" for f in world.findings_a]
    seen_escaped = False
    for path in pages:
        html = client.get(path).text
        assert "<script>alert(1)</script>" not in html, path
        assert "<img src=x" not in html, path
        assert "onerror=alert(1)>" not in html, path
        seen_escaped |= "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert seen_escaped
    assert "<script" not in client.get("/").text


def test_login_is_rate_limited_per_username_and_address(client: TestClient, world: World) -> None:
    token = csrf_of(client)
    for _ in range(5):
        r = client.post("/login", data={"username": "admin", "password": "salah-salah-salah", "csrf_token": token})
        assert r.status_code == 401
        assert "salah" in r.text
    r = client.post("/login", data={"username": "admin", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 429
    assert "Terlalu banyak percobaan masuk" in r.text
    r = client.post("/login", data={"username": "pengawas", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 303  # another username is not blocked


def test_limiter_forgets_old_failures_and_a_success_clears_them() -> None:
    now = [0.0]
    limiter = LoginLimiter(3, 60, clock=lambda: now[0])
    for _ in range(3):
        limiter.failed("Admin", "10.0.0.1")
    assert limiter.blocked("admin", "10.0.0.1")
    assert not limiter.blocked("admin", "10.0.0.2")
    now[0] = 61.0
    assert not limiter.blocked("admin", "10.0.0.1")
    limiter.failed("admin", "10.0.0.1")
    limiter.succeeded("admin", "10.0.0.1")
    assert not limiter.blocked("admin", "10.0.0.1")


def test_unknown_and_inactive_users_cannot_log_in(as_role: Callable[[str], TestClient], client: TestClient,
                                                  world: World) -> None:
    token = csrf_of(client)
    assert client.post("/login", data={"username": "tidak-ada", "password": PASSWORD,
                                       "csrf_token": token}).status_code == 401
    admin = as_role("admin")
    r = admin.post("/pengguna/auditor/aktif", data={"aktif": "0", "csrf_token": csrf_of(admin, "/pengguna")})
    assert r.status_code == 303
    admin.cookies.clear()
    token = csrf_of(admin)
    assert admin.post("/login", data={"username": "auditor", "password": PASSWORD,
                                      "csrf_token": token}).status_code == 401


def test_deactivating_a_user_ends_their_session(app_factory: Callable[..., TestClient],
                                                as_role: Callable[[str], TestClient], world: World) -> None:
    with app_factory() as pengawas:
        login(pengawas, "pengawas")
        assert pengawas.get("/").status_code == 200
        admin = as_role("admin")
        admin.post("/pengguna/pengawas/aktif", data={"aktif": "0", "csrf_token": csrf_of(admin, "/pengguna")})
        assert pengawas.get("/").status_code == 303


def test_login_rotates_the_session_and_its_csrf_token(client: TestClient, world: World) -> None:
    before_token = csrf_of(client)
    before_cookie = client.cookies.get("jn_sesi")
    login(client, "admin")
    assert client.cookies.get("jn_sesi") != before_cookie
    assert csrf_of(client, "/") != before_token


def test_cookie_flags_and_security_headers(app_factory: Callable[..., TestClient], world: World) -> None:
    with app_factory(cookie_secure=True) as client:
        r = client.get("/login")
        cookie = r.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie and "secure" in cookie
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["cache-control"] == "no-store"
        assert "<script" not in r.text
    with app_factory() as client:
        assert "secure" not in client.get("/login").headers["set-cookie"].lower().replace("samesite", "")


def test_a_tampered_session_cookie_is_ignored(client: TestClient, world: World) -> None:
    login(client, "admin")
    value = client.cookies.get("jn_sesi") or ""
    client.cookies.set("jn_sesi", value[:-3] + ("AAA" if not value.endswith("AAA") else "BBB"))
    assert client.get("/").status_code == 303


def test_a_copy_of_the_cookie_stops_working_after_logout(client: TestClient, world: World) -> None:
    login(client, "admin")
    stolen = client.cookies.get("jn_sesi") or ""
    assert client.post("/logout", data={"csrf_token": csrf_of(client, "/")}).status_code == 303
    client.cookies.set("jn_sesi", stolen)
    assert client.get("/").status_code == 303
