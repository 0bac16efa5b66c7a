"""Activities, quarantined records and findings. Functions take the caller's Connection; none commits.

The three statements an import runs per batch (look up keys, mark met, insert new) go straight to the
driver (``exec_driver_sql``): SQLAlchemy's per-row parameter processing cost more than SQLite's own
work. SQLite gets ``?`` lists and ``executemany``; PostgreSQL one statement per batch, with the keys,
ids or column values as arrays (``= ANY(...)``, ``INSERT ... SELECT FROM unnest(...)``) instead of one
round trip per row. The column types' own bind processors are applied, so what is stored is identical.
Activities are looked up by ``key64`` (the key's first 64 bits, indexed) and told apart by the full key.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import chain
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import Connection, RowMapping, delete, select, update

from jaganetral.store.dialect import insert_ignoring
from jaganetral.store.tables import activities, findings, quarantine

T = TypeVar("T")
IN_CHUNK = 500  # keys per IN (...) list: well under SQLite's and PostgreSQL's parameter limits


class Stored(NamedTuple):
    id: int
    seen_import: int
    account_id: int | None


def _qmark(conn: Connection) -> bool:
    """True on SQLite (positional ``?`` parameters)."""
    return conn.dialect.paramstyle == "qmark"


def _postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


@lru_cache(maxsize=64)
def _marks(n: int) -> str:
    return ",".join("?" * n)


def key64(key: str) -> int:
    """The indexed form of a dedup key: its first 64 bits (16 hex digits) as a signed 64-bit integer."""
    number = int(key[:16], 16)
    return number - _TWO64 if number >= _TWO63 else number


_TWO63, _TWO64 = 1 << 63, 1 << 64


def existing(conn: Connection, keys: Sequence[str], key64s: Sequence[int] | None = None) -> dict[str, Stored]:
    """The stored activities among ``keys`` (``key64s``: their ``key64``, when the caller has them).

    Rows are found by ``key64`` and kept only when their full key is one asked for: two activities
    whose keys share the first 64 bits are told apart here."""
    out: dict[str, Stored] = {}
    wanted = set(keys)
    numbers = list(set(key64s) if key64s is not None else {key64(k) for k in wanted})
    if _qmark(conn):  # the rows as one JSON array: one call into SQLite (GIL released) instead of one per row
        query = (f'SELECT json_group_array(json_array("key", id, seen_import, account_id)) FROM {activities.name} '
                 "WHERE key64 IN ({})")
        for in_list in _in_lists(numbers, _sqlite_max_params(conn)):
            found = conn.exec_driver_sql(query.format(_marks(len(in_list))), in_list).scalar_one()
            for key, id_, seen, account_id in json.loads(found):
                if key in wanted:
                    out[key] = Stored(id_, seen, account_id)
        return out
    if _postgres(conn):  # one statement, the numbers as one array
        if numbers:
            query = f'SELECT "key", id, seen_import, account_id FROM {activities.name} WHERE key64 = ANY(%(k)s)'
            for key, id_, seen, account_id in conn.exec_driver_sql(query, {"k": numbers}):
                if key in wanted:
                    out[key] = Stored(id_, seen, account_id)
        return out
    c = activities.c
    for start in range(0, len(numbers), IN_CHUNK):
        part = numbers[start:start + IN_CHUNK]
        for key, id_, seen, account_id in conn.execute(
                select(c.key, c.id, c.seen_import, c.account_id).where(c.key64.in_(part))):
            if key in wanted:
                out[key] = Stored(id_, seen, account_id)
    return out


def lock_activities(conn: Connection) -> None:
    """Make concurrent imports take turns from here to the end of the transaction.

    ``key64`` is not unique, so looking up a batch's keys and inserting the absent ones must not
    interleave with another import doing the same. SQLite already serialises writers (every unit of
    work begins IMMEDIATE); PostgreSQL gets a transaction-level advisory lock."""
    if _postgres(conn):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK})")


_PG_LOCK = 0x4A4E_4143_5456  # "JNACTV": one lock for the activities table


def mark_seen(conn: Connection, ids: Sequence[int], import_id: int) -> None:
    """Note that this run met these stored activities (so a repeat later in the run is not counted again)."""
    if _qmark(conn):
        for in_list in _in_lists(ids, _sqlite_max_params(conn) - 1):
            conn.exec_driver_sql(f"UPDATE {activities.name} SET seen_import = ? WHERE id IN ({_marks(len(in_list))})",
                                 (import_id, *in_list))
        return
    if _postgres(conn):
        if ids:
            conn.exec_driver_sql(f"UPDATE {activities.name} SET seen_import = %(import_id)s WHERE id = ANY(%(ids)s)",
                                 {"import_id": import_id, "ids": list(ids)})
        return
    for start in range(0, len(ids), IN_CHUNK):
        part = ids[start:start + IN_CHUNK]
        conn.execute(update(activities).where(activities.c.id.in_(part)).values(seen_import=import_id))


class _InsertPlan(NamedTuple):
    sql: str  # PostgreSQL: the whole INSERT; SQLite: its head, "INSERT INTO activities (...) VALUES "
    # the column types' bind processors by position, and whether a None must go through too (it is
    # skipped when the processor gives None for it anyway: the time and JSON columns of most rows)
    processors: tuple[tuple[int, Callable[[Any], Any], bool], ...]


_PLANS: dict[tuple[str, tuple[str, ...]], _InsertPlan] = {}


def _insert_plan(conn: Connection, names: tuple[str, ...]) -> _InsertPlan:
    plan = _PLANS.get((conn.dialect.name, names))
    if plan is None:
        quote = conn.dialect.identifier_preparer.format_column
        columns = [activities.c[name] for name in names]
        sql = f"INSERT INTO {activities.name} ({', '.join(quote(c) for c in columns)}) "
        if _qmark(conn):  # SQLite: rows as VALUES (...), (...), ... (see _sqlite_insert)
            sql += "VALUES "
        else:  # PostgreSQL: one INSERT ... SELECT FROM unnest(one array per column) for the whole batch
            arrays = ", ".join(f"%(c{i})s::{c.type.compile(dialect=conn.dialect)}[]" for i, c in enumerate(columns))
            sql += f"SELECT * FROM unnest({arrays})"
        processors = tuple((i, p, p(None) is not None) for i, c in enumerate(columns)
                           if (p := c.type.bind_processor(conn.dialect)) is not None)
        plan = _PLANS[(conn.dialect.name, names)] = _InsertPlan(sql, processors)
    return plan


def insert_rows(conn: Connection, names: tuple[str, ...], rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert new activities (keys already checked absent by the caller, under ``lock_activities``).

    ``rows``: tuples of the ``names`` columns' values (``key64`` among them, see ``key64``), as Python
    values: the column types' own bind processors are applied here. Rows get their ids in the order given."""
    if not rows:
        return
    if not _qmark(conn) and not _postgres(conn):
        conn.execute(activities.insert(), [dict(zip(names, row, strict=True)) for row in rows])
        return
    plan = _insert_plan(conn, names)
    width = len(names)
    if _postgres(conn):
        columns = [list(column) for column in zip(*rows, strict=True)]
        for i, process, none_too in plan.processors:
            columns[i] = [process(v) if none_too or v is not None else v for v in columns[i]]
        conn.exec_driver_sql(plan.sql, {f"c{i}": column for i, column in enumerate(columns)})
        return
    flat = list(chain.from_iterable(rows))
    if len(flat) != width * len(rows):
        raise ValueError(f"every row must have {width} values")
    for i, process, none_too in plan.processors:  # one column at a time: a slice of the flat list
        flat[i::width] = [process(v) if none_too or v is not None else v for v in flat[i::width]]
    _sqlite_insert(conn, plan.sql, width, flat)


def _sqlite_insert(conn: Connection, head: str, width: int, flat: list[Any]) -> None:
    """Rows of ``width`` values (``flat``, one after the other) as multi-row INSERTs.

    As many rows per statement as SQLite's parameter limit allows: far fewer calls than executemany's
    one per row, and the driver releases the GIL for each call (the import's reading thread runs)."""
    for start, rows in _pieces(len(flat) // width, max(1, _sqlite_max_params(conn) // width)):
        part = flat[start * width:(start + rows) * width]
        conn.exec_driver_sql(head + _values(rows, width), tuple(part))


def _pieces(n: int, most: int) -> Iterator[tuple[int, int]]:
    """(start, size) pieces of ``n`` items: ``most`` at a time, then the rest in powers of two.

    Statements with ``size`` parameters (or rows) are prepared and cached by the driver (128 of them)
    and their SQL by ``_marks``/``_values``: a handful of sizes keeps those caches small, where one
    statement per remainder size seen would keep up to 128 statements of thousands of parameters."""
    start = 0
    while n - start >= most:
        yield start, most
        start += most
    step = 1 << max(0, (n - start).bit_length() - 1)
    while start < n:
        if n - start >= step:
            yield start, step
            start += step
        step >>= 1


def _in_lists(values: Sequence[T], most: int) -> Iterator[tuple[T, ...]]:
    """``values`` in IN (...) lists of at most ``most``, each padded (repeating its last value, which
    changes nothing in an IN list) to a power of two or ``most``: few sizes, so few statements (see _pieces)."""
    for start in range(0, len(values), most):
        part = tuple(values[start:start + most])
        size = min(most, 1 << (len(part) - 1).bit_length())
        yield part + part[-1:] * (size - len(part))


@lru_cache(maxsize=32)
def _values(rows: int, width: int) -> str:
    one = f"({_marks(width)})"
    return ",".join([one] * rows)


def _sqlite_max_params(conn: Connection) -> int:
    """Host parameters per statement on the SQLite fast path: the library's limit (999 in old builds)."""
    global _MAX_PARAMS
    if _MAX_PARAMS is None:
        driver = conn.connection.driver_connection
        getlimit = getattr(driver, "getlimit", None)
        limit = int(getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)) if getlimit is not None else 999
        _MAX_PARAMS = max(2, min(limit, 32766))
    return _MAX_PARAMS


_MAX_PARAMS: int | None = None


def set_account(conn: Connection, ids: Sequence[int], account_id: int) -> None:
    """Link activities whose account was unknown (an export imported before its owner was named)."""
    for start in range(0, len(ids), IN_CHUNK):
        part = ids[start:start + IN_CHUNK]
        conn.execute(update(activities).where(activities.c.id.in_(part), activities.c.account_id.is_(None))
                     .values(account_id=account_id))
        conn.execute(update(findings).where(findings.c.activity_id.in_(part), findings.c.activity_account_id.is_(None))
                     .values(activity_account_id=account_id))


def insert_quarantine(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    if rows:
        conn.execute(insert_ignoring(conn, quarantine, ["source_sha256", "locator"]), list(rows))


def forget_file(conn: Connection, import_id: int, sha256: str) -> int:
    """Remove what this import stored from one file (the file turned out unreadable); returns the count."""
    mine = select(activities.c.id).where(activities.c.import_id == import_id, activities.c.source_sha256 == sha256)
    conn.execute(delete(findings).where(findings.c.activity_id.in_(mine)))
    conn.execute(delete(quarantine).where(quarantine.c.import_id == import_id, quarantine.c.source_sha256 == sha256))
    result = conn.execute(delete(activities).where(activities.c.import_id == import_id,
                                                   activities.c.source_sha256 == sha256))
    return int(result.rowcount or 0)


def insert_findings(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    if rows:
        conn.execute(findings.insert(), list(rows))


def mark_judged(conn: Connection, ids: Sequence[int], fingerprint: str | None) -> None:
    """Record what these activities were last judged with (None: not judged, a rescan takes them)."""
    for start in range(0, len(ids), IN_CHUNK):
        part = ids[start:start + IN_CHUNK]
        conn.execute(update(activities).where(activities.c.id.in_(part)).values(judged_pack=fingerprint))


def retire_findings(conn: Connection, ids: Sequence[int], rescan_id: int) -> None:
    for start in range(0, len(ids), IN_CHUNK):
        part = ids[start:start + IN_CHUNK]
        conn.execute(update(findings).where(findings.c.id.in_(part)).values(current=False, retired_in=rescan_id))


def current_findings(conn: Connection, activity_ids: Sequence[int]) -> dict[int, RowMapping]:
    """The current finding of each activity that has one."""
    out: dict[int, RowMapping] = {}
    for start in range(0, len(activity_ids), IN_CHUNK):
        part = activity_ids[start:start + IN_CHUNK]
        q = select(findings).where(findings.c.current.is_(True), findings.c.activity_id.in_(part))
        for row in conn.execute(q).mappings():
            out[row["activity_id"]] = row
    return out


def to_judge(conn: Connection, after_id: int, limit: int, fingerprint: str | None) -> list[RowMapping]:
    """Activities in id order after ``after_id``; only those not judged with ``fingerprint`` when given."""
    c = activities.c
    q = select(c.id, c.key, c.platform, c.kind, c.account_id, c.created_at, c.text, c.target_text,
               c.target_account)
    q = q.where(c.id > after_id)
    if fingerprint is not None:
        q = q.where((c.judged_pack.is_(None)) | (c.judged_pack != fingerprint))
    return list(conn.execute(q.order_by(c.id).limit(limit)).mappings())
