"""The audit chain's rows: append under the head row's lock, read in chain order.

Each event's hash covers its id, time, actor, action, object and details and the previous
event's hash (see :func:`event_hash`), so changing, removing or reordering any row breaks the
chain from that row on. ``audit_head`` (one row, id 1) holds the last id and hash; appenders lock
it (``FOR UPDATE`` on PostgreSQL; SQLite writers already hold the database's write lock), so two
transactions can never both extend the same hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Connection, RowMapping, func, insert, select, update

from jaganetral.store.tables_review import audit_events, audit_head

GENESIS = "0" * 64


def canonical_time(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def event_hash(prev_hash: str, event_id: int, at: dt.datetime, actor: str, action: str,
               object_type: str, object_id: str, details: Mapping[str, Any]) -> str:
    body = json.dumps(
        {"id": event_id, "at": canonical_time(at), "actor": actor, "action": action,
         "object_type": object_type, "object_id": object_id, "details": details, "prev": prev_hash},
        ensure_ascii=False, sort_keys=True, separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _lock_head(conn: Connection) -> tuple[int, str]:
    query = select(audit_head.c.last_id, audit_head.c.last_hash).where(audit_head.c.id == 1)
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    row = conn.execute(query).one_or_none()
    if row is None:  # a database made before the head row existed: start it here
        conn.execute(insert(audit_head).values(id=1, last_id=0, last_hash=GENESIS))
        return 0, GENESIS
    return int(row.last_id), str(row.last_hash)


def append(conn: Connection, at: dt.datetime, actor: str, action: str, object_type: str,
           object_id: str, details: Mapping[str, Any]) -> tuple[int, str]:
    """Add one event after the current head; returns its id and hash."""
    last_id, last_hash = _lock_head(conn)
    event_id = last_id + 1
    digest = event_hash(last_hash, event_id, at, actor, action, object_type, object_id, details)
    conn.execute(insert(audit_events).values(
        id=event_id, at=at, actor=actor, action=action, object_type=object_type,
        object_id=object_id, details=dict(details), prev_hash=last_hash, hash=digest))
    conn.execute(update(audit_head).where(audit_head.c.id == 1)
                 .values(last_id=event_id, last_hash=digest))
    return event_id, digest


def head(conn: Connection) -> tuple[int, str]:
    row = conn.execute(select(audit_head.c.last_id, audit_head.c.last_hash)
                       .where(audit_head.c.id == 1)).one_or_none()
    return (0, GENESIS) if row is None else (int(row.last_id), str(row.last_hash))


def iter_events(conn: Connection, page: int = 5000) -> Iterator[RowMapping]:
    """Every event in chain order, read a page at a time (constant memory)."""
    after = 0
    while True:
        rows = conn.execute(select(audit_events).where(audit_events.c.id > after)
                            .order_by(audit_events.c.id).limit(page)).mappings().all()
        if not rows:
            return
        yield from rows
        after = int(rows[-1]["id"])


def count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(audit_events)).scalar_one())


def recent(conn: Connection, limit: int, offset: int, object_type: str | None = None,
           object_id: str | None = None) -> list[RowMapping]:
    query = select(audit_events).order_by(audit_events.c.id.desc()).limit(limit).offset(offset)
    if object_type is not None:
        query = query.where(audit_events.c.object_type == object_type)
    if object_id is not None:
        query = query.where(audit_events.c.object_id == object_id)
    return list(conn.execute(query).mappings().all())
