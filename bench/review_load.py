"""Latency of the review queue (``GET /temuan``) under 20 concurrent users, on PostgreSQL.

Usage::

    python bench/review_load.py [--activities 1000000] [--findings 50000] [--users 20] [--duration 30]
                                [--warmup 5] [--runs 3] [--think 0] [--db postgresql://127.0.0.1:5432/test]
                                [--keep-schema] [--schema NAME] [--explain]

A private schema (``jn_bench_<random>``) is created and migrated with the project's own migrations
(``open_store``), then filled server-side by ``bench/_review_data.py`` (no import pipeline) and
ANALYZEd. Users are made with the users service: admin, pengawas, verifikator and a pimpinan scoped
to two agencies. The real server (``jaganetral serve``) runs in a child process on a free loopback
port. Each run, in a fresh child process of this script, N clients (threads, one ``httpx.Client``
and one session each) log in through ``/login`` (CSRF token, credentials) and loop over queue
requests for ``--duration`` seconds after ``--warmup``: the first page, later pages (``halaman``),
filters (agency, violation, platform, min score) and, for the pimpinan's clients, the scoped queue.
A baseline comes first in every run: the same number of anonymous clients GET ``/login``.
``--think S`` makes each client pause 0.5-1.5 x S seconds between requests (people reading pages);
the default, 0, sends them back to back (the server saturated: latency = concurrency x CPU cost).

Printed: per scenario and overall, requests, throughput, p50/p95/p99/max and errors; the median p95
of the runs; the server's peak RSS (VmHWM). The schema is dropped afterwards unless ``--keep-schema``
(``--schema NAME`` reuses a kept one: nothing is generated).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _review_load_client import run_clients

BAR_P95_MS = 300.0
PASSWORD = "kata-sandi-bench-123"
USERS = {"admin": ("admin", ()), "pengawas": ("pengawas", ()), "verifikator": ("verifikator", ()),
         "pimpinan": ("pimpinan", ("OPD01", "OPD02"))}


def pg(url: str, sql: str) -> None:
    from sqlalchemy import create_engine, text

    from jaganetral.store.engine import normalise_url
    engine = create_engine(normalise_url(url))
    with engine.begin() as conn:
        conn.execute(text(sql))
    engine.dispose()


def prepare(url: str, data_dir: Path, args: argparse.Namespace, generate: bool) -> None:
    from _review_data import Sizes
    from _review_data import generate as fill
    from jaganetral.config import StoreSettings
    from jaganetral.service.store import open_store
    from jaganetral.service.users import create_user

    store = open_store(StoreSettings(data_dir=data_dir, database_url=url))
    try:
        if generate:
            t0 = time.perf_counter()
            with store.transaction() as conn:
                counts = fill(conn, Sizes(activities=args.activities, findings=args.findings))
            t1 = time.perf_counter()
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                for table in ("agencies", "employees", "accounts", "activities", "findings", "finding_reviews",
                              "cases", "case_events", "users", "user_agencies"):
                    conn.exec_driver_sql(f"VACUUM (ANALYZE) {table}")  # as autovacuum would leave them
            t2 = time.perf_counter()
            print(f"generated in {t1 - t0:.1f}s (+ ANALYZE {t2 - t1:.1f}s): "
                  + ", ".join(f"{k} {v:,}" for k, v in counts.items()), flush=True)
            for username, (role, agencies) in USERS.items():
                create_user(store, "bench", username, PASSWORD, role, f"{username.title()} Bench", agencies)
        if args.explain:
            explain(store)
    finally:
        store.close()


def explain(store: Any) -> None:
    """EXPLAIN ANALYZE of the statements that one queue page runs (as the services build them)."""
    from sqlalchemy import event, select

    from jaganetral.service import review
    from jaganetral.service.access import Viewer
    from jaganetral.store.tables_review import users

    seen: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        seen.append((statement, params))

    with store.read() as conn:
        uid = conn.execute(select(users.c.id).where(users.c.username == "pengawas")).scalar_one()
    viewers = {"all agencies": Viewer(uid, "pengawas", "pengawas"),
               "pimpinan (2 agencies)": Viewer(uid, "pimpinan", "pimpinan", agency_ids=frozenset({1, 2}))}
    for label, viewer in viewers.items():
        for offset in (0, 2000):
            seen.clear()
            event.listen(store.engine, "before_cursor_execute", capture)
            review.queue(store, viewer, None, 50, offset)
            event.remove(store.engine, "before_cursor_execute", capture)
            for statement, params in seen:
                with store.read() as conn:
                    plan = conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, params).scalars().all()
                print(f"\n--- {label}, offset {offset}: {statement.split(chr(10))[0][:80]}…")
                print("\n".join(plan))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(url: str, data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ, JN_SECRET_KEY=secrets.token_urlsafe(48))
    log = (data_dir / "server.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "jaganetral.cli.main", "serve", "--db", url, "--data-dir",
                             str(data_dir), "--host", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    import httpx
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"error: server exited ({proc.returncode}):\n{(data_dir / 'server.log').read_text()}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/login", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("error: server did not answer within 60 s")


def proc_status(pid: int) -> dict[str, float]:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            out[key] = int(value.split()[0]) / 1024
    return out


def pct(values: Sequence[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def table(rows: dict[str, list[tuple[float, bool]]], seconds: float, total: bool = True) -> dict[str, float]:
    """Print one row per scenario (then overall); returns each row's p95 (ms) and errors."""
    print(f"{'scenario':<26} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'max ms':>8} {'errors':>6}")
    overall: list[tuple[float, bool]] = []
    result: dict[str, float] = {}
    for name, samples in [*sorted(rows.items()), *([("OVERALL (queue)", [])] if total else [])]:
        if name == "OVERALL (queue)":
            samples = overall
        elif not name.startswith("baseline"):
            overall.extend(samples)
        ms = [s[0] for s in samples]
        errors = sum(1 for s in samples if not s[1])
        p95 = pct(ms, 95)
        result[name] = p95
        print(f"{name:<26} {len(ms):>8} {len(ms) / seconds:>7.1f} {pct(ms, 50):>8.1f} {p95:>8.1f} "
              f"{pct(ms, 99):>8.1f} {max(ms, default=0):>8.1f} {errors:>6}")
        result[f"{name} errors"] = errors
    return result


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--activities", type=int, default=1_000_000)
    ap.add_argument("--findings", type=int, default=50_000)
    ap.add_argument("--users", type=int, default=20, help="concurrent clients (default: %(default)s)")
    ap.add_argument("--duration", type=float, default=30.0, help="measured seconds per run (default: %(default)s)")
    ap.add_argument("--warmup", type=float, default=5.0, help="unmeasured seconds first (default: %(default)s)")
    ap.add_argument("--baseline", type=float, default=10.0, help="seconds of the /login baseline per run")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--think", type=float, default=2.0,
                    help="seconds a user pauses between requests (reading the page), 0.5-1.5 x; "
                         "default %(default)s; 0 sends back to back (a saturation test, not users)")
    ap.add_argument("--db", default=os.environ.get("JN_TEST_DATABASE_URL") or "postgresql://127.0.0.1:5432/test")
    ap.add_argument("--keep-schema", action="store_true", help="keep the schema (its name is printed)")
    ap.add_argument("--schema", help="reuse this kept schema (no generation)")
    ap.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE of a queue page's queries")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.runs < 1 or args.users < 1 or args.duration <= 0 or args.findings > args.activities:
        ap.error("--runs, --users, --duration must be positive and --findings <= --activities")
    if args.schema and not re.fullmatch(r"jn_bench_[0-9a-f]+", args.schema):
        ap.error("--schema must be a jn_bench_<hex> schema made by this script")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        print(json.dumps(run_clients(json.loads(args.child))))
        return 0
    schema = args.schema or f"jn_bench_{secrets.token_hex(4)}"
    if not args.schema:
        pg(args.db, f'CREATE SCHEMA "{schema}"')
    url = args.db + ("&" if "?" in args.db else "?") + f"options=-csearch_path%3D{schema}"
    data_dir = Path(tempfile.mkdtemp(prefix="jn-review-bench-"))
    server = None
    try:
        print(f"schema {schema}; data dir {data_dir}", flush=True)
        prepare(url, data_dir, args, generate=not args.schema)
        port = free_port()
        server = start_server(url, data_dir, port)
        spec = {"base": f"http://127.0.0.1:{port}", "users": args.users, "password": PASSWORD,
                "duration": args.duration, "warmup": args.warmup, "baseline": args.baseline, "think": args.think}
        p95s: list[float] = []
        errors = 0
        for run in range(args.runs):
            done = subprocess.run([sys.executable, __file__, "--child", json.dumps(spec)], capture_output=True,
                                  text=True)
            if done.returncode != 0:
                raise SystemExit(f"error: load child failed:\n{done.stderr[-3000:]}")
            got: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"\nrun {run + 1}/{args.runs}: {args.users} clients, think time {args.think:g} s, "
                  f"{args.duration:.0f} s measured after {args.warmup:.0f} s warm-up; baseline {args.baseline:.0f} s "
                  "of GET /login, same concurrency, no think time")
            base = table({"baseline GET /login": got["baseline"]}, args.baseline, total=False)
            result = table(got["queue"], args.duration)
            p95s.append(result["OVERALL (queue)"])
            errors += int(result["OVERALL (queue) errors"] + base["baseline GET /login errors"])
            ratio = result["OVERALL (queue)"] / base["baseline GET /login"]
            print(f"queue p95 / baseline p95: {ratio:.1f}x", flush=True)
        rss = proc_status(server.pid)
        median = statistics.median(p95s)
        print(f"\nserver peak RSS (VmHWM): {rss['VmHWM']:.1f} MiB (now {rss['VmRSS']:.1f} MiB)")
        print(f"queue p95 per run (ms): {', '.join(f'{p:.1f}' for p in p95s)}; median {median:.1f}")
        print(f"bar: queue p95 < {BAR_P95_MS:.0f} ms at {args.users} users, think {args.think:g} s "
              f"({args.activities:,} activities, {args.findings:,} findings, PostgreSQL): "
              f"{'met' if median < BAR_P95_MS else 'NOT MET'}; "
              f"errors: {errors}")
        return 0 if median < BAR_P95_MS and errors == 0 else 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)
        if args.keep_schema:
            print(f"schema kept: --schema {schema}")
        else:
            pg(args.db, f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


if __name__ == "__main__":
    sys.exit(main())
