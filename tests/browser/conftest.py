"""The real app under uvicorn (a background thread, a free loopback port) and Debian's Chromium, headless.

Playwright never downloads a browser here: it drives ``/usr/bin/chromium`` (``make test`` installs
Debian's package through ``.ci/ensure-chromium`` when it is missing). A browser that cannot start
fails the tests with the reason: they are never skipped.

Screenshots of each page go to ``$JN_SCREENSHOTS`` when set (a folder), else to the test's tmp dir.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Error, Playwright, sync_playwright

from integration.web.seed import World, seed
from jaganetral.config import StoreSettings
from jaganetral.detect.engine import Detector
from jaganetral.knowledge.loader import load_packs
from jaganetral.service.case_rules import load_case_rules
from jaganetral.service.store import open_store
from jaganetral.web.app import create_app
from jaganetral.web.settings import WebSettings

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
SECRET = "uji-peramban-" + "kunci-acak-untuk-pengujian-saja-" * 2


@dataclass(frozen=True)
class Site:
    url: str
    world: World
    shots: Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A fresh SQLite data dir seeded with the web tests' synthetic world, served on 127.0.0.1."""
    tmp = tmp_path_factory.mktemp("peramban")
    store = open_store(StoreSettings(data_dir=tmp / "data"))
    detector = Detector(load_packs(None))
    world = seed(store, tmp / "seed", detector)
    settings = WebSettings(secret_key=SECRET, store=StoreSettings(data_dir=tmp / "data"))
    app = create_app(settings, store, detector=detector, rules=load_case_rules())
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn tidak mulai melayani dalam 20 detik")
        time.sleep(0.05)
    shots = Path(os.environ.get("JN_SCREENSHOTS") or tmp / "layar")
    shots.mkdir(parents=True, exist_ok=True)
    try:
        yield Site(f"http://127.0.0.1:{port}", world, shots)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        store.close()


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} tidak ada: pasang paket Debian `chromium` (jalankan .ci/ensure-chromium, "
                    "yang dipanggil `make test`)")
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=30_000)
    except Error as exc:
        pytest.fail(f"Chromium ({CHROMIUM}) tidak bisa dijalankan oleh Playwright: {exc.message}")
    try:
        yield browser
    finally:
        browser.close()
