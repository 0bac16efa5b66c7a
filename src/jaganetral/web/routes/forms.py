"""Small helpers to read query strings and forms the way the pages send them."""

from __future__ import annotations

import datetime as dt

from fastapi import HTTPException

WIB = dt.timezone(dt.timedelta(hours=7))


def opt_int(value: str | None) -> int | None:
    if value is None or not value.strip():
        return None
    try:
        return int(value)
    except ValueError:
        raise HTTPException(status_code=400, detail=f"bukan bilangan bulat: {value!r}") from None


def opt_float(value: str | None) -> float | None:
    if value is None or not value.strip():
        return None
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        raise HTTPException(status_code=400, detail=f"bukan angka: {value!r}") from None
    if not 0 <= number <= 1:
        raise HTTPException(status_code=400, detail="skor minimum harus antara 0 dan 1")
    return number


def opt_date(value: str | None, end: bool = False) -> dt.datetime | None:
    """A YYYY-MM-DD date as the start of that day in WIB (or the start of the next day when ``end``)."""
    if value is None or not value.strip():
        return None
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise HTTPException(status_code=400, detail=f"tanggal tidak sah (pakai TTTT-BB-HH): {value!r}") from None
    if end:
        day += dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(), WIB)


def ids(values: list[str]) -> list[int]:
    out = [opt_int(v) for v in values]
    return [i for i in out if i is not None]


def back_to(value: str | None, default: str) -> str:
    """A local path to go back to after a form (never another site)."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return default
