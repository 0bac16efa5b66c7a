"""Indonesian wording and formats shared by every report: dates, times in WIB, numbers, labels."""

from __future__ import annotations

import datetime as dt

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
UNKNOWN = "(tidak diketahui)"

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")

KIND_LABELS = {
    "post": "Unggahan",
    "comment": "Komentar",
    "share": "Membagikan ulang",
    "like": "Menyukai",
    "follow": "Mengikuti akun",
    "group_join": "Bergabung dengan grup",
}

STANCE_LABELS = {
    "support": "Dukungan",
    "attack": "Serangan",
    "neutral": "Netral",
    "lean": "Condong",
}


def format_date(day: dt.date | dt.datetime) -> str:
    """``25 November 2026`` (a datetime is first converted to WIB)."""
    if isinstance(day, dt.datetime):
        day = day.astimezone(WIB).date()
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_time(moment: dt.datetime) -> str:
    """``20:15 WIB``."""
    return moment.astimezone(WIB).strftime("%H:%M") + " WIB"


def format_datetime(moment: dt.datetime | None) -> str:
    """``25 November 2026 20:15 WIB``; ``None`` → "(tidak diketahui)"."""
    if moment is None:
        return UNKNOWN
    return f"{format_date(moment)} {format_time(moment)}"


def format_period(start: dt.date, end: dt.date) -> str:
    """``1 November 2026 s.d. 30 November 2026``."""
    return f"{format_date(start)} s.d. {format_date(end)}"


def format_score(score: float) -> str:
    """``0,87 (87%)``: Indonesian decimal comma."""
    return f"{score:.2f}".replace(".", ",") + f" ({round(score * 100)}%)"


def format_int(value: int) -> str:
    """``12.345``: Indonesian thousands separator."""
    return f"{value:,}".replace(",", ".")


def or_unknown(value: str | None) -> str:
    return value if value not in (None, "") else UNKNOWN


def state_label(state: str | None) -> str:
    """``tindak_lanjut`` → ``Tindak Lanjut``."""
    if not state:
        return "-"
    return state.replace("_", " ").title()


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def stance_label(stance: str | None) -> str:
    if stance is None:
        return UNKNOWN
    return STANCE_LABELS.get(stance, stance)
