"""A small synthetic world for the web tests: two agencies, two employees, findings, one user per role.

Every name, NIP and post here is invented for the tests. Employee A's export contains a post whose
text is an XSS attempt, so every page that shows activity text is checked for escaping.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from jaganetral.detect.engine import Detector
from jaganetral.service.importing import ImportOptions, import_paths
from jaganetral.service.store import Store, now
from jaganetral.service.users import create_user
from jaganetral.store import registry_repo
from jaganetral.store.tables import accounts, activities, findings

NIP_A = "198703122010011001"  # invented
NIP_B = "199205242019032004"  # invented
XSS = "<script>alert(1)</script><img src=x onerror=alert(1)>"
POSTS_A = [
    f"Ayo coblos nomor 2 Prabowo-Gibran! #PrabowoGibran2024 {XSS}",
    "Dukung terus AMIN, Anies-Muhaimin untuk Indonesia adil makmur #AMIN",
    "Rapat koordinasi kebersihan kantor hari ini berjalan lancar",
]
POSTS_B = [
    "Menangkan Ganjar-Mahfud, coblos nomor 3 tanggal 14 Februari!",
    "Jangan lupa gunakan hak pilih Anda pada 14 Februari, pemilu damai",
]
PASSWORD = "kata-sandi-uji-123"
USERS = {  # login name -> (role, agencies)
    "admin": ("admin", ()),
    "pengawas": ("pengawas", ()),
    "verifikator": ("verifikator", ()),
    "pimpinan": ("pimpinan", ("DCS",)),  # agency A only
    "auditor": ("auditor", ()),
}


@dataclass(frozen=True)
class World:
    agency_a: int
    agency_b: int
    employee_a: int
    employee_b: int
    findings_a: list[int]
    findings_b: list[int]


def _export(path: Path, texts: list[str], stem: str) -> Path:
    rows = [{"id": f"{stem}{i}", "text": t, "kind": "post", "platform": "x",
             "created_at": f"2024-02-0{i + 1}T09:00:00+07:00"} for i, t in enumerate(texts)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _findings_of(store: Store, employee_id: int) -> list[int]:
    with store.read() as conn:
        rows = conn.execute(select(findings.c.id).join(activities, activities.c.id == findings.c.activity_id)
                            .join(accounts, accounts.c.id == activities.c.account_id)
                            .where(accounts.c.employee_id == employee_id).order_by(findings.c.id))
        return [int(r[0]) for r in rows]


def seed(store: Store, tmp: Path, detector: Detector) -> World:
    at = now()
    with store.transaction() as conn:
        a = registry_repo.agency_id(conn, "Dinas Contoh Satu", "DCS", at)
        b = registry_repo.agency_id(conn, "Dinas Contoh Dua", "DCD", at)
        ea, _ = registry_repo.save_employee(conn, {"nip": NIP_A, "name": "Andi Contoh", "status": "PNS",
                                                   "position": "Analis", "agency_id": a}, at)
        eb, _ = registry_repo.save_employee(conn, {"nip": NIP_B, "name": "Bunga Contoh", "status": "PPPK",
                                                   "position": "Guru", "agency_id": b}, at)
    tmp.mkdir(parents=True, exist_ok=True)
    import_paths(store, [_export(tmp / "a.jsonl", POSTS_A, "a")], ImportOptions(owner=NIP_A, actor="uji"), detector)
    import_paths(store, [_export(tmp / "b.jsonl", POSTS_B, "b")], ImportOptions(owner=NIP_B, actor="uji"), detector)
    for username, (role, agencies) in USERS.items():
        create_user(store, "uji", username, PASSWORD, role, f"{username.title()} Contoh", agencies)
    world = World(a, b, ea, eb, _findings_of(store, ea), _findings_of(store, eb))
    assert world.findings_a and world.findings_b, "the seed posts must give findings for both employees"
    return world
