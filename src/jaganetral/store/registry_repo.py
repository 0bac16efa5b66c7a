"""Agencies, employees, their accounts and declared relatives. Functions never commit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, RowMapping, func, or_, select, update

from jaganetral.store.dialect import insert_ignoring
from jaganetral.store.tables import accounts, agencies, employees, relatives


def account_key(handle: str | None, numeric_id: str | None, name: str | None) -> str:
    """An account's identity on its platform: numeric id, else handle (case-folded), else display name."""
    if numeric_id:
        return f"id:{numeric_id}"
    if handle:
        return f"h:{handle.lower()}"
    if name:
        return f"n:{name.strip()}"
    return "?"


def find_account(conn: Connection, platform: str, handle: str | None, numeric_id: str | None,
                 name: str | None) -> int | None:
    """The stored account with this id or handle (or, lacking both, this exact display name)."""
    c = accounts.c
    conds = []
    if numeric_id:
        conds.append(c.numeric_id == numeric_id)
    if handle:
        conds.append(c.handle == handle.lower())
    if not conds:
        if not name:
            return None
        conds.append(c.key == account_key(None, None, name))
    row = conn.execute(select(c.id).where(c.platform == platform, or_(*conds)).order_by(c.id).limit(1)).first()
    return None if row is None else int(row[0])


def complete_account(conn: Connection, account_id: int, handle: str | None, numeric_id: str | None) -> None:
    """Add the numeric id or handle an account was stored without, once an export names it.

    An account first met by handle (a chat, a mention) and later with its numeric id as well stays one
    account: what it lacked is filled in, so a third export naming only the id finds it too; an export
    owner's account made for --account-of gains the handle the export's profile names. Nothing is
    overwritten, and an id or handle that already belongs to another account on the platform is left
    alone (handles get renamed and reused; the older account keeps it)."""
    if not (handle or numeric_id):
        return
    c = accounts.c
    row = conn.execute(select(c.platform, c.handle, c.numeric_id).where(c.id == account_id)).one()
    fill: dict[str, str] = {}
    if numeric_id and row.numeric_id is None:
        fill["numeric_id"] = numeric_id
    if handle and row.handle is None:
        fill["handle"] = handle.lower()
    for column, value in fill.items():
        taken = conn.execute(select(c.id).where(c.platform == row.platform, c[column] == value, c.id != account_id)
                             .limit(1)).first()
        if taken is None:
            conn.execute(update(accounts).where(accounts.c.id == account_id).values({column: value}))


def add_account(conn: Connection, platform: str, handle: str | None, numeric_id: str | None, name: str | None,
                profile_url: str | None, now: dt.datetime, employee_id: int | None = None,
                key: str | None = None) -> int:
    """Create an account (the caller checked it is new) and return its id; a racing twin is reused."""
    key = key or account_key(handle, numeric_id, name)
    conn.execute(insert_ignoring(conn, accounts, ["platform", "key"]).values(
        platform=platform, key=key, handle=handle.lower() if handle else None, numeric_id=numeric_id,
        display_name=name, profile_url=profile_url, employee_id=employee_id, created_at=now))
    row = conn.execute(select(accounts.c.id).where(accounts.c.platform == platform, accounts.c.key == key)).one()
    return int(row[0])


def link_account(conn: Connection, account_id: int, employee_id: int) -> None:
    conn.execute(update(accounts).where(accounts.c.id == account_id).values(employee_id=employee_id))


def account_row(conn: Connection, account_id: int) -> RowMapping:
    return conn.execute(select(accounts).where(accounts.c.id == account_id)).mappings().one()


def accounts_of(conn: Connection, employee_id: int, platform: str | None = None) -> list[RowMapping]:
    q = select(accounts).where(accounts.c.employee_id == employee_id)
    if platform is not None:
        q = q.where(accounts.c.platform == platform)
    return list(conn.execute(q.order_by(accounts.c.id)).mappings())


def agency_id(conn: Connection, name: str, code: str | None, now: dt.datetime) -> int:
    """The agency with this name (case- and space-insensitive), created when new."""
    clean = " ".join(name.split())
    row = conn.execute(select(agencies.c.id, agencies.c.code)
                       .where(func.lower(agencies.c.name) == clean.lower())).first()
    if row is not None:
        if code and not row[1]:
            conn.execute(update(agencies).where(agencies.c.id == row[0]).values(code=code))
        return int(row[0])
    result = conn.execute(agencies.insert().values(name=clean, code=code or None, created_at=now))
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def employee_by_identifier(conn: Connection, identifier: str) -> RowMapping | None:
    """An employee by NIP or by staff number (honorer)."""
    text = identifier.strip()
    digits = text.replace(" ", "").replace(".", "")
    conds = [employees.c.staff_number == text]
    if digits.isdigit():
        conds.append(employees.c.nip == digits)
    q = select(employees).where(or_(*conds))
    return conn.execute(q).mappings().first()


def save_employee(conn: Connection, values: Mapping[str, Any], now: dt.datetime) -> tuple[int, bool]:
    """Insert or update the employee with this NIP (or staff number); returns (id, created)."""
    c = employees.c
    where = c.nip == values["nip"] if values.get("nip") else c.staff_number == values["staff_number"]
    row = conn.execute(select(c.id).where(where)).first()
    if row is None:
        result = conn.execute(employees.insert().values(**values, created_at=now, updated_at=now))
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0]), True
    conn.execute(update(employees).where(c.id == row[0]).values(**values, updated_at=now))
    return int(row[0]), False


def add_relative(conn: Connection, employee_id: int, name: str, relation: str | None, now: dt.datetime) -> None:
    conn.execute(insert_ignoring(conn, relatives, ["employee_id", "name"]).values(
        employee_id=employee_id, name=name, relation=relation, created_at=now))


def count_rows(conn: Connection) -> dict[str, int]:
    out: dict[str, int] = {}
    for table in (agencies, employees, accounts, relatives):
        out[table.name] = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
    return out


# --- Added for the roster import (service.registry) ---------------------------------------------------


def employee_by(conn: Connection, *, employee_id: int | None = None, nip: str | None = None,
                staff_number: str | None = None) -> RowMapping | None:
    """The employee with this id, NIP or staff number (exactly one of them given)."""
    given = [(col, v) for col, v in ((employees.c.id, employee_id), (employees.c.nip, nip),
                                     (employees.c.staff_number, staff_number)) if v is not None]
    if len(given) != 1:
        raise ValueError("employee_by: give exactly one of employee_id, nip, staff_number")
    column, value = given[0]
    return conn.execute(select(employees).where(column == value)).mappings().first()


def update_employee(conn: Connection, employee_id: int, values: Mapping[str, Any], now: dt.datetime) -> None:
    """Update the employee with this id (``values`` may change its NIP or staff number)."""
    conn.execute(update(employees).where(employees.c.id == employee_id).values(**values, updated_at=now))


def agency_row(conn: Connection, agency_id: int) -> RowMapping:
    return conn.execute(select(agencies).where(agencies.c.id == agency_id)).mappings().one()


def agency_by_code(conn: Connection, code: str) -> RowMapping | None:
    return conn.execute(select(agencies).where(agencies.c.code == code)).mappings().first()


def relatives_of(conn: Connection, employee_id: int) -> list[RowMapping]:
    q = select(relatives).where(relatives.c.employee_id == employee_id).order_by(relatives.c.id)
    return list(conn.execute(q).mappings())


def text_limits() -> dict[str, int]:
    """The longest text each bounded registry column takes, by "table.column" (PostgreSQL enforces them)."""
    out: dict[str, int] = {}
    for table in (agencies, employees, relatives):
        for column in table.columns:
            length = getattr(column.type, "length", None)
            if isinstance(length, int):
                out[f"{table.name}.{column.name}"] = length
    return out


def pending_owner_key(identifier: str) -> str:
    """The key of an export owner's account named by NIP/number before that employee is registered."""
    return f"pemilik-ekspor:{identifier}"


def link_pending_owner(conn: Connection, identifiers: list[str], employee_id: int) -> int:
    """Link accounts of exports imported with --account-of before this employee was registered."""
    keys = [pending_owner_key(i) for i in identifiers if i]
    if not keys:
        return 0
    result = conn.execute(update(accounts).where(accounts.c.key.in_(keys), accounts.c.employee_id.is_(None))
                          .values(employee_id=employee_id))
    return int(result.rowcount or 0)
