"""The few statements that differ between SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Table
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.sql.dml import Insert


def insert_ignoring(conn: Connection, table: Table, unique: Sequence[str]) -> Insert:
    """INSERT … ON CONFLICT (unique) DO NOTHING, in the connection's dialect."""
    if conn.dialect.name == "postgresql":
        return pg_insert(table).on_conflict_do_nothing(index_elements=list(unique))
    return sqlite_insert(table).on_conflict_do_nothing(index_elements=list(unique))
