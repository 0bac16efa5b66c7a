"""Fixtures for the web tests: a seeded store, the app over it, and clients logged in per role."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from integration.web.seed import PASSWORD, World, seed
from jaganetral.config import StoreSettings
from jaganetral.detect.engine import Detector
from jaganetral.knowledge.loader import load_packs
from jaganetral.service import users
from jaganetral.service.case_rules import CaseRules, load_case_rules
from jaganetral.service.store import Store
from jaganetral.web.app import create_app
from jaganetral.web.settings import WebSettings

SECRET = "uji-" + "k3y-acak-untuk-pengujian-saja-" * 2
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 with the smallest cost: the tests check the flow, not the hash's strength."""
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(users, "_hasher", lambda: hasher)
    monkeypatch.setattr(users, "_dummy_hash", lambda: hasher.hash("dummy-dummy"))


@pytest.fixture(scope="session")
def detector() -> Detector:
    return Detector(load_packs(None))


@pytest.fixture(scope="session")
def rules() -> CaseRules:
    return load_case_rules()


@pytest.fixture
def world(store: Store, tmp_path: Path, detector: Detector) -> World:
    return seed(store, tmp_path / "seed", detector)


def web_settings(data_dir: Path, **changes: object) -> WebSettings:
    values: dict[str, object] = {"secret_key": SECRET, "store": StoreSettings(data_dir=data_dir)}
    values.update(changes)
    return WebSettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def app_factory(store: Store, world: World, detector: Detector, rules: CaseRules,
                tmp_path: Path) -> Callable[..., TestClient]:
    def make(**changes: object) -> TestClient:
        app = create_app(web_settings(tmp_path / "web", **changes), store, detector=detector, rules=rules)
        return TestClient(app, follow_redirects=False)
    return make


@pytest.fixture
def client(app_factory: Callable[..., TestClient]) -> Iterator[TestClient]:
    with app_factory() as c:
        yield c


def csrf_of(client: TestClient, path: str = "/login") -> str:
    page = client.get(path)
    found = CSRF.search(page.text)
    assert found, f"no CSRF token on {path} ({page.status_code})"
    return found.group(1)


def login(client: TestClient, username: str, password: str = PASSWORD) -> None:
    token = csrf_of(client)
    r = client.post("/login", data={"username": username, "password": password, "csrf_token": token, "next": "/"})
    assert r.status_code == 303, r.text


@pytest.fixture
def as_role(client: TestClient) -> Callable[[str], TestClient]:
    """Log the shared client in as one of the seeded users; returns it."""
    def switch(username: str) -> TestClient:
        client.cookies.clear()
        login(client, username)
        return client
    return switch
