"""Opening the store: engine (migrated to the latest schema) and evidence vault, from settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from jaganetral.config import StoreSettings
from jaganetral.store.engine import StoreError, default_url, make_engine
from jaganetral.store.migrate import upgrade
from jaganetral.store.vault import Vault

__all__ = ["Store", "StoreError", "now", "open_store"]


def now() -> dt.datetime:
    """The current time in UTC (the service layer's only clock)."""
    return dt.datetime.now(dt.UTC)


@dataclass
class Store:
    engine: Engine
    vault: Vault
    url: str

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One unit of work: committed when the block ends, rolled back when it raises."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only view (never takes SQLite's write lock)."""
        with self.engine.connect().execution_options(jn_readonly=True) as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()


def open_store(settings: StoreSettings) -> Store:
    """Open (and migrate) the database and the vault; raises StoreError with a clear message."""
    url = settings.database_url or default_url(settings.data_dir)
    engine = make_engine(url)
    try:
        upgrade(engine)
    except (OperationalError, DBAPIError) as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        raise StoreError(f"basis data tidak bisa dibuka ({engine.url.render_as_string(hide_password=True)}): "
                         f"{reason}") from exc
    vault = Vault(settings.data_dir / "vault")
    vault.sweep_tmp()
    return Store(engine, vault, url)
