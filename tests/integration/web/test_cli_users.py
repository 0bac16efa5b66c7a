"""``jaganetral users`` and ``jaganetral serve`` refusing a missing secret (SQLite)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from jaganetral.cli.main import main
from jaganetral.config import StoreSettings
from jaganetral.service import users
from jaganetral.service.store import open_store


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(users, "_hasher", lambda: hasher)


def test_users_add_list_and_passwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    monkeypatch.setattr("sys.stdin", io.StringIO("sandi-yang-panjang\n"))
    assert main(["users", "add", "Budi", "--role", "admin", "--name", "Budi Contoh", "--password-stdin",
                 "--data-dir", data]) == 0
    assert "budi" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("sandi-yang-panjang\n"))
    assert main(["users", "add", "kepala", "--role", "pimpinan", "--agency", "DCX", "--password-stdin",
                 "--data-dir", data]) == 2
    assert "tidak ada di registri" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("pendek\n"))
    assert main(["users", "add", "ani", "--role", "auditor", "--password-stdin", "--data-dir", data]) == 2
    assert "terlalu pendek" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("sandi-baru-panjang\n"))
    assert main(["users", "passwd", "budi", "--password-stdin", "--data-dir", data]) == 0
    assert main(["users", "list", "--data-dir", data]) == 0
    assert "budi" in capsys.readouterr().out
    store = open_store(StoreSettings(data_dir=Path(data)))
    try:
        assert users.authenticate(store, "budi", "sandi-baru-panjang") is not None
        assert users.authenticate(store, "budi", "sandi-yang-panjang") is None
    finally:
        store.close()


def test_serve_refuses_to_start_without_a_secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("JN_SECRET_KEY", raising=False)
    assert main(["serve", "--data-dir", str(tmp_path)]) == 2
    assert "JN_SECRET_KEY belum diisi" in capsys.readouterr().err
    monkeypatch.setenv("JN_SECRET_KEY", "changethis")
    assert main(["serve", "--data-dir", str(tmp_path)]) == 2
    assert "nilai bawaan" in capsys.readouterr().err


def test_the_demo_world_has_findings_and_one_login_per_role(tmp_path: Path) -> None:
    from jaganetral.config import load_settings
    from jaganetral.service.demo import prepare_demo
    from jaganetral.service.scanning import build_detector

    demo = Path(__file__).resolve().parents[3] / "demo"
    store = open_store(StoreSettings(data_dir=tmp_path / "data"))
    try:
        world = prepare_demo(store, demo, build_detector(load_settings(region="basel")), dt.date(2026, 1, 5))
        assert world.roster.applied and world.imported.tally.findings > 0
        assert sorted(login.role for login in world.logins) == sorted(
            ["admin", "pengawas", "verifikator", "pimpinan", "auditor"])
        for login in world.logins:
            viewer = users.authenticate(store, login.username, login.password)
            assert viewer is not None and viewer.role == login.role
            assert (viewer.agency_ids is not None) == (login.role == "pimpinan")
    finally:
        store.close()
