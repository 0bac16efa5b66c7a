"""Rescan runs: one row per ``jaganetral rescan``, with what changed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, update

from jaganetral.store.tables import rescans


def start_rescan(conn: Connection, now: dt.datetime, actor: str, pack_version: str, detector_version: str) -> int:
    result = conn.execute(rescans.insert().values(started_at=now, actor=actor, pack_version=pack_version,
                                                  detector_version=detector_version))
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def finish_rescan(conn: Connection, rescan_id: int, now: dt.datetime, counts: dict[str, Any]) -> None:
    conn.execute(update(rescans).where(rescans.c.id == rescan_id).values(finished_at=now, counts=counts))
