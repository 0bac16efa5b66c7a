"""A small synthetic world for the web tests: the review tests' world, with one real user per role.

Every name, NIP and post here is invented for the tests. Employee A's export contains a post whose
text is an XSS attempt, so every page that shows activity text is checked for escaping.
"""

from __future__ import annotations

from pathlib import Path

from integration.review.seed import NIP_A, NIP_B, POSTS_B, Base, seed_base
from jaganetral.detect.engine import Detector
from jaganetral.service.store import Store
from jaganetral.service.users import create_user

__all__ = ["NIP_A", "NIP_B", "PASSWORD", "POSTS_A", "POSTS_B", "USERS", "XSS", "World", "seed"]

XSS = "<script>alert(1)</script><img src=x onerror=alert(1)>"
POSTS_A = [
    f"Ayo coblos nomor 2 Prabowo-Gibran! #PrabowoGibran2024 {XSS}",
    "Dukung terus AMIN, Anies-Muhaimin untuk Indonesia adil makmur #AMIN",
    "Rapat koordinasi kebersihan kantor hari ini berjalan lancar",
]
PASSWORD = "kata-sandi-uji-123"
USERS = {  # login name -> (role, agencies)
    "admin": ("admin", ()),
    "pengawas": ("pengawas", ()),
    "verifikator": ("verifikator", ()),
    "pimpinan": ("pimpinan", ("DCS",)),  # agency A only
    "auditor": ("auditor", ()),
}
World = Base


def seed(store: Store, tmp: Path, detector: Detector) -> World:
    world = seed_base(store, tmp, detector, POSTS_A, POSTS_B, actor="uji")
    for username, (role, agencies) in USERS.items():
        create_user(store, "uji", username, PASSWORD, role, f"{username.title()} Contoh", agencies)
    return world
