"""Working days: Monday to Friday, minus national holidays and cuti bersama from a yearly table.

The tables are data (``calendar/<year>.yaml``), read by
:func:`jaganetral.knowledge.loader.load_holidays`; the counting is pure. A year with no table
counts weekends only, and :func:`add_days` says so (``complete`` False) so a front end can warn
that the deadline may be early.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import yaml


@dataclass(frozen=True)
class HolidayCalendar:
    days: Mapping[dt.date, str] = field(default_factory=dict)
    years: frozenset[int] = frozenset()
    unverified_years: frozenset[int] = frozenset()

    def is_workday(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.days

    def covers(self, day: dt.date) -> bool:
        return day.year in self.years


@dataclass(frozen=True)
class Due:
    date: dt.date
    complete: bool  # False: a year in the count has no holiday table (weekends only)


def add_days(calendar: HolidayCalendar, start: dt.date, days: int, unit: str) -> Due:
    """The deadline ``days`` days after ``start`` (the day of the event does not count).

    ``unit`` is ``hari`` (calendar days) or ``hari_kerja`` (working days). A calendar-day
    deadline is not moved off a holiday: the sources count plain days.
    """
    if days < 0:
        raise ValueError("jumlah hari tidak boleh negatif")
    if unit == "hari":
        end = start + dt.timedelta(days=days)
        return Due(end, True)
    if unit != "hari_kerja":
        raise ValueError(f"satuan tenggat tidak dikenal: {unit!r}")
    day, left, complete = start, days, True
    while left > 0:
        day += dt.timedelta(days=1)
        complete = complete and calendar.covers(day)
        if calendar.is_workday(day):
            left -= 1
    return Due(day, complete)


def workdays_between(calendar: HolidayCalendar, start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when end is earlier)."""
    if end < start:
        return -workdays_between(calendar, end, start)
    n, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        n += calendar.is_workday(day)
    return n


def parse_calendar(texts: Iterable[tuple[str, str]]) -> HolidayCalendar:
    """Build a calendar from (name, YAML text) pairs; raises ValueError naming the bad file."""
    days: dict[dt.date, str] = {}
    years: set[int] = set()
    unverified: set[int] = set()
    for name, text in texts:
        data = yaml.safe_load(text)
        if not isinstance(data, dict) or not isinstance(data.get("year"), int) \
                or not isinstance(data.get("days"), dict):
            raise ValueError(f"{name}: kalender harus berisi 'year' (angka) dan 'days' (tanggal: nama)")
        year = data["year"]
        for key, label in data["days"].items():
            if not isinstance(key, dt.date) or key.year != year or not isinstance(label, str):
                raise ValueError(f"{name}: entri {key!r} bukan tanggal tahun {year} dengan nama libur")
            days[key] = label
        years.add(year)
        if not data.get("verified", False):
            unverified.add(year)
    return HolidayCalendar(days, frozenset(years), frozenset(unverified))
