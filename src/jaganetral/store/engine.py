"""Engines: SQLite (WAL, the embedded default) or PostgreSQL, from a URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

DB_FILE = "jaganetral.db"
# Page cache per SQLite connection (KiB when negative). The default 2 MiB cannot hold the pages of the
# activities' random-keyed indexes that one import batch touches, so every insert re-read a page from
# the file and dirty pages spilled into the WAL before the commit.
SQLITE_CACHE_KIB = 64 * 1024
# Checkpoint once the WAL holds this many pages (256 MiB at 4 KiB pages; SQLite's default is 1000). Each
# import batch dirties thousands of scattered index pages; a page changed by several batches is then
# copied into the database (and fsynced) once per checkpoint, not once per batch or two: at 1 GB of
# export this halves the time spent committing. Commits stay atomic and a killed process loses no
# committed batch; as before with synchronous=NORMAL, only a power cut or OS crash can roll back the
# batches committed since the last checkpoint (now up to 256 MiB of WAL instead of 4 MiB).
SQLITE_CHECKPOINT_PAGES = 65536


class StoreError(Exception):
    """The store cannot be opened or used: the message says why, in Bahasa Indonesia."""


def default_url(data_dir: Path) -> str:
    """The embedded default: a SQLite file under the data directory."""
    return f"sqlite:///{(data_dir / DB_FILE).as_posix()}"


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` and use psycopg 3 for them."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def make_engine(url: str) -> Engine:
    """An engine for ``url``; a SQLite file gets its folder, WAL, foreign keys and a busy timeout."""
    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"alamat basis data tidak sah: {url!r}") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if backend == "postgresql":
        return create_engine(parsed, pool_pre_ping=True)
    raise StoreError(f"basis data {backend!r} tidak didukung: pakai sqlite:/// atau postgresql://")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the driver, decide when transactions begin (see _sqlite_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cur.execute(f"PRAGMA wal_autocheckpoint={SQLITE_CHECKPOINT_PAGES}")
    cur.execute(f"PRAGMA journal_size_limit={SQLITE_CHECKPOINT_PAGES * 4096}")  # WAL cut back after checkpoints
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    # A unit of work takes the write lock up front (BEGIN IMMEDIATE), so two writers queue behind the
    # busy timeout instead of one failing half-way; read-only connections (jn_readonly) never lock.
    if conn.get_execution_options().get("jn_readonly"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
