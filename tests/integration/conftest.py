"""Stores for the storage tests: every test that takes ``store`` runs on SQLite and on PostgreSQL.

PostgreSQL is the real server at ``$JN_TEST_DATABASE_URL`` (default postgresql://127.0.0.1:5432/test,
which ``make test`` starts when none answers). Each test gets its own schema, dropped afterwards.
A server that does not answer fails the test: it is never skipped.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import OperationalError

from jaganetral.config import StoreSettings
from jaganetral.service.store import Store, open_store
from jaganetral.store.engine import normalise_url

PG_DEFAULT = "postgresql://127.0.0.1:5432/test"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "exports"


def pg_base_url() -> str:
    return os.environ.get("JN_TEST_DATABASE_URL") or PG_DEFAULT


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh private schema."""
    base = pg_base_url()
    schema = "jn_test_" + uuid.uuid4().hex[:12]
    engine = create_engine(normalise_url(base))
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    except OperationalError as exc:
        engine.dispose()
        pytest.fail(f"PostgreSQL di {base} tidak menjawab ({exc.orig}); jalankan lewat `make test`, "
                    "yang menyalakan server bila belum ada (.ci/ensure-postgres)")
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_settings(request: pytest.FixtureRequest, tmp_path: Path) -> StoreSettings:
    if request.param == "sqlite":
        return StoreSettings(data_dir=tmp_path / "data")
    url: str = request.getfixturevalue("pg_url")
    return StoreSettings(data_dir=tmp_path / "data", database_url=url)


@pytest.fixture
def store(store_settings: StoreSettings) -> Iterator[Store]:
    s = open_store(store_settings)
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def fixture_copy(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Copy a fixture file (relative to tests/fixtures/exports) into a fresh folder; returns the copy."""
    def copy(relative: str, name: str | None = None) -> Path:
        src = FIXTURES / relative
        dest_dir = tmp_path / "in" / uuid.uuid4().hex[:8]
        dest_dir.mkdir(parents=True)
        dest = dest_dir / (name or src.name)
        shutil.copyfile(src, dest)
        return dest
    return copy
