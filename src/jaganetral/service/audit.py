"""The audit trail: every change and every view of a case is an event in a hash chain.

:func:`append_event` is called inside the caller's transaction, so the event commits (or rolls
back) with the change it records. :func:`verify_chain` recomputes every hash in order and names
the first event that does not match: changed, removed, inserted or reordered rows all show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from jaganetral.service.access import AUDIT_ROLES, Viewer, require_role
from jaganetral.service.store import Store, now
from jaganetral.store import audit_repo


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    count: int
    first_bad_id: int | None
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "events": self.count, "first_bad_id": self.first_bad_id,
                "message": self.message}


@dataclass(frozen=True)
class AuditEvent:
    id: int
    at: Any
    actor: str
    action: str
    object_type: str
    object_id: str
    details: Mapping[str, Any]
    hash: str


def append_event(conn: Connection, actor: str, action: str, object_type: str, object_id: object,
                 details: Mapping[str, Any] | None = None) -> int:
    """Record one event in the caller's transaction; returns its id."""
    event_id, _ = audit_repo.append(conn, now(), actor, action, object_type, str(object_id),
                                    dict(details or {}))
    return event_id


def verify_chain(store: Store) -> ChainReport:
    with store.read() as conn:
        return verify_connection(conn)


def verify_connection(conn: Connection) -> ChainReport:
    prev, expected_id, n = audit_repo.GENESIS, 1, 0
    for row in audit_repo.iter_events(conn):
        event_id = int(row["id"])
        if event_id != expected_id:
            return ChainReport(False, n, event_id,
                               f"urutan rantai terputus: setelah peristiwa {expected_id - 1} "
                               f"langsung peristiwa {event_id} (ada yang dihapus atau disisipkan)")
        if row["prev_hash"] != prev:
            return ChainReport(False, n, event_id,
                               f"peristiwa {event_id} tidak menunjuk hash peristiwa sebelumnya")
        digest = audit_repo.event_hash(prev, event_id, row["at"], row["actor"], row["action"],
                                       row["object_type"], row["object_id"], row["details"])
        if digest != row["hash"]:
            return ChainReport(False, n, event_id,
                               f"isi peristiwa {event_id} telah diubah (hash tidak cocok)")
        prev, expected_id, n = digest, expected_id + 1, n + 1
    head_id, head_hash = audit_repo.head(conn)
    if head_id != n or head_hash != prev:
        return ChainReport(False, n, head_id or None,
                           f"kepala rantai menunjuk peristiwa {head_id}, rantai berisi {n} "
                           "(peristiwa terakhir dihapus atau diubah)")
    return ChainReport(True, n, None, f"rantai audit utuh: {n} peristiwa terverifikasi")


def list_events(store: Store, viewer: Viewer, limit: int = 100, offset: int = 0,
                object_type: str | None = None, object_id: str | None = None) -> list[AuditEvent]:
    require_role(viewer, AUDIT_ROLES, "membuka log audit")
    with store.read() as conn:
        rows = audit_repo.recent(conn, limit, offset, object_type, object_id)
    return [AuditEvent(int(r["id"]), r["at"], r["actor"], r["action"], r["object_type"],
                       r["object_id"], r["details"], r["hash"]) for r in rows]


def count_events(store: Store) -> int:
    with store.read() as conn:
        return audit_repo.count(conn)
