"""Throughput and memory of ``jaganetral ingest --no-scan`` on a synthetic X/Twitter archive of >= 1 GB.

Usage::

    python bench/ingest_speed.py [--size-gb 1.0] [--runs 3] [--db postgresql://127.0.0.1:5432/test]
                                 [--workdir DIR] [--keep] [--profile]

An X archive folder (``data/account.js``, ``tweets.js``, ``like.js``, ``following.js``; see
``bench/_x_archive_gen.py``) is written streaming into the work directory, and a small sample of
it is first read with the repository's own adapter (zero quarantined records required). Then, for
N runs, interleaved, each stage in a fresh child process of this script (so its peak RSS, VmHWM,
is its own; the import's reader processes, children of the stage's process, are measured apart:
the largest peak RSS among them, RUSAGE_CHILDREN. The RSS bar holds for each process: the larger of
the two peaks is checked; their sum is printed too, an upper bound of the two together (the peaks
need not coincide, and the pages a forked reader shares with its parent count in both):

* read-only: the adapters alone read every file (nothing hashed, copied or stored);
* sqlite import: ``import_paths(..., ImportOptions(scan=False), None)`` as the CLI calls it, into a
  fresh SQLite store (WAL) under the work directory; the time covers the vault copy too;
* sqlite re-import: the same export again into the same store (every record a duplicate);
* with ``--db postgresql://...``: the same two stages in a private schema created for the run
  (the URL gets ``?options=-csearch_path%3D<schema>``) and dropped afterwards.

Rates are activities per second: yielded (read-only), stored (import) or met as duplicates
(re-import). The work directory (default: a new one under /tmp) is removed unless ``--keep`` (of a
given ``--workdir`` only what this script made in it); a kept export is reused when size and seed match.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _x_archive_gen import generate

BAR_RATE = 20_000.0  # stored activities/s, SQLite --no-scan import
BAR_RSS_MIB = 300.0
GIB = 1 << 30
SAMPLE_ITEMS = 3000


# ---------------------------------------------------------------- child process: one stage, then exit
def child(spec: dict[str, Any]) -> dict[str, Any]:
    from jaganetral.config import StoreSettings
    from jaganetral.ingest.model import Ignored, OwnerIdentity, RawActivity
    from jaganetral.ingest.registry import default_adapters
    from jaganetral.ingest.sniff import pick
    from jaganetral.ingest.sources import iter_sources
    from jaganetral.service.importing import ImportOptions, import_paths
    from jaganetral.service.store import open_store

    out: dict[str, Any] = {}
    prof = cProfile.Profile() if spec.get("profile") else None
    if spec["mode"] == "read":
        adapters, kinds, other = default_adapters(), Counter[str](), Counter[str]()
        cpu0, t0 = cpu_seconds(), time.perf_counter()
        for source in iter_sources(spec["export"]):
            adapter = pick(source, adapters)
            if adapter is None:
                continue
            for rec in adapter.read(source, "0" * 64):
                if isinstance(rec, RawActivity):
                    kinds[rec.kind] += 1
                else:
                    other["ignored" if isinstance(rec, Ignored | OwnerIdentity) else "quarantined"] += 1
        out.update(activities=sum(kinds.values()), kinds=dict(kinds), duplicates=0, **other)
    else:
        store = open_store(StoreSettings(Path(spec["data_dir"]), spec["db"]))
        options = ImportOptions(scan=False, actor="bench", batch_size=spec["batch_size"])
        cpu0, t0 = cpu_seconds(), time.perf_counter()
        if prof is not None:
            prof.enable()
        report = import_paths(store, [spec["export"]], options, None)
        if prof is not None:
            prof.disable()
        store.close()
        t = report.tally
        out.update(activities=sum(t.activities.values()), kinds=dict(t.activities), duplicates=t.duplicates,
                   ignored=t.ignored, quarantined=t.quarantined, errors=report.errors)
    reader = os.times()
    out.update(seconds=time.perf_counter() - t0, cpu=cpu_seconds() - cpu0, hwm_mib=vm_hwm_mib(),
               reader_cpu=reader.children_user + reader.children_system,
               child_hwm_mib=children_hwm_mib())
    if prof is not None:
        text = io.StringIO()
        for key in ("tottime", "cumulative"):
            pstats.Stats(prof, stream=text).strip_dirs().sort_stats(key).print_stats(22)
        out["profile"] = text.getvalue()
    return out


def vm_hwm_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time of this process and of its ended children (the import's reader processes)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def children_hwm_mib() -> float:
    """The largest peak RSS among the stage's own (ended) child processes: the import's reader processes."""
    import resource
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run_child(spec: dict[str, Any]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--child", json.dumps(spec)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"error: child {spec['mode']} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# ---------------------------------------------------------------- parent: export, stages, table
@dataclass
class Stage:
    name: str
    results: list[dict[str, Any]] = field(default_factory=list)

    def rates(self, cpu: bool = False) -> list[float]:
        return [(r["activities"] + r["duplicates"]) / r["cpu" if cpu else "seconds"] for r in self.results]


def prepare_export(workdir: Path, size_gb: float, seed: int) -> tuple[Path, dict[str, Any]]:
    export = workdir / "export"
    marker = workdir / "export.json"
    params = {"size_gb": size_gb, "seed": seed}
    if marker.is_file():
        meta: dict[str, Any] = json.loads(marker.read_text())
        if meta["params"] == params and export.is_dir():
            print(f"export: reusing {export} ({meta['bytes'] / 1e9:.3f} GB)")
            return export, meta
    shutil.rmtree(export, ignore_errors=True)
    t0 = time.perf_counter()
    counts = generate(export, int(size_gb * GIB), seed)
    meta = {"params": params, "bytes": counts.bytes, "items": counts.items, "kinds": counts.kinds}
    marker.write_text(json.dumps(meta))
    print(f"export: generated {export} in {time.perf_counter() - t0:.0f}s: {counts.bytes / 1e9:.3f} GB, items "
          + ", ".join(f"{k} {v:,}" for k, v in counts.items.items()))
    return export, meta


def check_sample(workdir: Path, seed: int) -> None:
    """The repository's adapter reads a sample of the generated format with nothing quarantined."""
    sample = workdir / "sample"
    shutil.rmtree(sample, ignore_errors=True)
    counts = generate(sample, GIB, seed, limit=SAMPLE_ITEMS)
    got = run_child({"mode": "read", "export": str(sample)})
    shutil.rmtree(sample)
    ok = got.get("quarantined", 0) == 0 and got["kinds"] == counts.kinds
    print(f"sample check ({SAMPLE_ITEMS} items per data file, repository adapter): read {got['kinds']}, "
          f"quarantined {got.get('quarantined', 0)}, ignored {got.get('ignored', 0)} -> {'ok' if ok else 'FAILED'}")
    if not ok:
        raise SystemExit(f"error: sample not read as generated: expected {counts.kinds}")


def pg_schema(url: str, create: str | None, drop: str | None) -> None:
    from sqlalchemy import create_engine, text

    from jaganetral.store.engine import normalise_url
    engine = create_engine(normalise_url(url))
    with engine.begin() as conn:
        if create:
            conn.execute(text(f'CREATE SCHEMA "{create}"'))
        if drop:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{drop}" CASCADE'))
    engine.dispose()


def print_table(stages: Sequence[Stage], size_bytes: int) -> None:
    header = (f"{'stage':<17} {'median s':>9} {'min s':>7} {'max s':>7} {'median act/s':>13} {'min act/s':>10} "
              f"{'max act/s':>10} {'MB/s':>6} {'CPU act/s':>10} {'RSS MiB':>8} {'reader':>7} {'sum':>6} "
              f"{'stored':>9} {'dups':>9}")
    print(header)
    print("-" * len(header))
    for st in stages:
        rates, secs = st.rates(), [r["seconds"] for r in st.results]
        last = st.results[-1]
        print(f"{st.name:<17} {statistics.median(secs):>9.2f} {min(secs):>7.2f} {max(secs):>7.2f} "
              f"{statistics.median(rates):>13,.0f} {min(rates):>10,.0f} {max(rates):>10,.0f} "
              f"{size_bytes / 1e6 / statistics.median(secs):>6.1f} {statistics.median(st.rates(cpu=True)):>10,.0f} "
              f"{max(r['hwm_mib'] for r in st.results):>8.1f} {max(r['child_hwm_mib'] for r in st.results):>7.1f} "
              f"{max(rss_sum(r) for r in st.results):>6.1f} {last['activities']:>9,} {last['duplicates']:>9,}")


def rss_sum(result: dict[str, Any]) -> float:
    return float(result["hwm_mib"] + result["child_hwm_mib"])


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--size-gb", type=float, default=1.0, help="export size in GiB (default: %(default)s)")
    ap.add_argument("--runs", type=int, default=3, help="runs per stage (default: %(default)s)")
    ap.add_argument("--db", help="also import into this PostgreSQL database (postgresql://...)")
    ap.add_argument("--workdir", type=Path, help="scratch folder (default: a new one under /tmp)")
    ap.add_argument("--keep", action="store_true", help="keep the work directory (and reuse its export)")
    ap.add_argument("--seed", type=int, default=20240214, help="generator seed (default: %(default)s)")
    ap.add_argument("--batch-size", type=int, default=None, help="ImportOptions.batch_size (default: the service's)")
    ap.add_argument("--profile", action="store_true", help="then cProfile one more SQLite import")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.runs < 1 or args.size_gb <= 0:
        ap.error("--runs must be >= 1 and --size-gb > 0")
    if args.db and not args.db.startswith(("postgresql://", "postgres://")):
        ap.error("--db must be a postgresql:// URL (SQLite is always measured)")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        print(json.dumps(child(json.loads(args.child))))
        return 0
    from jaganetral.service.importing import ImportOptions
    batch = args.batch_size or ImportOptions().batch_size
    workdir: Path = args.workdir or Path(tempfile.mkdtemp(prefix="jn-ingest-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        print(f"Python {platform.python_version()} on {platform.machine()}, work directory {workdir}, "
              f"batch size {batch}")
        check_sample(workdir, args.seed)
        export, meta = prepare_export(workdir, args.size_gb, args.seed)
        expected = sum(meta["kinds"].values())
        stages = {name: Stage(name) for name in ("read-only", "sqlite import", "sqlite re-import")}
        if args.db:
            stages.update({name: Stage(name) for name in ("pg import", "pg re-import")})
        for run in range(args.runs):
            stages["read-only"].results.append(run_child({"mode": "read", "export": str(export)}))
            targets: list[tuple[str, str | None]] = [("sqlite", None)]
            if args.db:
                targets.append(("pg", args.db))
            for label, db in targets:
                data_dir, schema = workdir / f"store-{label}-{run}", None
                if db is not None:
                    schema = f"bench_ingest_{secrets.token_hex(4)}"
                    pg_schema(db, schema, None)
                    db += ("&" if "?" in db else "?") + f"options=-csearch_path%3D{schema}"
                try:
                    spec = {"mode": "import", "export": str(export), "data_dir": str(data_dir), "db": db,
                            "batch_size": batch}
                    stages[f"{label} import"].results.append(run_child(spec))
                    stages[f"{label} re-import"].results.append(run_child(spec))
                finally:
                    shutil.rmtree(data_dir, ignore_errors=True)
                    if schema is not None:
                        pg_schema(args.db, None, schema)
            print(f"run {run + 1}/{args.runs}: " + "; ".join(
                f"{st.name} {st.results[-1]['seconds']:.1f}s {st.rates()[-1]:,.0f}/s "
                f"{st.results[-1]['hwm_mib']:.0f}+{st.results[-1]['child_hwm_mib']:.0f} MiB "
                f"CPU {st.results[-1]['cpu'] - st.results[-1]['reader_cpu']:.1f}+{st.results[-1]['reader_cpu']:.1f}s"
                for st in stages.values()), flush=True)
        problems = [f"{st.name}: {r}" for st in stages.values() for r in st.results
                    if r.get("quarantined") or r.get("errors")
                    or r["activities"] + r["duplicates"] != expected]
        print(f"\nexport: {meta['bytes'] / 1e9:.3f} GB ({meta['bytes'] / GIB:.3f} GiB), {expected:,} activities "
              f"({', '.join(f'{k} {v:,}' for k, v in sorted(meta['kinds'].items()))}); runs: {args.runs}, "
              "interleaved, one fresh child process per stage")
        print("act/s: activities yielded (read-only), stored (import) or met again (re-import) per wall second; "
              "CPU act/s per CPU second of the stage's process and its readers; RSS: peak (VmHWM) of the "
              "stage's process, of its largest reader process, and their sum; MB/s: export bytes per wall second\n")
        print_table(list(stages.values()), meta["bytes"])
        read = statistics.median(stages["read-only"].rates())
        for label in ("sqlite", "pg") if args.db else ("sqlite",):
            rate = statistics.median(stages[f"{label} import"].rates())
            print(f"\n{label}: stored vs read-only (median act/s): {rate / read:.3f} "
                  f"(storing costs {read / rate:.2f}x the read alone)", end="")
        sq = stages["sqlite import"]
        rate, rss = statistics.median(sq.rates()), max(max(r["hwm_mib"], r["child_hwm_mib"]) for r in sq.results)
        big = meta["bytes"] >= 1e9
        print(f"\n\nbar: >= {BAR_RATE:,.0f} stored activities/s (SQLite, --no-scan, export >= 1 GB"
              f"{'' if big else ': THIS EXPORT IS SMALLER'}): {'met' if rate >= BAR_RATE else 'NOT MET'} "
              f"({rate:,.0f}/s median, {min(sq.rates()):,.0f} min)")
        print(f"bar: peak RSS < {BAR_RSS_MIB:.0f} MiB per process: {'met' if rss < BAR_RSS_MIB else 'NOT MET'} "
              f"({rss:.1f} MiB max; importing process {max(r['hwm_mib'] for r in sq.results):.1f}, largest reader "
              f"process {max(r['child_hwm_mib'] for r in sq.results):.1f}, "
              f"sum {max(map(rss_sum, sq.results)):.1f} MiB)")
        print("sanity: every run saw every activity, nothing quarantined: "
              + ("yes" if not problems else "NO\n  " + "\n  ".join(problems)))
        if args.profile:
            data_dir = workdir / "store-profile"
            got = run_child({"mode": "import", "export": str(export), "data_dir": str(data_dir), "db": None,
                             "batch_size": batch, "profile": True})
            shutil.rmtree(data_dir, ignore_errors=True)
            print(f"\n=== cProfile of one SQLite import ({got['seconds']:.1f}s under the profiler) ===")
            print(got["profile"])
        return 0 if not problems else 1
    finally:
        if args.keep:
            pass
        elif args.workdir is None:  # our own temporary folder
            shutil.rmtree(workdir, ignore_errors=True)
        else:  # a folder we were given: only what we made in it
            for made in ("export", "sample", "store-profile"):
                shutil.rmtree(workdir / made, ignore_errors=True)
            (workdir / "export.json").unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
