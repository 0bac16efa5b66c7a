"""Working-day deadlines: weekends, national holidays and cuti bersama are skipped."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jaganetral.knowledge.loader import load_holidays, load_procedure
from jaganetral.knowledge.procedure import due_for, parse_procedure
from jaganetral.knowledge.workdays import (
    HolidayCalendar,
    add_days,
    parse_calendar,
    workdays_between,
)

CAL = load_holidays()
D = dt.date


@pytest.mark.parametrize(("start", "days", "unit", "due"), [
    (D(2024, 1, 2), 1, "hari_kerja", D(2024, 1, 3)),       # Tue -> Wed
    (D(2024, 1, 5), 1, "hari_kerja", D(2024, 1, 8)),       # Fri -> Mon
    (D(2024, 2, 7), 3, "hari_kerja", D(2024, 2, 15)),      # 8 Isra Mikraj, 9 cuti, weekend, 12, 13, 14 Pemilu, 15
    (D(2024, 4, 5), 14, "hari_kerja", D(2024, 5, 6)),      # Idul Fitri 8-15 April and 1 May skipped
    (D(2024, 2, 13), 1, "hari_kerja", D(2024, 2, 15)),     # 14 Feb 2024: Pemilu holiday
    (D(2024, 4, 5), 7, "hari", D(2024, 4, 12)),            # calendar days: holidays count
    (D(2024, 12, 24), 2, "hari_kerja", D(2024, 12, 30)),   # 25 Natal, 26 cuti, 27 Fri, weekend, 30 Mon
    (D(2024, 3, 1), 0, "hari_kerja", D(2024, 3, 1)),
])
def test_deadlines(start: dt.date, days: int, unit: str, due: dt.date) -> None:
    result = add_days(CAL, start, days, unit)
    assert result.date == due and result.complete


def test_a_year_without_a_table_is_reported_incomplete() -> None:
    result = add_days(CAL, D(2031, 1, 2), 3, "hari_kerja")
    assert not result.complete and result.date == D(2031, 1, 7)


def test_tables_load_and_name_only_real_dates() -> None:
    assert {2024, 2025, 2026} <= CAL.years
    assert CAL.days[D(2024, 8, 17)].startswith("Hari Kemerdekaan")
    assert not CAL.is_workday(D(2025, 12, 25)) and CAL.is_workday(D(2025, 12, 29))


def test_bad_tables_fail_loudly() -> None:
    with pytest.raises(ValueError, match=r"rusak\.yaml"):
        parse_calendar([("rusak.yaml", "year: 2024\ndays: [1, 2]\n")])
    with pytest.raises(ValueError, match="tahun 2024"):
        parse_calendar([("salah.yaml", "year: 2024\ndays:\n  2025-01-01: Tahun Baru\n")])
    with pytest.raises(ValueError):
        add_days(CAL, D(2024, 1, 1), 1, "minggu")


@given(st.dates(D(2024, 1, 1), D(2026, 11, 30)), st.integers(1, 40))
def test_working_day_deadline_properties(start: dt.date, days: int) -> None:
    due = add_days(CAL, start, days, "hari_kerja").date
    assert CAL.is_workday(due)
    assert workdays_between(CAL, start, due) == days
    assert workdays_between(CAL, start, due - dt.timedelta(days=1)) == days - 1


def test_weekends_only_calendar() -> None:
    empty = HolidayCalendar()
    assert add_days(empty, D(2024, 4, 5), 5, "hari_kerja").date == D(2024, 4, 12)


def test_the_procedure_gives_each_open_step_an_owner_and_the_ppk_14_working_days() -> None:
    proc = load_procedure()
    assert [s.id for s in proc.states][:6] == ["temuan", "verifikasi", "klarifikasi", "rekomendasi",
                                               "tindak_lanjut", "selesai"]
    step = proc.state("tindak_lanjut")
    assert step.owner == "pimpinan" and step.deadline is not None
    assert (step.deadline.days, step.deadline.unit) == (14, "hari_kerja")
    due = due_for(proc, CAL, "tindak_lanjut", D(2024, 4, 5))
    assert due is not None and due.date == D(2024, 5, 6)
    assert due_for(proc, CAL, "selesai", D(2024, 4, 5)) is None
    assert set(proc.sanctions_for("moral")) == {"moral_tertutup", "moral_terbuka", "tidak_terbukti"}


def test_a_broken_procedure_fails_loudly() -> None:
    with pytest.raises(ValueError, match="alur penanganan tidak sah"):
        parse_procedure("version: '1'\nstates: []\nstop: {owner: admin, label: x}\nsanctions: {}\n")
    with pytest.raises(ValueError, match="next"):
        parse_procedure("version: '1'\nstates:\n  - {id: temuan, label: T, owner: admin, next: nowhere, "
                        "action: a}\n  - {id: dihentikan, label: D, terminal: true}\n"
                        "stop: {owner: admin, label: x}\nsanctions: {}\n")
