"""Every route × every role: the status each must get (on SQLite and PostgreSQL).

The seeded pimpinan is limited to agency A ("Dinas Contoh Satu"): everything of agency B is 403 for
them, whatever the URL. Missing things are 404 for everybody allowed to open that kind of page.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from integration.web.conftest import csrf_of
from integration.web.seed import World
from jaganetral.service import cases
from jaganetral.service.case_rules import CaseRules
from jaganetral.service.store import Store
from jaganetral.service.users import viewer_for
from jaganetral.store.tables_review import users

ROLES = ("admin", "pengawas", "verifikator", "pimpinan", "auditor")
ALL = dict.fromkeys(ROLES, 200)


def only(*roles: str, ok: int = 200, other: int = 403) -> dict[str, int]:
    return {r: ok if r in roles else other for r in ROLES}


def _open_cases(store: Store, world: World, rules: CaseRules) -> tuple[int, int]:
    with store.read() as conn:
        admin_id = conn.execute(users.select().where(users.c.username == "admin")).mappings().one()["id"]
    admin = viewer_for(store, int(admin_id))
    assert admin is not None
    return (cases.open_case(store, admin, world.findings_a[-1], "uji", rules),
            cases.open_case(store, admin, world.findings_b[0], "uji", rules))


def get_table(w: World, case_a: int, case_b: int) -> list[tuple[str, dict[str, int]]]:
    scoped = {**ALL, "pimpinan": 403}
    return [
        ("/", ALL),
        ("/temuan", ALL),
        ("/temuan?status=semua&skor_min=0.5&platform=x&dari=2024-01-01&sampai=2024-12-31", ALL),
        (f"/temuan/{w.findings_a[0]}", ALL),
        (f"/temuan/{w.findings_b[0]}", scoped),
        ("/temuan/999999", dict.fromkeys(ROLES, 404)),
        ("/kasus", ALL),
        ("/kasus?terlambat=1", ALL),
        (f"/kasus/{case_a}", ALL),
        (f"/kasus/{case_b}", scoped),
        ("/kasus/999999", dict.fromkeys(ROLES, 404)),
        (f"/kasus/{case_a}/laporan.pdf", ALL),
        (f"/kasus/{case_b}/laporan.pdf", scoped),
        ("/kasus/999999/laporan.pdf", dict.fromkeys(ROLES, 404)),
        ("/rekap.pdf?dari=2024-01-01&sampai=2024-12-31", ALL),
        ("/rekap.xlsx", ALL),
        (f"/rekap.xlsx?opd={w.agency_b}", ALL),  # a pimpinan's recap stays inside their agencies
        ("/rekap.pdf?dari=kemarin", dict.fromkeys(ROLES, 400)),
        (f"/pegawai/{w.employee_a}", ALL),
        (f"/pegawai/{w.employee_b}", scoped),
        ("/pegawai/999999", dict.fromkeys(ROLES, 404)),
        (f"/opd/{w.agency_a}", ALL),
        (f"/opd/{w.agency_b}", scoped),
        ("/opd/999999", dict.fromkeys(ROLES, 404)),
        ("/registri", only("admin")),
        ("/impor", only("admin", "pengawas")),
        ("/impor/999", only("admin", "pengawas", ok=404)),
        ("/audit", only("admin", "auditor")),
        ("/pengguna", only("admin")),
        ("/tidak-ada", dict.fromkeys(ROLES, 404)),
    ]


def post_table(w: World, case_a: int, case_b: int) -> list[tuple[str, dict[str, object], dict[str, int]]]:
    """POSTs that change nothing even when allowed (bad input), so one client can try them all."""
    triage = only("admin", "pengawas", "verifikator", ok=303)
    return [
        ("/temuan/tolak", {"temuan": str(w.findings_a[0]), "alasan": ""}, triage),  # no reason: refused, 303
        ("/temuan/kasus", {"temuan": "999999"}, triage),  # unknown finding: reported, 303
        ("/registri", {"files": {"berkas": ("x.txt", b"bukan daftar", "text/plain")}}, only("admin", ok=400)),
        ("/impor", {}, only("admin", "pengawas", ok=422)),  # no file
        ("/audit/verifikasi", {}, only("admin", "auditor")),
        ("/pengguna", {"username": "X!", "password": "pendek", "peran": "admin"}, only("admin", ok=400)),
        ("/pengguna/pengawas/aktif", {"aktif": "1"}, only("admin", ok=303)),
        (f"/kasus/{case_a}/tindakan", {"tindakan": "catatan", "catatan": ""},
         {**dict.fromkeys(ROLES, 303), "auditor": 403}),  # empty note: refused, 303
        (f"/kasus/{case_b}/tindakan", {"tindakan": "catatan", "catatan": ""},
         {**dict.fromkeys(ROLES, 303), "auditor": 403, "pimpinan": 403}),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_every_route_for_role(role: str, as_role: Callable[[str], TestClient], store: Store, world: World,
                              rules: CaseRules) -> None:
    case_a, case_b = _open_cases(store, world, rules)
    client = as_role(role)
    got = {path: client.get(path).status_code for path, _ in get_table(world, case_a, case_b)}
    want = {path: expected[role] for path, expected in get_table(world, case_a, case_b)}
    assert got == want
    token = csrf_of(client, "/")
    got_post, want_post = {}, {}
    for path, payload, expected in post_table(world, case_a, case_b):
        data = {k: v for k, v in payload.items() if k != "files"}
        files = payload.get("files")
        r = client.post(path, data={**data, "csrf_token": token}, files=files)  # type: ignore[arg-type]
        got_post[path], want_post[path] = r.status_code, expected[role]
    assert got_post == want_post


def test_anonymous_html_gets_are_sent_to_login(client: TestClient, world: World) -> None:
    for path in ("/", "/temuan", f"/temuan/{world.findings_a[0]}", "/kasus", "/registri", "/impor", "/audit",
                 "/pengguna", f"/pegawai/{world.employee_a}", f"/opd/{world.agency_a}", "/rekap.pdf", "/rekap.xlsx"):
        r = client.get(path)
        assert r.status_code == 303, path
        assert r.headers["location"].startswith("/login?next=%2F"), path


def test_anonymous_other_requests_get_401(client: TestClient, world: World) -> None:
    assert client.get("/temuan", headers={"HX-Request": "true"}).status_code == 401
    assert client.get("/kasus", headers={"Accept": "application/json"}).status_code == 401
    token = csrf_of(client)
    for path in ("/temuan/tolak", "/audit/verifikasi", "/pengguna", "/impor"):
        r = client.post(path, data={"csrf_token": token, "temuan": "1", "alasan": "alasan panjang"})
        assert r.status_code == 401, path


def test_login_page_sends_back_to_next(client: TestClient, world: World) -> None:
    token = csrf_of(client, "/login?next=%2Fkasus")
    r = client.post("/login", data={"username": "admin", "password": "kata-sandi-uji-123", "csrf_token": token,
                                    "next": "/kasus"})
    assert (r.status_code, r.headers["location"]) == (303, "/kasus")


@pytest.mark.parametrize("target", ["https://jahat.example/", "//jahat.example/", "/\\jahat.example"])
def test_login_never_redirects_off_site(client: TestClient, world: World, target: str) -> None:
    token = csrf_of(client)
    r = client.post("/login", data={"username": "admin", "password": "kata-sandi-uji-123", "csrf_token": token,
                                    "next": target})
    assert (r.status_code, r.headers["location"]) == (303, "/")
