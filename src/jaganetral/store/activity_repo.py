"""Activities, quarantined records and findings. Functions take the caller's Connection; none commits.

The three statements an import runs per batch (look up keys, mark met, insert new) go straight to the
driver (``exec_driver_sql``): SQLAlchemy's per-row parameter processing cost more than SQLite's own
work. SQLite gets ``?`` lists and ``executemany``; PostgreSQL one statement per batch, with the keys,
ids or column values as arrays (``= ANY(...)``, ``INSERT ... SELECT FROM unnest(...)``) instead of one
round trip per row. The column types' own bind processors are applied, so what is stored is identical.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Connection, RowMapping, delete, select, update

from jaganetral.store.dialect import insert_ignoring
from jaganetral.store.tables import activities, findings, quarantine

IN_CHUNK = 500  # keys per IN (...) list: well under SQLite's and PostgreSQL's parameter limits
SQLITE_IN_CHUNK = 900  # host parameters per statement on the SQLite fast path (old builds allow 999)


class Stored(NamedTuple):
    id: int
    seen_import: int
    account_id: int | None


def _chunks(items: Sequence[str], size: int = IN_CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _qmark(conn: Connection) -> bool:
    """True on SQLite (positional ``?`` parameters)."""
    return conn.dialect.paramstyle == "qmark"


def _postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


@cache
def _marks(n: int) -> str:
    return ",".join("?" * n)


def existing(conn: Connection, keys: Sequence[str]) -> dict[str, Stored]:
    """The stored activities among ``keys``."""
    out: dict[str, Stored] = {}
    if _qmark(conn):
        query = f'SELECT "key", id, seen_import, account_id FROM {activities.name} WHERE "key" IN ({{}})'
        for part in _chunks(keys, SQLITE_IN_CHUNK):
            for key, id_, seen, account_id in conn.exec_driver_sql(query.format(_marks(len(part))), tuple(part)):
                out[key] = Stored(id_, seen, account_id)
        return out
    if _postgres(conn):  # one statement, the keys as one array
        if keys:
            query = f'SELECT "key", id, seen_import, account_id FROM {activities.name} WHERE "key" = ANY(%(keys)s)'
            for key, id_, seen, account_id in conn.exec_driver_sql(query, {"keys": list(keys)}):
                out[key] = Stored(id_, seen, account_id)
        return out
    c = activities.c
    for part in _chunks(keys):
        for key, id_, seen, account_id in conn.execute(
                select(c.key, c.id, c.seen_import, c.account_id).where(c.key.in_(part))):
            out[key] = Stored(id_, seen, account_id)
    return out


def mark_seen(conn: Connection, ids: Sequence[int], import_id: int) -> None:
    """Note that this run met these stored activities (so a repeat later in the run is not counted again)."""
    if _qmark(conn):
        for start in range(0, len(ids), SQLITE_IN_CHUNK):
            part = ids[start:start + SQLITE_IN_CHUNK]
            conn.exec_driver_sql(f"UPDATE {activities.name} SET seen_import = ? WHERE id IN ({_marks(len(part))})",
                                 (import_id, *part))
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
    sql: str  # INSERT ... ON CONFLICT ("key") DO NOTHING, in the driver's parameter style
    names: tuple[str, ...]  # the columns, in parameter order
    values: Callable[[Mapping[str, Any]], tuple[Any, ...]]  # a row's values in parameter order
    # the column types' bind processors by position, and whether a None must go through too (it is
    # skipped when the processor gives None for it anyway: the time and JSON columns of most rows)
    processors: tuple[tuple[int, Callable[[Any], Any], bool], ...]


_PLANS: dict[tuple[str, tuple[str, ...]], _InsertPlan] = {}


def _insert_plan(conn: Connection, names: tuple[str, ...]) -> _InsertPlan:
    plan = _PLANS.get((conn.dialect.name, names))
    if plan is None:
        if _qmark(conn):  # SQLite: the Core statement, compiled once, for executemany
            compiled = insert_ignoring(conn, activities, ["key"]).compile(dialect=conn.dialect,
                                                                          column_keys=list(names))
            order, sql = tuple(compiled.positiontup or ()), str(compiled)
        else:  # PostgreSQL: one INSERT ... SELECT FROM unnest(one array per column) for the whole batch
            order, quote = names, conn.dialect.identifier_preparer.format_column
            columns = [activities.c[name] for name in order]
            arrays = ", ".join(f"%(c{i})s::{c.type.compile(dialect=conn.dialect)}[]" for i, c in enumerate(columns))
            sql = (f"INSERT INTO {activities.name} ({', '.join(quote(c) for c in columns)}) "
                   f"SELECT * FROM unnest({arrays}) ON CONFLICT ({quote(activities.c.key)}) DO NOTHING")
        getter = operator.itemgetter(*order)
        values: Callable[[Mapping[str, Any]], tuple[Any, ...]] = (
            getter if len(order) > 1 else lambda row: (getter(row),))
        processors = tuple((i, p, p(None) is not None) for i, name in enumerate(order)
                           if (p := activities.c[name].type.bind_processor(conn.dialect)) is not None)
        plan = _PLANS[(conn.dialect.name, names)] = _InsertPlan(sql, order, values, processors)
    return plan


def insert_activities(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert new activities (keys already checked absent by the caller; a racing copy is ignored).

    Every row has the first row's keys (as with Core's executemany, which compiles from the first row).
    Rows get their ids in the order given, as before."""
    if not rows:
        return
    if not _qmark(conn) and not _postgres(conn):
        conn.execute(insert_ignoring(conn, activities, ["key"]), list(rows))
        return
    plan = _insert_plan(conn, tuple(rows[0]))
    values, processors = plan.values, plan.processors
    if _postgres(conn):
        columns = [[row[name] for row in rows] for name in plan.names]
        for i, process, none_too in processors:
            columns[i] = [process(v) if none_too or v is not None else v for v in columns[i]]
        conn.exec_driver_sql(plan.sql, {f"c{i}": column for i, column in enumerate(columns)})
        return
    params: list[tuple[Any, ...]] = []
    append = params.append
    for row in rows:
        vals = list(values(row))
        for i, process, none_too in processors:
            if none_too or vals[i] is not None:
                vals[i] = process(vals[i])
        append(tuple(vals))
    conn.exec_driver_sql(plan.sql, params)


def set_account(conn: Connection, ids: Sequence[int], account_id: int) -> None:
    """Link activities whose account was unknown (an export imported before its owner was named)."""
    for start in range(0, len(ids), IN_CHUNK):
        part = ids[start:start + IN_CHUNK]
        conn.execute(update(activities).where(activities.c.id.in_(part), activities.c.account_id.is_(None))
                     .values(account_id=account_id))


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


def mark_judged(conn: Connection, ids: Sequence[int], fingerprint: str) -> None:
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
    q = select(c.id, c.key, c.platform, c.kind, c.created_at, c.text, c.target_text, c.target_account)
    q = q.where(c.id > after_id)
    if fingerprint is not None:
        q = q.where((c.judged_pack.is_(None)) | (c.judged_pack != fingerprint))
    return list(conn.execute(q.order_by(c.id).limit(limit)).mappings())
