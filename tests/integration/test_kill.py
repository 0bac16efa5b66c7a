"""A real crash: ``jaganetral ingest`` is killed with SIGKILL mid-import, then run again.

Every record must end up stored exactly once, on SQLite and on PostgreSQL. The first process is
killed only after it has committed some batches and before it has finished (the test checks both).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from jaganetral.config import StoreSettings
from jaganetral.store.engine import DB_FILE

ROWS = 30_000
BATCH = 500


def write_export(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(ROWS):
            fh.write(json.dumps({"id": f"k{i}", "text": f"Kabar kegiatan desa ke-{i}", "kind": "post",
                                 "created_at": f"2024-03-01T10:{i % 60:02d}:{i % 59:02d}+07:00",
                                 "platform": "facebook", "account": "@warga_contoh"}) + "\n")
    return path


def command(export: Path, settings: StoreSettings) -> list[str]:
    cmd = [sys.executable, "-m", "jaganetral", "ingest", str(export), "--no-scan", "--json",
           "--batch-size", str(BATCH), "--data-dir", str(settings.data_dir)]
    if settings.database_url:
        cmd += ["--db", settings.database_url]
    return cmd


def stored_rows(settings: StoreSettings) -> list[str]:
    """native ids of the stored activities, read with the plain driver (not through the package)."""
    query = "SELECT native_id FROM activities"
    try:
        if settings.database_url is None:
            db = settings.data_dir / DB_FILE
            if not db.exists():
                return []
            with sqlite3.connect(db, timeout=30) as conn:
                return [r[0] for r in conn.execute(query)]
        with psycopg.connect(settings.database_url) as pg:
            return [r[0] for r in pg.execute(query)]
    except (sqlite3.OperationalError, psycopg.errors.UndefinedTable):
        return []  # the schema is not created yet


def test_killed_import_run_again_stores_every_record_exactly_once(store_settings: StoreSettings,
                                                                     tmp_path: Path) -> None:
    export = write_export(tmp_path / "aktivitas.jsonl")
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(command(export, store_settings), env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    seen = 0
    while time.monotonic() < deadline and proc.poll() is None:
        seen = len(stored_rows(store_settings))
        if seen >= 4 * BATCH:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the import finished before it could be killed: make the export larger"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    after_kill = stored_rows(store_settings)
    assert 0 < len(after_kill) < ROWS
    assert len(after_kill) % BATCH == 0  # whole batches only: a batch is one transaction

    rerun = subprocess.run(command(export, store_settings), env=env, capture_output=True, text=True,
                           timeout=600, check=False)
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout)
    assert report["duplicates"] == len(after_kill)
    assert report["activities"]["post"] == ROWS - len(after_kill)
    final = stored_rows(store_settings)
    assert len(final) == ROWS
    assert sorted(final) == sorted(f"k{i}" for i in range(ROWS))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_interrupted_import_leaves_whole_batches(store_settings: StoreSettings, tmp_path: Path,
                                                 signum: signal.Signals) -> None:
    export = write_export(tmp_path / "aktivitas.jsonl")
    proc = subprocess.Popen(command(export, store_settings), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and len(stored_rows(store_settings)) < 2 * BATCH:
        time.sleep(0.02)
    assert proc.poll() is None
    proc.send_signal(signum)
    proc.wait(timeout=60)
    assert proc.returncode != 0
    assert len(stored_rows(store_settings)) % BATCH == 0
