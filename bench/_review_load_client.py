"""The load generator of ``bench/review_load.py``: N threads, one logged-in ``httpx.Client`` each.

``run_clients(spec)`` runs in a child process of the benchmark (so its CPU is its own) and returns
the latency of every measured request as ``[milliseconds, ok]``, per scenario. With ``think`` > 0
each client pauses 0.5-1.5 x think seconds before each request (a person reading the page). A request is ok when
the answer is 200 and a whole page (a redirect to the login page is an error).
"""

from __future__ import annotations

import random
import re
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
VIOLATIONS = ["KE-01", "KE-02", "KE-04", "DS-05", "DS-06"]
PLATFORMS = ["facebook", "instagram", "x", "tiktok"]
Pick = Callable[[random.Random], tuple[str, str]]


def _staff_request(rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.30:
        return "first page", "/temuan"
    if roll < 0.50:
        return "later page (halaman)", f"/temuan?halaman={rng.randint(2, 40)}"
    if roll < 0.60:
        return "filter agency", f"/temuan?opd={rng.randint(1, 20)}"
    if roll < 0.70:
        return "filter violation", f"/temuan?pelanggaran={rng.choice(VIOLATIONS)}"
    if roll < 0.80:
        return "filter platform", f"/temuan?platform={rng.choice(PLATFORMS)}"
    if roll < 0.90:
        return "filter min score", f"/temuan?skor_min={rng.choice(['0.8', '0.9', '0.95'])}"
    return "filters combined", (f"/temuan?opd={rng.randint(1, 20)}&platform={rng.choice(PLATFORMS)}"
                                f"&skor_min=0.6&halaman={rng.randint(1, 3)}")


def _pimpinan_request(rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.6:
        return "pimpinan queue (2 OPD)", "/temuan"
    if roll < 0.85:
        return "pimpinan queue (2 OPD)", f"/temuan?halaman={rng.randint(2, 10)}"
    return "pimpinan queue (2 OPD)", f"/temuan?opd={rng.choice([1, 2])}&skor_min=0.7"


def login(client: httpx.Client, username: str, password: str) -> None:
    page = client.get("/login")
    token = CSRF.search(page.text)
    if page.status_code != 200 or token is None:
        raise RuntimeError(f"/login: {page.status_code}, no CSRF token")
    r = client.post("/login", data={"username": username, "password": password, "csrf_token": token.group(1),
                                    "next": "/"})
    if r.status_code != 303:
        raise RuntimeError(f"login {username}: {r.status_code}")


def _loop(client: httpx.Client, pick: Pick, rng: random.Random, start: float, stop: float,
          out: list[tuple[str, float, bool]], think: float) -> None:
    while True:
        if think > 0:  # a person reading the page: 0.5-1.5 x think seconds
            time.sleep(think * rng.uniform(0.5, 1.5))
        name, path = pick(rng)
        t0 = time.monotonic()
        if t0 >= stop:
            return
        try:
            r = client.get(path)
            ok = r.status_code == 200 and r.text.rstrip().endswith("</html>")
        except httpx.HTTPError:
            ok = False
        t1 = time.monotonic()
        if t0 >= start:
            out.append((name, (t1 - t0) * 1000, ok))


def _phase(clients: list[tuple[httpx.Client, Pick]], warmup: float, seconds: float,
           think: float = 0.0) -> list[tuple[str, float, bool]]:
    results: list[list[tuple[str, float, bool]]] = [[] for _ in clients]
    start = time.monotonic() + warmup
    stop = start + seconds
    threads = [threading.Thread(target=_loop, args=(c, pick, random.Random(i), start, stop, results[i], think))
               for i, (c, pick) in enumerate(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return [s for r in results for s in r]


def run_clients(spec: dict[str, Any]) -> dict[str, Any]:
    base, n = spec["base"], int(spec["users"])
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)

    def make() -> httpx.Client:
        return httpx.Client(base_url=base, timeout=60, follow_redirects=False, limits=limits)

    anonymous = [(make(), (lambda rng: ("baseline GET /login", "/login"))) for _ in range(n)]
    baseline = _phase(anonymous, 1.0, float(spec["baseline"]))
    staff = ["pengawas", "verifikator", "admin", "pengawas"]
    clients: list[tuple[httpx.Client, Pick]] = []
    for i in range(n):
        client = make()
        if i % 5 == 4:
            login(client, "pimpinan", spec["password"])
            clients.append((client, _pimpinan_request))
        else:
            login(client, staff[i % 4], spec["password"])
            clients.append((client, _staff_request))
    samples = _phase(clients, float(spec["warmup"]), float(spec["duration"]), float(spec["think"]))
    for client, _ in anonymous + clients:
        client.close()
    queue: dict[str, list[tuple[float, bool]]] = {}
    for name, ms, ok in samples:
        queue.setdefault(name, []).append((ms, ok))
    return {"baseline": [(ms, ok) for _, ms, ok in baseline], "queue": queue}
