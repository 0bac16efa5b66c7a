"""Import runs: one row per ``jaganetral ingest`` (a killed run stays ``berjalan``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, update

from jaganetral.store.tables import imports


def start_import(conn: Connection, now: dt.datetime, actor: str, owner_employee_id: int | None,
                 options: dict[str, Any]) -> int:
    result = conn.execute(imports.insert().values(started_at=now, status="berjalan", actor=actor,
                                                  owner_employee_id=owner_employee_id, options=options))
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def finish_import(conn: Connection, import_id: int, now: dt.datetime, status: str, counts: dict[str, Any]) -> None:
    conn.execute(update(imports).where(imports.c.id == import_id)
                 .values(finished_at=now, status=status, counts=counts))
