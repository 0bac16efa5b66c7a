"""Activities, quarantined records and findings. Functions take the caller's Connection; none commits."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from sqlalchemy import Connection, RowMapping, delete, func, select, update

from jaganetral.store.dialect import insert_ignoring
from jaganetral.store.tables import activities, findings, quarantine

IN_CHUNK = 500  # keys per IN (...) list: well under SQLite's and PostgreSQL's parameter limits


class Stored(NamedTuple):
    id: int
    seen_import: int
    account_id: int | None


def _chunks(items: Sequence[str], size: int = IN_CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def existing(conn: Connection, keys: Sequence[str]) -> dict[str, Stored]:
    """The stored activities among ``keys``."""
    out: dict[str, Stored] = {}
    c = activities.c
    for part in _chunks(keys):
        for key, id_, seen, account_id in conn.execute(
                select(c.key, c.id, c.seen_import, c.account_id).where(c.key.in_(part))):
            out[key] = Stored(id_, seen, account_id)
    return out


def mark_seen(conn: Connection, ids: Sequence[int], import_id: int) -> None:
    """Note that this run met these stored activities (so a repeat later in the run is not counted again)."""
    for start in range(0, len(ids), IN_CHUNK):
        part = ids[start:start + IN_CHUNK]
        conn.execute(update(activities).where(activities.c.id.in_(part)).values(seen_import=import_id))


def insert_activities(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert new activities (keys already checked absent by the caller; a racing copy is ignored)."""
    if rows:
        conn.execute(insert_ignoring(conn, activities, ["key"]), list(rows))


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


def counts_by_kind(conn: Connection) -> dict[str, int]:
    q = select(activities.c.kind, func.count()).group_by(activities.c.kind)
    return {kind: int(n) for kind, n in conn.execute(q)}


def count(conn: Connection, table_name: str) -> int:
    table = {"activities": activities, "quarantine": quarantine, "findings": findings}[table_name]
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def keys_of(conn: Connection, ids: Iterable[int]) -> dict[int, str]:
    id_list = list(ids)
    out: dict[int, str] = {}
    for start in range(0, len(id_list), IN_CHUNK):
        part = id_list[start:start + IN_CHUNK]
        for id_, key in conn.execute(select(activities.c.id, activities.c.key).where(activities.c.id.in_(part))):
            out[id_] = key
    return out
