"""A small synthetic world for the review tests: two agencies, two employees, findings, users.

Every name and NIP here is invented. ``seed(store)`` imports one owner export per employee (with
``--account-of``) and scans it, so the findings are the detector's own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert, select

from jaganetral.detect.engine import Detector
from jaganetral.knowledge.loader import load_packs
from jaganetral.service.access import Viewer
from jaganetral.service.importing import ImportOptions, import_paths
from jaganetral.service.store import Store, now
from jaganetral.store import registry_repo
from jaganetral.store.tables import accounts, activities, findings
from jaganetral.store.tables_review import user_agencies, users

NIP_A = "198703122010011001"  # invented: born 1987-03-12, appointed 2010-01, male
NIP_B = "199205242019032004"  # invented: born 1992-05-24, appointed 2019-03, female

POSTS_A = [
    "Ayo coblos nomor 2 Prabowo-Gibran! #PrabowoGibran2024",
    "Dukung terus AMIN, Anies-Muhaimin untuk Indonesia adil makmur #AMIN",
    "Rapat koordinasi kebersihan kantor hari ini berjalan lancar",
]
POSTS_B = [
    "Menangkan Ganjar-Mahfud, coblos nomor 3 tanggal 14 Februari!",
    "Jangan lupa gunakan hak pilih Anda pada 14 Februari, pemilu damai",
]


@dataclass(frozen=True)
class Base:
    """Two agencies, one employee in each, and the findings of each employee's scanned export."""

    agency_a: int
    agency_b: int
    employee_a: int
    employee_b: int
    findings_a: list[int]
    findings_b: list[int]


@dataclass(frozen=True)
class World(Base):
    viewers: dict[str, Viewer] = field(default_factory=dict)  # admin, pengawas, verifikator, pimpinan_a/_b, auditor


def _export(path: Path, texts: list[str], stem: str) -> Path:
    rows = [{"id": f"{stem}{i}", "text": t, "kind": "post", "platform": "x",
             "created_at": f"2024-02-0{i + 1}T09:00:00+07:00"} for i, t in enumerate(texts)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def add_user(store: Store, username: str, role: str, agencies: tuple[int, ...] = ()) -> Viewer:
    with store.transaction() as conn:
        uid = int(conn.execute(insert(users).values(
            username=username, full_name=f"{username.title()} Contoh", role=role,
            password_hash="tidak-dipakai", active=True, created_at=now())).inserted_primary_key[0])
        for agency in agencies:
            conn.execute(insert(user_agencies).values(user_id=uid, agency_id=agency))
    return Viewer(uid, username, role, f"{username.title()} Contoh",
                  frozenset(agencies) if role == "pimpinan" else None)


def _findings_of(store: Store, employee_id: int) -> list[int]:
    with store.read() as conn:
        rows = conn.execute(select(findings.c.id).join(activities, activities.c.id == findings.c.activity_id)
                            .join(accounts, accounts.c.id == activities.c.account_id)
                            .where(accounts.c.employee_id == employee_id).order_by(findings.c.id))
        return [int(r[0]) for r in rows]


def seed_base(store: Store, tmp: Path, detector: Detector | None = None, posts_a: list[str] = POSTS_A,
              posts_b: list[str] = POSTS_B, actor: str | None = None) -> Base:
    """Agencies, employees and their scanned exports (no users)."""
    at = now()
    with store.transaction() as conn:
        a = registry_repo.agency_id(conn, "Dinas Contoh Satu", "DCS", at)
        b = registry_repo.agency_id(conn, "Dinas Contoh Dua", "DCD", at)
        ea, _ = registry_repo.save_employee(conn, {"nip": NIP_A, "name": "Andi Contoh", "status": "PNS",
                                                   "position": "Analis", "agency_id": a}, at)
        eb, _ = registry_repo.save_employee(conn, {"nip": NIP_B, "name": "Bunga Contoh", "status": "PPPK",
                                                   "position": "Guru", "agency_id": b}, at)
    detector = detector or Detector(load_packs(None))
    tmp.mkdir(parents=True, exist_ok=True)
    who = {"actor": actor} if actor else {}
    import_paths(store, [_export(tmp / "a.jsonl", posts_a, "a")], ImportOptions(owner=NIP_A, **who), detector)
    import_paths(store, [_export(tmp / "b.jsonl", posts_b, "b")], ImportOptions(owner=NIP_B, **who), detector)
    base = Base(a, b, ea, eb, _findings_of(store, ea), _findings_of(store, eb))
    assert base.findings_a and base.findings_b, "the seed posts must give findings for both employees"
    return base


def seed(store: Store, tmp: Path) -> World:
    base = seed_base(store, tmp)
    viewers = {
        "admin": add_user(store, "admin", "admin"),
        "pengawas": add_user(store, "pengawas", "pengawas"),
        "verifikator": add_user(store, "verifikator", "verifikator"),
        "pimpinan_a": add_user(store, "pimpinana", "pimpinan", (base.agency_a,)),
        "pimpinan_b": add_user(store, "pimpinanb", "pimpinan", (base.agency_b,)),
        "auditor": add_user(store, "auditor", "auditor"),
    }
    return World(**vars(base), viewers=viewers)
