"""The demo world for ``jaganetral serve --demo``: the synthetic roster and exports, one user per role.

Everything here is synthetic (``demo/`` in the repository); it is meant for a throwaway database.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

from jaganetral.service.importing import ImportOptions, ImportReport, import_paths
from jaganetral.service.registry import RosterImportReport, import_roster
from jaganetral.service.scanning import Detector
from jaganetral.service.store import Store
from jaganetral.service.users import create_user

DEMO_OWNER = "198703122010011001"  # the synthetic employee who owns the demo X archive
DEMO_ROLES = (("admin", "admin", "Admin Demo"), ("pengawas", "pengawas", "Pengawas Demo"),
              ("verifikator", "verifikator", "Verifikator Demo"), ("pimpinan", "pimpinan", "Pimpinan Demo"),
              ("auditor", "auditor", "Auditor Demo"))


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    password: str


@dataclass(frozen=True)
class DemoWorld:
    roster: RosterImportReport
    imported: ImportReport
    logins: list[DemoLogin]


def prepare_demo(store: Store, demo_dir: Path, detector: Detector, today: dt.date,
                 pimpinan_agency: str = "DISDIKBUD") -> DemoWorld:
    """Import ``demo_dir``/roster.csv and ``demo_dir``/exports (scanned), then create the demo users."""
    roster = import_roster(store, demo_dir / "roster.csv", today)
    imported = import_paths(store, [demo_dir / "exports"], ImportOptions(owner=DEMO_OWNER, actor="demo"), detector)
    logins = []
    for username, role, name in DEMO_ROLES:
        password = "demo-" + secrets.token_urlsafe(9)
        agencies = (pimpinan_agency,) if role == "pimpinan" else ()
        create_user(store, "sistem", username, password, role, name, agencies)
        logins.append(DemoLogin(username, role, password))
    return DemoWorld(roster, imported, logins)
