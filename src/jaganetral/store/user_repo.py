"""Users of the web application and the agencies a user is limited to. Functions never commit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, RowMapping, delete, func, insert, or_, select, update

from jaganetral.store.tables import agencies
from jaganetral.store.tables_review import user_agencies, users


def by_username(conn: Connection, username: str) -> RowMapping | None:
    return conn.execute(select(users).where(users.c.username == username)).mappings().first()


def by_id(conn: Connection, user_id: int) -> RowMapping | None:
    return conn.execute(select(users).where(users.c.id == user_id)).mappings().first()


def create(conn: Connection, values: Mapping[str, Any]) -> int:
    result = conn.execute(insert(users).values(**values).returning(users.c.id))
    return int(result.scalar_one())


def change(conn: Connection, user_id: int, values: Mapping[str, Any]) -> None:
    conn.execute(update(users).where(users.c.id == user_id).values(**values))


def listing(conn: Connection) -> list[RowMapping]:
    return list(conn.execute(select(users).order_by(users.c.username)).mappings())


def agency_ids(conn: Connection, user_id: int) -> frozenset[int]:
    rows = conn.execute(select(user_agencies.c.agency_id).where(user_agencies.c.user_id == user_id))
    return frozenset(int(r[0]) for r in rows)


def all_agency_links(conn: Connection) -> dict[int, list[str]]:
    """user id -> names of the agencies the user is limited to."""
    out: dict[int, list[str]] = {}
    query = (select(user_agencies.c.user_id, agencies.c.name)
             .join(agencies, agencies.c.id == user_agencies.c.agency_id).order_by(agencies.c.name))
    for user_id, name in conn.execute(query):
        out.setdefault(int(user_id), []).append(str(name))
    return out


def set_agencies(conn: Connection, user_id: int, agency_ids: Iterable[int]) -> None:
    conn.execute(delete(user_agencies).where(user_agencies.c.user_id == user_id))
    rows = [{"user_id": user_id, "agency_id": a} for a in sorted(set(agency_ids))]
    if rows:
        conn.execute(insert(user_agencies), rows)


def find_agency(conn: Connection, code_or_name: str) -> RowMapping | None:
    """An agency by its code or its name (case-insensitive)."""
    value = code_or_name.strip().lower()
    query = select(agencies).where(or_(func.lower(agencies.c.code) == value, func.lower(agencies.c.name) == value))
    return conn.execute(query.order_by(agencies.c.id)).mappings().first()


def agency_options(conn: Connection) -> list[RowMapping]:
    return list(conn.execute(select(agencies.c.id, agencies.c.code, agencies.c.name)
                             .order_by(agencies.c.name)).mappings())


def touch_login(conn: Connection, user_id: int, at: dt.datetime) -> None:
    conn.execute(update(users).where(users.c.id == user_id).values(last_login_at=at))
