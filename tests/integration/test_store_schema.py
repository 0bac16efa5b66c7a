"""The schema: Alembic's migrations create exactly the tables in store/tables.py, on both databases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, select
from sqlalchemy.exc import StatementError

from jaganetral.config import StoreSettings
from jaganetral.service.store import Store, open_store
from jaganetral.store.migrate import current_revision, head_revision, upgrade
from jaganetral.store.schema import metadata
from jaganetral.store.types import UtcDateTime


def test_migrations_match_the_tables(store: Store) -> None:
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    assert current_revision(store.engine) == head_revision(store.engine)


def test_opening_again_is_a_no_op(store_settings: StoreSettings) -> None:
    for _ in range(2):
        s = open_store(store_settings)
        upgrade(s.engine)
        s.close()


def test_sqlite_default_is_a_wal_file_under_the_data_dir(tmp_path: Path) -> None:
    data = tmp_path / "data"
    s = open_store(StoreSettings(data_dir=data))
    try:
        assert (data / "jaganetral.db").is_file()
        with s.read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
    finally:
        s.close()


probe = Table("probe_times", MetaData(), Column("id", Integer, primary_key=True), Column("t", UtcDateTime))
ZONES = [dt.UTC, dt.timezone(dt.timedelta(hours=7)), dt.timezone(dt.timedelta(hours=-3, minutes=-30))]


@settings(max_examples=40, deadline=None)
@given(when=st.datetimes(min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2100, 1, 1),
                         timezones=st.sampled_from(ZONES)))
def test_times_come_back_as_the_same_instant_in_utc(when: dt.datetime) -> None:
    engine = create_engine("sqlite://")
    probe.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(probe.insert().values(id=1, t=when))
        back = conn.execute(select(probe.c.t)).scalar_one()
    assert back == when and back.tzinfo == dt.UTC


@pytest.mark.parametrize("when", [dt.datetime(2024, 2, 14, 7, 0, tzinfo=zone) for zone in ZONES])
def test_times_round_trip_on_both_databases(store: Store, when: dt.datetime) -> None:
    with store.transaction() as conn:
        probe.create(conn)
        conn.execute(probe.insert().values(id=1, t=when))
        back = conn.execute(select(probe.c.t)).scalar_one()
        probe.drop(conn)
    assert back == when and back.tzinfo == dt.UTC


def test_naive_times_are_refused() -> None:
    engine = create_engine("sqlite://")
    probe.metadata.create_all(engine)
    with pytest.raises(StatementError, match="zona waktu"), engine.begin() as conn:
        conn.execute(probe.insert().values(id=1, t=dt.datetime(2024, 1, 1)))
