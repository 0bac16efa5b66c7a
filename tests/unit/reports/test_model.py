"""The input records and the Indonesian formats."""

from __future__ import annotations

import datetime as dt

import pytest
from report_samples import case_data, recap_data

from jaganetral.reports.model import ActivityData, AgencyRow, FindingData, TimelineEvent, WeekCount
from jaganetral.reports.text import format_date, format_datetime, format_int, format_score, state_label


def test_indonesian_dates_and_wib() -> None:
    assert format_date(dt.date(2026, 11, 25)) == "25 November 2026"
    assert format_date(dt.date(2026, 2, 1)) == "1 Februari 2026"
    late = dt.datetime(2026, 11, 25, 18, 30, tzinfo=dt.UTC)  # already the 26th in WIB
    assert format_datetime(late) == "26 November 2026 01:30 WIB"
    assert format_datetime(None) == "(tidak diketahui)"


def test_numbers_and_labels() -> None:
    assert format_score(0.873) == "0,87 (87%)"
    assert format_int(1234567) == "1.234.567"
    assert state_label("tindak_lanjut") == "Tindak Lanjut"


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        TimelineEvent(dt.datetime(2026, 1, 1), "x", "y")
    with pytest.raises(ValueError, match="timezone-aware"):
        ActivityData("x", "post", dt.datetime(2026, 1, 1), "teks")
    with pytest.raises(ValueError, match="timezone-aware"):
        case_data(generated_at=dt.datetime(2026, 1, 1))


def test_score_and_counts_are_checked() -> None:
    with pytest.raises(ValueError, match="score"):
        FindingData("DS-01", "t", "l", 1.5, "e", "d", "p")
    with pytest.raises(ValueError, match="non-negative"):
        AgencyRow("Dinas", findings=-1)
    with pytest.raises(ValueError, match="period_end"):
        recap_data(period_start=dt.date(2026, 12, 1))


def test_totals_are_computed_from_rows() -> None:
    data = recap_data()
    total = data.totals()
    assert total.agency == "TOTAL"
    assert total.findings == sum(r.findings for r in data.rows) == 24
    assert total.state_counts() == tuple(map(sum, zip(*(r.state_counts() for r in data.rows), strict=True)))
    assert total.cases == sum(r.cases for r in data.rows)
    assert data.forms_total() == 24 and data.platforms_total() == 24 and data.weeks_total() == 24
    assert data.scope_label == "Semua OPD"


def test_iso_week() -> None:
    week = WeekCount(2026, 1, 3)
    assert week.label == "2026-W01"
    assert week.monday == dt.date(2025, 12, 29)
